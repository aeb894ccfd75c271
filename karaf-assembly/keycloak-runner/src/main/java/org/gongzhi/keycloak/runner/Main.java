package org.gongzhi.keycloak.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Command line: starts a local Keycloak, prints {@code READY <url>} once it is ready and stays in the foreground
 * until SIGTERM/SIGINT, which stop Keycloak (shutdown hook). Exits 1 if Keycloak fails to start or dies.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: java -jar gongzhi-keycloak-runner.jar [options]",
            "  --home DIR                  Keycloak home: unpacked server, database, log (default ./keycloak)",
            "  --port N                    HTTP port on 127.0.0.1 (default 18080; 0 = a free one)",
            "  --management-port N         management (health) port (default 19000; 0 = a free one)",
            "  --admin-user NAME           bootstrap admin of realm master (default admin)",
            "  --admin-password-file FILE  its password; generated there (mode 600) if missing",
            "                              (default <home>/admin-password)",
            "  --heap OPTS                 heap options, e.g. \"-Xms64m -Xmx768m\" (default kc.sh's -Xms64m -Xmx512m)",
            "  --java-home DIR             JDK for Keycloak (default: this JVM's)",
            "  --dist FILE                 keycloak-quarkus-dist tar.gz (default: the local Maven repository)",
            "  --log FILE                  Keycloak's output (default <home>/keycloak.log)",
            "  --start-timeout SECONDS     how long to wait for readiness (default 240)");

    private Main() {
    }

    public static void main(String[] args) {
        LocalKeycloak.Builder builder;
        try {
            builder = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(USAGE);
            return;
        }
        LocalKeycloak keycloak;
        try {
            keycloak = builder.start();
        } catch (RuntimeException e) {
            System.err.println("FAILED " + e.getMessage());
            System.exit(1);
            return;
        }
        PrintStream out = System.out;
        out.println("READY " + keycloak.url());
        out.flush();
        // LocalKeycloak's own shutdown hook stops Keycloak when this JVM gets SIGTERM or SIGINT
        ProcessHandle.of(keycloak.pid()).ifPresent(p -> p.onExit().join());
        if (keycloak.wasClosed()) {
            return; // stopped by the shutdown hook: the JVM is on its way out
        }
        System.err.println("Keycloak exited on its own; log " + keycloak.logFile() + ":\n"
                + KeycloakProcesses.tail(keycloak.logFile(), 30));
        System.exit(1);
    }

    /** Parses the options; null means help was asked for. */
    static LocalKeycloak.Builder parse(List<String> args) {
        Deque<String> queue = new ArrayDeque<>(args);
        Path home = Paths.get("keycloak");
        int port = 18080;
        int managementPort = 19000;
        String adminUser = "admin";
        Path passwordFile = null;
        String heap = null;
        Path javaHome = null;
        Path dist = null;
        Path log = null;
        Duration timeout = Duration.ofSeconds(240);
        while (!queue.isEmpty()) {
            String option = queue.removeFirst();
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            switch (option) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--home" -> home = Paths.get(value(option, value, queue));
                case "--port" -> port = port(option, value(option, value, queue));
                case "--management-port" -> managementPort = port(option, value(option, value, queue));
                case "--admin-user" -> adminUser = value(option, value, queue);
                case "--admin-password-file" -> passwordFile = Paths.get(value(option, value, queue));
                case "--heap" -> heap = value(option, value, queue);
                case "--java-home" -> javaHome = Paths.get(value(option, value, queue));
                case "--dist" -> dist = Paths.get(value(option, value, queue));
                case "--log" -> log = Paths.get(value(option, value, queue));
                case "--start-timeout" -> {
                    String v = value(option, value, queue);
                    try {
                        timeout = Duration.ofSeconds(Long.parseLong(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(option + ": not a number of seconds: " + v);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (adminUser.isBlank()) {
            throw new IllegalArgumentException("--admin-user must not be empty");
        }
        if (port != 0 && port == managementPort) {
            throw new IllegalArgumentException("--port and --management-port must differ");
        }
        LocalKeycloak.Builder b = LocalKeycloak.builder()
                .home(home)
                .httpPort(port)
                .managementPort(managementPort)
                .adminUser(adminUser)
                .adminPasswordFile(passwordFile)
                .heap(heap)
                .javaHome(javaHome)
                .dist(dist)
                .logFile(log)
                .startTimeout(timeout);
        return b;
    }

    private static String value(String option, String inline, Deque<String> queue) {
        if (inline != null) {
            return inline;
        }
        if (queue.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return queue.removeFirst();
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a port: " + value);
        }
    }
}
