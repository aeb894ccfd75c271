package org.gongzhi.devdb.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Start/stop logic of the embedded development PostgreSQL, free of OSGi so it can be tested as a plain class.
 *
 * <p>PostgreSQL runs from the zonky binaries with a persistent data directory, listens on 127.0.0.1 only,
 * keeps {@code fsync} and {@code synchronous_commit} on (zonky turns both off by default) and has a
 * database {@link #database()} that is created when missing. Authentication is {@code trust} for the
 * superuser {@code postgres}: this is a development database, reachable only from this machine.
 *
 * <p>Not thread-safe beyond {@code synchronized} start/stop; {@link EmbeddedDatabase} drives it from one thread.
 */
public final class DevPostgres {

    /** Superuser created by zonky's initdb ({@code -U postgres -A trust}). */
    public static final String USER = "postgres";
    /** The only interface PostgreSQL listens on. */
    public static final String HOST = "127.0.0.1";
    /** Directory name of the data directory below {@code karaf.data} when none is configured. */
    public static final String DEFAULT_DATA_DIRECTORY_NAME = "gongzhi-postgres";
    /** Sibling of the data directory into which zonky extracts the PostgreSQL binaries (once per binary version). */
    public static final String BINARIES_DIRECTORY_NAME = "gongzhi-postgres-bin";

    /** How long to wait for the postmaster to accept connections (crash recovery after a hard kill can take a while). */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** How long {@link #stop()} waits for the postmaster process to exit. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private static final Logger LOG = LoggerFactory.getLogger(DevPostgres.class);

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final int requestedPort;
    private final String database;

    private EmbeddedPostgres postgres;
    private Thread shutdownHook;
    private volatile int port = -1;

    /**
     * @param dataDirectory PostgreSQL data directory; kept across restarts, initialised (initdb) when it has no
     *                      {@code postgresql.conf} yet
     * @param port          TCP port on 127.0.0.1, 0 = pick a free one
     * @param database      database to create if missing and to point {@link #dataSource()} at
     */
    public DevPostgres(Path dataDirectory, int port, String database) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        this.binariesDirectory = this.dataDirectory.resolveSibling(BINARIES_DIRECTORY_NAME);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = any free port): " + port);
        }
        this.requestedPort = port;
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "database must be a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*, at most 63 characters): " + database);
        }
        this.database = database;
    }

    /**
     * The data directory for a configured value: the value itself when not blank, otherwise
     * {@code ${karaf.data}/gongzhi-postgres}, or {@code ${java.io.tmpdir}/gongzhi-postgres} outside Karaf.
     */
    public static Path resolveDataDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim()).toAbsolutePath().normalize();
        }
        String parent = System.getProperty("karaf.data");
        if (parent == null || parent.isBlank()) {
            parent = System.getProperty("java.io.tmpdir");
        }
        return Paths.get(parent, DEFAULT_DATA_DIRECTORY_NAME).toAbsolutePath().normalize();
    }

    /**
     * Starts PostgreSQL (extracting the binaries and running initdb on first use) and creates the database if
     * missing. Blocks until the server accepts connections. Call {@link #stop()} to shut it down.
     */
    public synchronized void start() throws IOException, SQLException {
        if (postgres != null) {
            throw new IllegalStateException("already started on port " + port);
        }
        long begin = System.nanoTime();
        Files.createDirectories(binariesDirectory);
        Files.createDirectories(dataDirectory);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDirectory.toFile())
                .setPort(requestedPort)
                .setPGStartupWait(STARTUP_WAIT)
                // our own hook, removed again on stop(): zonky's would pin this class loader until JVM exit
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", HOST)
                // TCP only: no world-accessible unix socket in /tmp (auth is trust)
                .setServerConfig("unix_socket_directories", "")
                // zonky passes -F (fsync off) and synchronous_commit=off; this is the run database: data must survive
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // initdb only (new data directory): UTF-8 with PostgreSQL's own locale provider, so the cluster
                // behaves the same whatever the host's LANG is (and initdb does not fail on a non-UTF-8 LANG)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8");

        EmbeddedPostgres started = withBundleClassLoader(builder::start);
        try {
            port = started.getPort();
            verifyDataDirectory();
            createDatabaseIfMissing();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(started);
            port = -1;
            throw e;
        }
        postgres = started;
        shutdownHook = new Thread(() -> closeQuietly(started), "gongzhi-devdb-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.debug("PostgreSQL on port {} ready in {} ms (data directory {})",
                port, (System.nanoTime() - begin) / 1_000_000, dataDirectory);
    }

    /** Stops PostgreSQL (fast shutdown) and waits until the postmaster has exited; no-op when not started. */
    public synchronized void stop() {
        EmbeddedPostgres running = postgres;
        if (running == null) {
            return;
        }
        postgres = null;
        port = -1;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the JVM is exiting; our hook may be closing it concurrently, close() is idempotent
            }
            shutdownHook = null;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        closeQuietly(running);
        // zonky's pg_ctl stop gives up after 5 s, a fast shutdown's checkpoint may take longer. The postmaster removes
        // postmaster.pid as its very last step, so only while that file exists is there something to wait for.
        postmaster.filter(p -> Files.exists(dataDirectory.resolve("postmaster.pid")) && p.isAlive()).ifPresent(process -> {
            LOG.debug("Waiting for PostgreSQL (pid {}) to exit", process.pid());
            try {
                process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.error("PostgreSQL (pid {}, data directory {}) did not stop within {} s",
                        process.pid(), dataDirectory, STOP_WAIT.toSeconds());
            }
        });
    }

    /** The running postmaster, from the first line of {@code postmaster.pid} in the data directory. */
    private Optional<ProcessHandle> postmaster() {
        try (BufferedReader reader = Files.newBufferedReader(dataDirectory.resolve("postmaster.pid"))) {
            String line = reader.readLine();
            return line == null ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(line.trim()))
                            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** A new non-pooling DataSource for {@link #database()} as superuser {@code postgres}. Requires a running server. */
    public DataSource dataSource() {
        return dataSource(database);
    }

    /** The port PostgreSQL listens on; only valid while running. */
    public int port() {
        int p = port;
        if (p < 0) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return p;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database + "?user=" + USER;
    }

    public String database() {
        return database;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path binariesDirectory() {
        return binariesDirectory;
    }

    private PGSimpleDataSource dataSource(String db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(db);
        ds.setUser(USER);
        ds.setApplicationName("gongzhi");
        return ds;
    }

    /**
     * zonky only checks that something answers on the port: a postmaster orphaned by a hard kill of the JVM (or any
     * other PostgreSQL on that port) would be taken for ours. An orphan on our own data directory is fine (we adopt
     * it and stop it on {@link #stop()}); a server on another data directory is not.
     */
    private void verifyDataDirectory() throws SQLException {
        String served;
        try (Connection c = dataSource("postgres").getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            served = rs.getString(1);
        }
        boolean ours;
        try {
            ours = Files.isSameFile(Paths.get(served), dataDirectory);
        } catch (IOException notHere) {
            ours = false; // e.g. a server in a container whose data directory does not exist on this machine
        }
        if (!ours) {
            throw new IllegalStateException("Port " + port + " is served by another PostgreSQL (data directory "
                    + served + ", expected " + dataDirectory + "); configure a different port");
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = dataSource("postgres").getConnection()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement st = c.createStatement()) {
                    // name validated against DATABASE_NAME in the constructor
                    st.execute("CREATE DATABASE \"" + database + "\"");
                }
                LOG.info("Created database {} in {}", database, dataDirectory);
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            withBundleClassLoader(() -> {
                pg.close(); // pg_ctl stop -m fast -w: returns once the postmaster is gone (idempotent)
                return null;
            });
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    /**
     * Runs zonky with the context class loader set to the loader of zonky's classes (inside Karaf: this bundle's
     * class loader, whose Bundle-ClassPath holds the embedded zonky and binaries jars). zonky 2.2.2 itself looks
     * the binaries up via {@code DefaultPostgresBinaryResolver.class.getClassLoader()}, i.e. the same loader; the
     * TCCL is set so that nothing on this path sees Karaf's (or SCR's) loader instead.
     */
    private static <T> T withBundleClassLoader(Callable<T> action) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedPostgres.class.getClassLoader());
        try {
            return action.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
