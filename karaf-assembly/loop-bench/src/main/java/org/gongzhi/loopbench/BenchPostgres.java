package org.gongzhi.loopbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gongzhi.cli.ProcCpu;

/**
 * The one PostgreSQL every engine of a run writes to: the benchmark's own embedded server (zonky, started with
 * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, which zonky would turn off) or a
 * running one named by URL, which must have {@code fsync} and {@code synchronous_commit} on.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private BenchPostgres(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Starts an embedded PostgreSQL in a fresh temporary data directory, deleted on {@link #close}. */
    static BenchPostgres embedded() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        return new BenchPostgres(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    /** A running server; its password is the first line of {@code passwordFile} (null: none). */
    static BenchPostgres external(String url, String user, Path passwordFile) throws IOException, SQLException {
        String password = passwordFile == null ? null : Files.readAllLines(passwordFile).get(0);
        BenchPostgres pg = new BenchPostgres(null, url, user, password);
        Map<String, String> s = pg.settings();
        if (!"on".equals(s.get("fsync")) || !"on".equals(s.get("synchronous_commit"))) {
            throw new SQLException("the server at " + url + " must run with fsync and synchronous_commit on: " + s);
        }
        return pg;
    }

    /** A pool of at most {@code size} connections, named for the engine that uses it. */
    HikariDataSource pool(String name, int size) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("loop-bench-" + name);
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(size);
        return new HikariDataSource(c);
    }

    /** The server's version and the settings that decide a commit's cost. */
    Map<String, String> settings() throws SQLException {
        Map<String, String> s = new LinkedHashMap<>();
        try (HikariDataSource ds = pool("settings", 1); Connection c = ds.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select name, setting from pg_settings where name in ('server_version', "
                     + "'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', "
                     + "'max_connections') order by name")) {
            while (rs.next()) {
                s.put(rs.getString(1), rs.getString(2));
            }
        }
        return s;
    }

    /** The postmaster's process id (the parent of a backend), or -1 when the server is not on this host. */
    long postmasterPid() throws SQLException {
        try (HikariDataSource ds = pool("pid", 1); Connection c = ds.getConnection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcCpu.parent(rs.getLong(1));
        }
    }

    /** Forces a checkpoint, so that no point of the run pays for the previous one's dirty pages. */
    void checkpoint(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("checkpoint");
        }
    }

    /** Where the run's data went, for the report. */
    String where() {
        return embedded != null ? "embedded PostgreSQL (zonky), fresh data directory" : url;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
