package org.gongzhi.devdb.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Start/stop logic of the embedded development PostgreSQL, free of OSGi so it can be tested as a plain class.
 *
 * <p>PostgreSQL runs from the zonky binaries with a persistent data directory, listens on 127.0.0.1 only,
 * keeps {@code fsync} and {@code synchronous_commit} on (zonky turns both off by default) and has a
 * database {@link #database()} that is created when missing.
 *
 * <p>Every connection needs a password (SCRAM-SHA-256 on every line of {@code pg_hba.conf}). The superuser
 * {@code postgres} and the platform's role ({@link #role()}, not superuser, owner of the database and of everything
 * in it) each have a generated password in a file of mode 600 in {@link #secretsDirectory()}. A data directory of an
 * earlier version (trust authentication, tables owned by {@code postgres}) is migrated on start: the superuser gets
 * its password in single-user mode (no server is listening meanwhile), {@code pg_hba.conf} is rewritten, the role is
 * created and the database handed over to it; the data stays.
 *
 * <p>Not thread-safe beyond {@code synchronized} start/stop; {@link EmbeddedDatabase} drives it from one thread.
 */
public final class DevPostgres {

    /** Superuser created by zonky's initdb ({@code -U postgres}); only DevPostgres itself connects as it. */
    public static final String SUPERUSER = "postgres";
    /** Default role of the platform: not superuser, owns the database. */
    public static final String DEFAULT_ROLE = "gongzhi";
    /** The only interface PostgreSQL listens on. */
    public static final String HOST = "127.0.0.1";
    /** Directory name of the data directory below {@code karaf.data} when none is configured. */
    public static final String DEFAULT_DATA_DIRECTORY_NAME = "gongzhi-postgres";
    /** Sibling of the data directory into which zonky extracts the PostgreSQL binaries (once per binary version). */
    public static final String BINARIES_DIRECTORY_NAME = "gongzhi-postgres-bin";
    /** Suffix of the sibling directory (mode 700) that holds the password files: {@code <dataDirectory>-secrets}. */
    public static final String SECRETS_DIRECTORY_SUFFIX = "-secrets";

    /** How long to wait for the postmaster to accept connections (crash recovery after a hard kill can take a while). */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** How long {@link #stop()} waits for the postmaster process to exit. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private static final Logger LOG = LoggerFactory.getLogger(DevPostgres.class);

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final int requestedPort;
    private final String database;
    private final String role;
    private final Path secretsDirectory;
    private final SecretFile superuserSecret;
    private final SecretFile roleSecret;
    /**
     * Records the digest of the binaries archive zonky reads, which names the directory zonky extracts it into. One per
     * instance: zonky caches the extracted directory per resolver, whatever working directory a later start names.
     */
    private final RecordingBinaryResolver binaries = new RecordingBinaryResolver();

    private volatile String superuserPassword;
    private volatile String rolePassword;
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
        this(dataDirectory, port, database, DEFAULT_ROLE);
    }

    /**
     * @param role the platform's role (created if missing, never superuser), owner of {@code database}
     */
    public DevPostgres(Path dataDirectory, int port, String database, String role) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        this.binariesDirectory = this.dataDirectory.resolveSibling(BINARIES_DIRECTORY_NAME);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = any free port): " + port);
        }
        this.requestedPort = port;
        if (database == null || !IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "database must be a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*, at most 63 characters): " + database);
        }
        if (role == null || !IDENTIFIER.matcher(role).matches() || role.equals(SUPERUSER) || role.startsWith("pg_")) {
            throw new IllegalArgumentException("role must be a plain SQL identifier other than " + SUPERUSER
                    + " and not starting with pg_: " + role);
        }
        this.database = database;
        this.role = role;
        this.secretsDirectory = this.dataDirectory.resolveSibling(this.dataDirectory.getFileName() + SECRETS_DIRECTORY_SUFFIX);
        this.superuserSecret = new SecretFile(secretsDirectory.resolve(SUPERUSER + ".password"));
        this.roleSecret = new SecretFile(secretsDirectory.resolve(role + ".password"));
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
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        Files.createDirectories(dataDirectory);
        superuserPassword = superuserSecret.readOrCreate();
        rolePassword = roleSecret.readOrCreate();
        // a cluster of an earlier version (trust, superuser without password), or its secret file was deleted
        boolean setSuperuserPassword = !fresh && (superuserSecret.created() || !PgHba.passwordOnly(dataDirectory));
        refuseForeignServerOnPort();

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDirectory.toFile())
                .setPort(requestedPort)
                .setPGStartupWait(STARTUP_WAIT)
                // our own hook, removed again on stop(): zonky's would pin this class loader until JVM exit
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", HOST)
                // TCP only: no unix socket in /tmp
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky passes -F (fsync off) and synchronous_commit=off; this is the run database: data must survive
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // initdb only (new data directory): UTF-8 with PostgreSQL's own locale provider, so the cluster
                // behaves the same whatever the host's LANG is (and initdb does not fail on a non-UTF-8 LANG)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                // initdb only: zonky passes these as --key=value; the superuser gets its password from the file
                .setLocaleConfig("pwfile", superuserSecret.path().toString())
                // zonky's readiness check connects as the superuser
                .setConnectConfig("password", superuserPassword)
                // after initdb (or on an existing directory), before the server starts
                .setDataDirectoryCustomizer(directory -> prepareDataDirectory(directory, fresh, setSuperuserPassword));

        EmbeddedPostgres started = withBundleClassLoader(builder::start);
        int handedOver;
        try {
            port = started.getPort();
            verifyDataDirectory();
            handedOver = new PlatformRole(role, database).ensure(superuserDataSource(SUPERUSER), superuserDataSource(database),
                    rolePassword);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(started);
            port = -1;
            throw e;
        }
        postgres = started;
        // zonky makes its working directory writable for everyone (to share binaries between users): not ours
        SecretFile.createPrivateDirectory(binariesDirectory);
        shutdownHook = new Thread(() -> closeQuietly(started), "gongzhi-devdb-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (fresh) {
            LOG.info("Created PostgreSQL cluster {}: password authentication, role {} owns database {}; passwords in {}",
                    dataDirectory, role, database, secretsDirectory);
        } else if (setSuperuserPassword || handedOver > 0) {
            LOG.info("Migrated PostgreSQL cluster {} to password authentication: superuser password {}, role {} owns"
                    + " database {} ({} objects handed over); passwords in {}", dataDirectory,
                    setSuperuserPassword ? "set" : "kept", role, database, handedOver, secretsDirectory);
        }
        LOG.debug("PostgreSQL on port {} ready in {} ms (data directory {})",
                port, (System.nanoTime() - begin) / 1_000_000, dataDirectory);
    }

    /**
     * Runs inside zonky's start, with the binaries extracted and the data directory initialised and locked, before
     * the server starts: sets the superuser's password when needed (single-user mode) and makes every line of
     * {@code pg_hba.conf} ask for a password.
     */
    private void prepareDataDirectory(File directory, boolean fresh, boolean setSuperuserPassword) {
        try {
            if (setSuperuserPassword) {
                Path bin = binaries.binDirectory(binariesDirectory);
                stopOrphanedServer(bin);
                String verifier = PasswordUtil.encodeScramSha256(superuserPassword.toCharArray());
                PostgresTools.run(bin, "postgres", List.of("--single", "-D", directory.getPath(), "-c", "exit_on_error=on",
                        "-c", "log_min_messages=warning", SUPERUSER),
                        "ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + verifier + "'\n", STARTUP_WAIT);
                LOG.info("Set the password of the superuser {} of {} (single-user mode)", SUPERUSER, directory);
            }
            if (PgHba.write(directory.toPath()) && !fresh) {
                LOG.info("Rewrote {}/pg_hba.conf: password (SCRAM) authentication on every line", directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a hard kill of Karaf the postmaster may still run on this directory: single-user mode needs it stopped. */
    private void stopOrphanedServer(Path bin) throws IOException {
        Optional<ProcessHandle> orphan = postmaster().filter(ProcessHandle::isAlive);
        if (orphan.isPresent()) {
            LOG.info("Stopping the PostgreSQL left running on {} (pid {}) to migrate it", dataDirectory, orphan.get().pid());
            PostgresTools.run(bin, "pg_ctl", List.of("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60"), null,
                    STARTUP_WAIT);
        }
    }

    /**
     * zonky would take any server answering on the port for ours. Before starting, the port must be free or served
     * by the postmaster of our own data directory (left running by a hard kill of the JVM, adopted and stopped later).
     */
    private void refuseForeignServerOnPort() {
        if (requestedPort == 0 || !accepts(requestedPort)) {
            return;
        }
        boolean ours = postmaster().filter(ProcessHandle::isAlive).isPresent() && postmasterPort() == requestedPort;
        if (!ours) {
            throw new IllegalStateException("Port " + requestedPort + " on " + HOST + " is already in use, not by the"
                    + " PostgreSQL of " + dataDirectory + "; stop that server or configure a different port");
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The port in {@code postmaster.pid} (fourth line), -1 when unknown. */
    private int postmasterPort() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
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

    /**
     * A new non-pooling DataSource for {@link #database()} as the platform's role {@link #role()} (with its password).
     * Requires a running server.
     */
    public DataSource dataSource() {
        PGSimpleDataSource ds = dataSourceFor(database);
        ds.setUser(role);
        ds.setPassword(rolePassword);
        return ds;
    }

    /** A new non-pooling DataSource for {@link #database()} as the superuser; for maintenance and tests only. */
    public DataSource superuserDataSource() {
        return superuserDataSource(database);
    }

    /** The port PostgreSQL listens on; only valid while running. */
    public int port() {
        int p = port;
        if (p < 0) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return p;
    }

    /** The URL of {@link #dataSource()}, without the password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database + "?user=" + role;
    }

    public String database() {
        return database;
    }

    /** The platform's role (login, not superuser, owner of {@link #database()}). */
    public String role() {
        return role;
    }

    /** {@code <dataDirectory>-secrets}: mode 700, holding {@code postgres.password} and {@code <role>.password} (600). */
    public Path secretsDirectory() {
        return secretsDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path binariesDirectory() {
        return binariesDirectory;
    }

    private PGSimpleDataSource superuserDataSource(String db) {
        PGSimpleDataSource ds = dataSourceFor(db);
        ds.setUser(SUPERUSER);
        ds.setPassword(superuserPassword);
        return ds;
    }

    private PGSimpleDataSource dataSourceFor(String db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(db);
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
        try (Connection c = superuserDataSource(SUPERUSER).getConnection(); Statement st = c.createStatement();
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

    /**
     * zonky's own resolver, passed through a digest: zonky extracts the archive into {@code PG-<md5 of the archive>}
     * below the working directory, and single-user mode needs that path before zonky exposes it.
     */
    private static final class RecordingBinaryResolver implements PgBinaryResolver {

        private volatile String archiveDigest;

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
            if (archive == null) {
                return null;
            }
            MessageDigest md5;
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            return new DigestInputStream(archive, md5) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    super.close();
                    if (!closed) { // zonky closes twice; digest() resets the MessageDigest
                        closed = true;
                        archiveDigest = HexFormat.of().formatHex(md5.digest());
                    }
                }
            };
        }

        Path binDirectory(Path workingDirectory) throws IOException {
            String digest = archiveDigest;
            Path bin = workingDirectory.resolve("PG-" + digest).resolve("bin");
            if (digest == null || !Files.isExecutable(bin.resolve("postgres"))) {
                String[] present = workingDirectory.toFile().list();
                throw new IOException("PostgreSQL binaries PG-" + digest + " not found in " + workingDirectory + " (has "
                        + (present == null ? "nothing" : String.join(", ", present)) + ")");
            }
            return bin;
        }
    }
}
