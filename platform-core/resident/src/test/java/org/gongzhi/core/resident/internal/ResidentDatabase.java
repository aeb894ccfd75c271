package org.gongzhi.core.resident.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.rules.ExternalResource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL with the platform's schema, migrated by the persistence bundle's own scripts
 * (read from its source folder), and two districts. One per test class.
 */
final class ResidentDatabase extends ExternalResource {

    static final Path MIGRATIONS = Path.of("../persistence/src/main/resources/db/migration");

    private EmbeddedPostgres postgres;
    private Store store;

    @Override
    protected void before() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:" + MIGRATIONS.toAbsolutePath().normalize())
                .table("flyway_core_history").load().migrate();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into tenant (id, name, admin_code) values ('jizhou', '吉州区', '360802'), "
                    + "('donghu', '东湖区', '360102')");
        }
        store = new Store(postgres.getPostgresDatabase(), 4);
    }

    @Override
    protected void after() {
        store.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Store store() {
        return store;
    }

    /** Runs SQL outside the code under test (inspection, clean-up). */
    <T> T sql(Store.Work<T> work) {
        return store.inTransaction(work);
    }
}
