package org.gongzhi.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * HAProxy from Debian's package ({@code ./gongzhi setup} installs it) in front of platform nodes, as
 * a district runs two: round robin over the nodes' HTTP ports, each node checked on
 * {@code /api/v1/health} every 500 ms and taken out after two failed checks, a request whose
 * connection was refused sent to another node. A request already sent to a node that dies is
 * answered 502 by the balancer; clients repeat intake with the same {@code Idempotency-Key}.
 */
final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts HAProxy on a free port of the loopback address in front of {@code nodePorts}; waits until it listens. */
    static LoadBalancer start(String name, List<Integer> nodePorts) throws IOException {
        int port = PlatformTestSupport.freePort();
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 1000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                frontend platform
                """).append("    bind 127.0.0.1:").append(port).append('\n').append("""
                    stats enable
                    stats uri /haproxy-stats
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /api/v1/health
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                """);
        for (int i = 0; i < nodePorts.size(); i++) {
            cfg.append("    server node-").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
        }
        Path dir = Files.createDirectories(Path.of("target", "haproxy"));
        Path file = dir.resolve(name + ".cfg");
        Files.writeString(file, cfg, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(haproxy(), "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        LoadBalancer lb = new LoadBalancer(p, port);
        try {
            Awaitility.await("HAProxy listens on " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("HAProxy ended at start: see " + dir.resolve(name + ".log"));
                        }
                        try (Socket s = new Socket("127.0.0.1", port)) {
                            return true;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException e) {
            lb.close();
            throw e;
        }
        return lb;
    }

    private static String haproxy() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("HAProxy is not installed: run ./gongzhi setup"));
    }

    /** The balancer's port: the platform's address for clients. */
    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    /**
     * Requests (sessions) each node has answered so far, by server name ({@code node-1}, …), from the
     * balancer's statistics page (CSV: {@code stot} is the eighth column).
     */
    java.util.Map<String, Long> sessionsPerNode() throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/haproxy-stats;csv"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        java.util.Map<String, Long> sessions = new java.util.TreeMap<>();
        for (String line : csv.body().split("\n")) {
            String[] f = line.split(",");
            if (f.length > 7 && "nodes".equals(f[0]) && f[1].startsWith("node-")) {
                sessions.put(f[1], Long.parseLong(f[7]));
            }
        }
        return sessions;
    }

    /** The platform's API through the balancer. */
    Api api() {
        return new Api(port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
