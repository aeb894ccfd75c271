package org.gongzhi.core.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V19 (scheduler): the tables of Quartz's clustered JDBC job store ({@code qrtz_*}), which
 * {@code gongzhi-scheduler} uses (ADR 0027). The statements are the {@code CREATE TABLE} and
 * {@code CREATE INDEX} statements of the PostgreSQL script that Quartz ships in its jar
 * ({@code org/quartz/impl/jdbcjobstore/tables_postgres.sql}, taken from the jar of {@code quartz.version}
 * at build time into {@code db/quartz/}); its {@code DROP TABLE} statements and its closing
 * {@code COMMIT} are left out, Flyway's transaction is the only one. Any other kind of statement fails
 * the migration, so a Quartz upgrade that changes the script is noticed: the checksum is the script's,
 * and Flyway's validation refuses a changed script under an applied V19 (a later Quartz schema change
 * needs a migration of its own).
 */
public final class SchedulerTables implements JavaMigration {

    /** Where the build puts Quartz's script inside this bundle. */
    static final String SCRIPT = "db/quartz/tables_postgres.sql";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("19");
    }

    @Override
    public String getDescription() {
        return "scheduler";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(script().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        create(context.getConnection());
    }

    /** Creates Quartz's tables and indexes on {@code connection} (the caller commits). */
    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script())) {
                statement.execute(sql);
            }
        }
    }

    /** The script's {@code CREATE} statements in their order, without comments, drops and commit. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> creates = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            String sql = part.strip();
            String head = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty() || head.startsWith("DROP TABLE") || head.equals("COMMIT")) {
                continue;
            }
            if (!head.startsWith("CREATE TABLE") && !head.startsWith("CREATE INDEX")) {
                throw new IllegalStateException("Unexpected statement in Quartz's table script: "
                        + sql.substring(0, Math.min(60, sql.length())));
            }
            creates.add(sql);
        }
        if (creates.isEmpty()) {
            throw new IllegalStateException("Quartz's table script " + SCRIPT + " holds no CREATE statement");
        }
        return creates;
    }

    static String script() {
        try (InputStream in = SchedulerTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the bundle (see the persistence pom)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
