package org.gongzhi.keycloak.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real Keycloak server ({@code kc.sh start-dev}) running as a child process on 127.0.0.1, unpacked from the
 * {@code org.keycloak:keycloak-quarkus-dist} Maven artifact into a home directory of its own.
 *
 * <p>The home keeps the unpacked server in {@code keycloak-<version>/} (with its dev-file H2 database under
 * {@code data/}), the log in {@code keycloak.log} and, unless a password is given, the bootstrap admin password in
 * {@code admin-password}. A second start of the same home skips the unpack and keeps the realms.
 * One home is used by one process at a time (a file lock guards it).
 */
public final class LocalKeycloak implements AutoCloseable {

    /** System property naming the home of {@link #shared()}. */
    public static final String HOME_PROPERTY = "gongzhi.keycloak.home";
    /** System property naming the distribution archive explicitly. */
    public static final String DIST_PROPERTY = "gongzhi.keycloak.dist";

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static LocalKeycloak shared;

    private final Path home;
    private final Path serverDir;
    private final Path logFile;
    private final int httpPort;
    private final int managementPort;
    private final String adminUser;
    private final String adminPassword;
    private final HomeLock lock;
    private final Thread shutdownHook;
    private Process process; // guarded by this; set once by launch()
    private boolean closed;  // guarded by this

    private LocalKeycloak(Builder b, Path serverDir, int httpPort, int managementPort, String adminPassword,
                          HomeLock lock) {
        this.home = b.home;
        this.serverDir = serverDir;
        this.logFile = b.logFile;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.adminUser = b.adminUser;
        this.adminPassword = adminPassword;
        this.lock = lock;
        this.shutdownHook = new Thread(this::stop, "keycloak-stop-" + httpPort);
    }

    /**
     * Starts the process unless this instance was stopped already (e.g. by the shutdown hook of a JVM that got
     * SIGTERM while starting), so that no Keycloak is ever left behind by a JVM that is going away.
     */
    private synchronized Process launch(ProcessBuilder pb) throws IOException {
        if (closed) {
            throw new IllegalStateException("Keycloak was stopped before it started");
        }
        process = pb.start();
        return process;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One Keycloak per JVM, for tests: started on the first call with free ports, home {@code ${gongzhi.keycloak.home}}
     * (else {@code <working dir>/target/keycloak}), admin user {@code admin} and a random password kept in
     * {@code <home>/admin-password}; stopped by a JVM shutdown hook. Started again if it was closed or died.
     */
    public static synchronized LocalKeycloak shared() {
        if (shared == null || !shared.isRunning()) {
            shared = builder().start();
        }
        return shared;
    }

    /**
     * Stops the {@link #shared()} Keycloak now if this JVM started one; for test runs that end
     * in a way that may skip shutdown hooks (a test JVM killed after its exit timeout).
     */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** The base address, e.g. {@code http://127.0.0.1:18080}; realm issuers are {@code url() + "/realms/<realm>"}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The management interface (health), e.g. {@code http://127.0.0.1:19000}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Process id of the started {@code kc.sh}, the process that takes SIGTERM (it forwards it to Keycloak's JVM). */
    public synchronized long pid() {
        return process.pid();
    }

    public Path home() {
        return home;
    }

    /** The unpacked server, {@code <home>/keycloak-<version>}. */
    public Path serverDir() {
        return serverDir;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return !closed && process.isAlive();
    }

    /** Whether {@link #close()} (or the shutdown hook) stopped it, as opposed to it having died. */
    synchronized boolean wasClosed() {
        return closed;
    }

    /** Stops Keycloak: SIGTERM, up to 20 s for it to stop, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down already, or the hook ran
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process != null) {
                KeycloakProcesses.terminate(process.toHandle(), STOP_GRACE);
            }
        } finally {
            lock.release();
        }
    }

    @Override
    public String toString() {
        return "LocalKeycloak[" + url() + ", home " + home + "]";
    }

    /** Builder; {@link #start()} unpacks if needed, starts Keycloak and returns once it is ready. */
    public static final class Builder {
        private Path home;
        private int httpPort;
        private int managementPort;
        private String adminUser = "admin";
        private String adminPassword;
        private Path adminPasswordFile;
        private Path javaHome;
        private String heap;
        private Duration startTimeout = Duration.ofSeconds(240);
        private Path logFile;
        private Path dist;
        private long logStart; // size of the log before this start: error reports show only this run's lines

        private Builder() {
        }

        /** Home directory (default {@code ${gongzhi.keycloak.home}}, else {@code <working dir>/target/keycloak}). */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** HTTP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder httpPort(int port) {
            this.httpPort = Ports.check(port);
            return this;
        }

        /** Management port (health) on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder managementPort(int port) {
            this.managementPort = Ports.check(port);
            return this;
        }

        /** Bootstrap admin user of realm master (default {@code admin}). */
        public Builder adminUser(String user) {
            this.adminUser = Objects.requireNonNull(user);
            return this;
        }

        /**
         * Bootstrap admin password. Without one the password is read from {@link #adminPasswordFile(Path)}
         * (default {@code <home>/admin-password}), generated there on first use.
         */
        public Builder adminPassword(String password) {
            this.adminPassword = Objects.requireNonNull(password);
            return this;
        }

        /** File holding the admin password, created (mode 600, random password) if missing. */
        public Builder adminPasswordFile(Path file) {
            this.adminPasswordFile = file;
            return this;
        }

        /** JDK to run Keycloak with (default: the running JVM's {@code java.home}). */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        /** Heap options, e.g. {@code "-Xms64m -Xmx768m"} (default: kc.sh's own, {@code -Xms64m -Xmx512m}). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** How long to wait for {@code /health/ready} (default 240 s; a first start with unpack takes about a minute). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Where Keycloak's stdout and stderr go, appended (default {@code <home>/keycloak.log}). */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** The {@code keycloak-quarkus-dist} tar.gz to unpack (default: see README; only read on the first start of a home). */
        public Builder dist(Path archive) {
            this.dist = archive;
            return this;
        }

        /**
         * Unpacks the distribution into the home if that was not done yet, starts {@code kc.sh start-dev} on
         * 127.0.0.1 and waits until {@code /health/ready} answers UP.
         *
         * @throws IllegalStateException with the tail of the Keycloak log if it exits or is not ready in time
         */
        public LocalKeycloak start() {
            if (home == null) {
                String property = System.getProperty(HOME_PROPERTY);
                home = property != null && !property.isBlank()
                        ? Paths.get(property)
                        : Paths.get("").resolve("target").resolve("keycloak");
            }
            home = home.toAbsolutePath().normalize();
            if (logFile == null) {
                logFile = home.resolve("keycloak.log");
            }
            logFile = logFile.toAbsolutePath();
            if (javaHome == null) {
                javaHome = Paths.get(System.getProperty("java.home"));
            }
            Instant deadline = Instant.now().plus(startTimeout);
            HomeLock lock = HomeLock.acquire(home, deadline);
            LocalKeycloak keycloak = null;
            try {
                Distribution.unpackIfNeeded(home, dist);
                Path serverDir = Distribution.serverDir(home);
                KeycloakProcesses.stopOrphans(serverDir);
                String password = adminPassword != null ? adminPassword
                        : PasswordFile.readOrCreate(adminPasswordFile != null ? adminPasswordFile
                                : home.resolve("admin-password"));
                int http = httpPort != 0 ? Ports.checkFree(httpPort) : Ports.free();
                int management = managementPort != 0 ? Ports.checkFree(managementPort) : Ports.free();
                while (management == http) {
                    management = Ports.free();
                }
                keycloak = new LocalKeycloak(this, serverDir, http, management, password, lock);
                // the hook is in place before the process exists: a JVM that goes away never leaves Keycloak behind
                Runtime.getRuntime().addShutdownHook(keycloak.shutdownHook);
                Process process = keycloak.launch(processBuilder(serverDir, http, management, password));
                awaitReady(keycloak, process, keycloak.managementUrl() + "/health/ready", deadline);
                return keycloak;
            } catch (IOException e) {
                UncheckedIOException failure = new UncheckedIOException("Could not start Keycloak in " + home, e);
                stopAfterFailure(keycloak, lock);
                throw failure;
            } catch (RuntimeException e) {
                stopAfterFailure(keycloak, lock);
                throw e;
            }
        }

        private static void stopAfterFailure(LocalKeycloak keycloak, HomeLock lock) {
            if (keycloak != null) {
                keycloak.close();
            } else {
                lock.release();
            }
        }

        private ProcessBuilder processBuilder(Path serverDir, int http, int management, String password)
                throws IOException {
            List<String> command = List.of(
                    serverDir.resolve("bin").resolve("kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + http,
                    "--http-management-port=" + management,
                    "--health-enabled=true");
            ProcessBuilder pb = new ProcessBuilder(command).directory(serverDir.toFile());
            Map<String, String> env = pb.environment();
            // a hermetic start: nothing from the caller's environment reconfigures the server
            env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_")
                    || k.equals("JAVA") || k.equals("JAVA_OPTS") || k.equals("JAVA_OPTS_APPEND")
                    || k.equals("JAVA_OPTS_KC_HEAP") || k.equals("JAVA_ADD_OPENS") || k.equals("DEBUG")
                    || k.equals("DEBUG_PORT") || k.equals("PRINT_ENV"));
            env.put("JAVA_HOME", javaHome.toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            if (heap != null && !heap.isBlank()) {
                env.put("JAVA_OPTS_KC_HEAP", heap);
            }
            Files.createDirectories(logFile.getParent());
            logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, System.lineSeparator() + "=== " + ZonedDateTime.now()
                            + " gongzhi keycloak runner: " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            pb.redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
            return pb;
        }

        private void awaitReady(LocalKeycloak keycloak, Process process, String healthUrl, Instant deadline) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(5)).GET().build();
            while (true) {
                if (keycloak.wasClosed()) {
                    throw new IllegalStateException("Keycloak was stopped while starting");
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                            + " before it was ready. Log " + logFile + ":\n" + KeycloakProcesses.tail(logFile, 60, logStart));
                }
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("UP")) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Keycloak was not ready within " + startTimeout
                            + " (" + healthUrl + "). Log " + logFile + ":\n" + KeycloakProcesses.tail(logFile, 60, logStart));
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
                }
            }
        }

    }

}
