package org.gongzhi.devdb.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Starts a real PostgreSQL (zonky binaries) outside OSGi, the way {@link EmbeddedDatabase} does inside Karaf. */
public class DevPostgresTest {

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
    public void dataSurvivesRestartOnTheSameDirectory() throws Exception {
        Path dataDirectory = tmp.getRoot().toPath().resolve("data");

        running = start(dataDirectory);
        int firstPort = running.port();
        assertTrue("data directory initialised", Files.isRegularFile(dataDirectory.resolve("postgresql.conf")));
        assertTrue("binaries extracted next to the data directory",
                Files.isDirectory(tmp.getRoot().toPath().resolve(DevPostgres.BINARIES_DIRECTORY_NAME)));
        assertEquals("jdbc:postgresql://127.0.0.1:" + firstPort + "/gongzhi?user=gongzhi", running.jdbcUrl());
        try (Connection c = running.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertEquals("gongzhi", single(st, "SELECT current_database()"));
            assertEquals("on", single(st, "SHOW fsync"));
            assertEquals("on", single(st, "SHOW synchronous_commit"));
            assertEquals("on", single(st, "SHOW full_page_writes"));
            assertEquals("127.0.0.1", single(st, "SHOW listen_addresses"));
            assertEquals("UTF8", single(st, "SHOW server_encoding"));
            st.execute("CREATE TABLE survivor (id int PRIMARY KEY, name text NOT NULL)");
            st.executeUpdate("INSERT INTO survivor VALUES (1, '共治')");
        }
        DataSource stale = running.dataSource();
        running.stop();
        running = null;
        assertRefused(stale); // stop() returns only once the server is gone
        assertFalse("postmaster exited", Files.exists(dataDirectory.resolve("postmaster.pid")));

        running = start(dataDirectory);
        try (Connection c = running.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertEquals("共治", single(st, "SELECT name FROM survivor WHERE id = 1"));
            assertEquals("on", single(st, "SHOW fsync"));
        }
        running.stop();
        running = null;
    }

    @Test
    public void fixedPortIsUsedAndListensOnLoopbackOnly() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        running = new DevPostgres(tmp.getRoot().toPath().resolve("pg"), port, "other_db");
        running.start();
        assertEquals(port, running.port());
        try (Connection c = running.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertEquals("other_db", single(st, "SELECT current_database()"));
            assertEquals("127.0.0.1", single(st, "SELECT host(inet_server_addr())"));
        }
        assertThrows(IllegalStateException.class, running::start);
    }

    @Test
    public void refusesAServerOfAnotherDataDirectoryOnItsPort() throws Exception {
        running = new DevPostgres(tmp.getRoot().toPath().resolve("first"), 0, "gongzhi");
        running.start();
        DevPostgres second = new DevPostgres(tmp.getRoot().toPath().resolve("second"), running.port(), "gongzhi");
        IllegalStateException refused = assertThrows(IllegalStateException.class, second::start);
        assertTrue(refused.getMessage(), refused.getMessage().contains("is already in use, not by the PostgreSQL of"));
        assertFalse(second.isRunning());
        try (Connection c = running.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertEquals("first server untouched", "1", single(st, "SELECT 1"));
        }
    }

    @Test
    public void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        Path dir = tmp.getRoot().toPath();
        assertThrows(IllegalArgumentException.class, () -> new DevPostgres(dir, 0, "x\"; DROP DATABASE postgres; --"));
        assertThrows(IllegalArgumentException.class, () -> new DevPostgres(dir, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new DevPostgres(dir, 70000, "gongzhi"));
        assertThrows(IllegalArgumentException.class, () -> new DevPostgres(dir, 0, "gongzhi", "postgres"));
        assertThrows(IllegalArgumentException.class, () -> new DevPostgres(dir, 0, "gongzhi", "pg_monitor"));
        assertThrows(IllegalArgumentException.class, () -> new DevPostgres(dir, 0, "gongzhi", "a b"));
    }

    @Test
    public void dataDirectoryDefaultsBelowKarafData() throws Exception {
        String saved = System.getProperty("karaf.data");
        try {
            Path karafData = tmp.newFolder("karaf-data").toPath();
            System.setProperty("karaf.data", karafData.toString());
            assertEquals(karafData.resolve("gongzhi-postgres"), DevPostgres.resolveDataDirectory(""));
            assertEquals(karafData.resolve("gongzhi-postgres"), DevPostgres.resolveDataDirectory("  "));
            assertEquals(karafData.resolve("elsewhere"), DevPostgres.resolveDataDirectory(karafData + "/elsewhere"));

            System.clearProperty("karaf.data");
            assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "gongzhi-postgres").toAbsolutePath(),
                    DevPostgres.resolveDataDirectory(null));
        } finally {
            if (saved == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", saved);
            }
        }
        DevPostgres pg = new DevPostgres(tmp.getRoot().toPath().resolve("a/data"), 0, "gongzhi");
        assertEquals(tmp.getRoot().toPath().resolve("a/gongzhi-postgres-bin"), pg.binariesDirectory());
        assertFalse(pg.isRunning());
    }

    private static DevPostgres start(Path dataDirectory) throws Exception {
        DevPostgres pg = new DevPostgres(dataDirectory, 0, "gongzhi");
        long begin = System.nanoTime();
        pg.start();
        System.out.printf("[devdb] PostgreSQL started in %d ms (%s)%n", (System.nanoTime() - begin) / 1_000_000, dataDirectory);
        return pg;
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue("one row from " + sql, rs.next());
            String value = rs.getString(1);
            assertFalse("only one row from " + sql, rs.next());
            return value;
        }
    }

    private static void assertRefused(DataSource ds) {
        try (Connection ignored = ds.getConnection()) {
            fail("PostgreSQL still accepts connections after stop()");
        } catch (SQLException expected) {
            // connection refused
        }
    }
}
