package org.gongzhi.devdb.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Password authentication of the embedded PostgreSQL, on a real server: nobody gets in without a password (least of
 * all the superuser), the platform's role is not superuser, and a cluster of an earlier version (trust authentication,
 * everything owned by {@code postgres}) is migrated without losing data.
 */
public class DevPostgresAuthenticationTest {

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private DevPostgres running;

    @After
    public void stopLeftovers() {
        if (running != null) {
            running.stop();
        }
    }

    @Test
    public void aNewClusterAsksEveryoneForAPasswordAndThePlatformRoleIsNotSuperuser() throws Exception {
        Path data = tmp.getRoot().toPath().resolve("pg");
        running = new DevPostgres(data, 0, "gongzhi");
        running.start();

        assertRefused("postgres", null);
        assertRefused("postgres", "postgres");
        assertRefused("postgres", "");
        assertRefused("gongzhi", null);
        assertRefused("gongzhi", "wrong");
        assertRefused("nobody", null);

        assertPlatformRoleOwnsAndIsNotSuperuser();
        assertOnlyScramRules();
        assertSecretFilesPrivate(data);

        // the secrets are what the files say: a client with the file's password gets in
        String superuserPassword = Files.readString(data.resolveSibling("pg-secrets/postgres.password")).strip();
        try (Connection c = connect("postgres", superuserPassword); Statement st = c.createStatement()) {
            assertEquals("on", single(st, "SELECT CASE WHEN rolsuper THEN 'on' END FROM pg_roles WHERE rolname = current_user"));
        }
        String rolePassword = Files.readString(data.resolveSibling("pg-secrets/gongzhi.password")).strip();
        assertNotEquals(superuserPassword, rolePassword);
        try (Connection c = connect("gongzhi", rolePassword); Statement st = c.createStatement()) {
            assertEquals("gongzhi", single(st, "SELECT current_user"));
        }

        // a restart keeps both secrets
        running.stop();
        running.start();
        assertEquals(superuserPassword, Files.readString(data.resolveSibling("pg-secrets/postgres.password")).strip());
        try (Connection c = running.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertEquals("gongzhi", single(st, "SELECT current_user"));
        }
        assertRefused("postgres", null);
    }

    @Test
    public void migratesATrustClusterOfAnEarlierVersionWithoutLosingData() throws Exception {
        Path data = tmp.getRoot().toPath().resolve("postgres");
        createClusterTheOldWay(data);
        assertFalse("the old cluster trusts everyone", PgHba.passwordOnly(data));

        running = new DevPostgres(data, 0, "gongzhi");
        running.start();

        assertRefused("postgres", null);
        assertOnlyScramRules();
        assertPlatformRoleOwnsAndIsNotSuperuser();
        assertSecretFilesPrivate(data);
        try (Connection c = running.dataSource().getConnection(); Statement st = c.createStatement()) {
            // the data is still there and the platform role can use and change everything the superuser had created
            assertEquals("3", single(st, "SELECT count(*) FROM cases"));
            assertEquals("共治", single(st, "SELECT title FROM cases WHERE id = 1"));
            assertEquals("2", single(st, "SELECT count(*) FROM extra.notes"));
            assertEquals("3", single(st, "SELECT open_cases()"));
            assertEquals("3", single(st, "SELECT count(*) FROM open_case_titles"));
            st.executeUpdate("INSERT INTO cases (title, state) VALUES ('新案', 'open')");
            assertEquals("4", single(st, "SELECT max(id) FROM cases"));
            st.execute("ALTER TABLE cases ADD COLUMN note text");
            st.execute("ALTER TABLE extra.notes ADD COLUMN seen boolean");
            assertEquals("100", single(st, "SELECT nextval('ticket_numbers')"));
            st.execute("DROP VIEW open_case_titles");
        }
        assertEquals("nothing left to the superuser", List.of(), objectsNotOwnedByTheRole());

        // a second start has nothing to migrate; deleting the superuser's secret file only renews that password
        running.stop();
        Files.delete(data.resolveSibling("postgres-secrets/postgres.password"));
        running.start();
        assertRefused("postgres", null);
        String renewed = Files.readString(data.resolveSibling("postgres-secrets/postgres.password")).strip();
        try (Connection c = connect("postgres", renewed); Statement st = c.createStatement()) {
            assertEquals("4", single(st, "SELECT count(*) FROM cases"));
        }
    }

    /** What earlier versions did: zonky's initdb (trust), the database and tables created as the superuser. */
    private static void createClusterTheOldWay(Path data) throws IOException, SQLException {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(data.resolveSibling(DevPostgres.BINARIES_DIRECTORY_NAME).toFile())
                .setServerConfig("listen_addresses", DevPostgres.HOST)
                .setServerConfig("unix_socket_directories", "")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE gongzhi");
            }
            try (Connection c = old.getDatabase("postgres", "gongzhi").getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TYPE case_state AS ENUM ('open', 'closed')");
                st.execute("CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 200)");
                st.execute("CREATE TABLE cases (id serial PRIMARY KEY, title short_text NOT NULL, state case_state NOT NULL)");
                st.execute("CREATE TABLE flyway_core_history (installed_rank int PRIMARY KEY,"
                        + " id bigint GENERATED ALWAYS AS IDENTITY)");
                st.execute("CREATE SEQUENCE ticket_numbers START 100");
                st.execute("CREATE VIEW open_case_titles AS SELECT title FROM cases WHERE state = 'open'");
                st.execute("CREATE FUNCTION open_cases() RETURNS bigint LANGUAGE sql AS"
                        + " $$ SELECT count(*) FROM cases WHERE state = 'open' $$");
                st.execute("CREATE SCHEMA extra");
                st.execute("CREATE TABLE extra.notes (id bigserial PRIMARY KEY, body text)");
                st.executeUpdate("INSERT INTO cases (title, state) VALUES ('共治', 'open'), ('b', 'open'), ('c', 'open')");
                st.executeUpdate("INSERT INTO extra.notes (body) VALUES ('x'), ('y')");
            }
        }
    }

    private List<String> objectsNotOwnedByTheRole() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = running.superuserDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.relkind::text || ' ' || c.oid::regclass FROM pg_class c"
                     + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname IN ('public', 'extra') AND pg_get_userbyid(c.relowner) <> 'gongzhi'"
                     + " UNION ALL SELECT 'f ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                     + " WHERE n.nspname IN ('public', 'extra') AND pg_get_userbyid(p.proowner) <> 'gongzhi'"
                     + " UNION ALL SELECT 't ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                     + " WHERE n.nspname IN ('public', 'extra') AND pg_get_userbyid(t.typowner) <> 'gongzhi'"
                     + " UNION ALL SELECT 'n ' || nspname FROM pg_namespace WHERE nspname = 'extra'"
                     + " AND pg_get_userbyid(nspowner) <> 'gongzhi'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private void assertPlatformRoleOwnsAndIsNotSuperuser() throws SQLException {
        try (Connection c = running.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertEquals("gongzhi", single(st, "SELECT current_user"));
            assertEquals("not superuser, cannot create roles, databases or replicate", "f f f f f",
                    single(st, "SELECT concat_ws(' ', rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls)"
                            + " FROM pg_roles WHERE rolname = current_user"));
            assertEquals("gongzhi", single(st, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
            assertEquals("off", single(st, "SHOW is_superuser"));
            st.execute("CREATE TABLE IF NOT EXISTS owned_by_role (id int)");
            try {
                st.execute("CREATE ROLE intruder LOGIN SUPERUSER");
                fail("the platform role could create a superuser");
            } catch (SQLException expected) {
                assertEquals("42501", expected.getSQLState()); // insufficient_privilege
            }
        }
    }

    private void assertOnlyScramRules() throws SQLException {
        try (Connection c = running.superuserDataSource().getConnection(); Statement st = c.createStatement()) {
            assertEquals("scram-sha-256", single(st, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"));
            assertEquals("0", single(st, "SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL"));
            assertEquals("scram-sha-256", single(st, "SHOW password_encryption"));
        }
    }

    private static void assertSecretFilesPrivate(Path data) throws IOException {
        Path secrets = data.resolveSibling(data.getFileName() + "-secrets");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
        for (String name : List.of("postgres.password", "gongzhi.password")) {
            Path file = secrets.resolve(name);
            assertEquals(name, "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            assertTrue(name + " holds a long random secret", secret.matches("[A-Za-z0-9_-]{43}"));
        }
    }

    /** A login attempt with the plain JDBC driver, as any local process could make it. */
    private void assertRefused(String user, String password) {
        try (Connection ignored = connect(user, password)) {
            fail("PostgreSQL let " + user + " in " + (password == null ? "without a password" : "with a wrong password"));
        } catch (SQLException expected) {
            String state = expected.getSQLState();
            // 28P01 invalid_password / 28000 invalid authorization; 08004 = the driver would not even send an empty
            // password to a server that asked for SCRAM (the server asked: no trust rule matched)
            assertTrue(user + ": " + state + " " + expected.getMessage(),
                    "28P01".equals(state) || "28000".equals(state) || "08004".equals(state));
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + running.port() + "/gongzhi", props);
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue("one row from " + sql, rs.next());
            String value = rs.getString(1);
            assertFalse("only one row from " + sql, rs.next());
            return value;
        }
    }
}
