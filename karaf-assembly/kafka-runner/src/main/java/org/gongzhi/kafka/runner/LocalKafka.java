package org.gongzhi.kafka.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker on this machine: one KRaft node that is both broker and controller,
 * from the Maven artifacts of {@code org.apache.kafka:kafka_2.13} (nothing to install but a JDK).
 * The log directory is formatted once (the Kafka storage tool), then the broker runs in a JVM of its
 * own ({@code kafka.Kafka}) with the class path this module was built with, on 127.0.0.1. It keeps its
 * ports and its data across {@link #stop()} and {@link #start()}: a restarted broker is the same broker.
 *
 * <pre>{@code
 * try (LocalKafka kafka = LocalKafka.at(Path.of("target/kafka")).start()) {
 *     kafka.bootstrapServers();   // 127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class LocalKafka implements AutoCloseable {

    private static final String CLASSPATH = "/META-INF/gongzhi/kafka-classpath.txt";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private Process broker;

    private LocalKafka(Path home, int port, int controllerPort) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker whose data lives under {@code home} (emptied now), on two free ports; not started yet. */
    public static LocalKafka at(Path home) throws IOException {
        Path dir = home.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        LocalKafka kafka = new LocalKafka(dir, freePort(), freePort());
        kafka.format();
        return kafka;
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) and waits until it accepts connections; returns this. */
    public synchronized LocalKafka start() throws IOException {
        if (broker != null && broker.isAlive()) {
            return this;
        }
        broker = java(List.of("-Xms256m", "-Xmx512m"), "kafka.Kafka", home.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening()) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IOException("Kafka did not start within " + START_TIMEOUT.toSeconds() + " s: see "
                        + home.resolve("broker.log"));
            }
            sleep(200);
        }
        return this;
    }

    /** Stops the broker as an operator would (SIGTERM, a controlled shutdown), at most 30 s; its data stays. */
    public synchronized void stop() {
        if (broker == null) {
            return;
        }
        broker.destroy();
        try {
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broker = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void format() throws IOException {
        Files.writeString(home.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""), StandardCharsets.UTF_8);
        Process p = java(List.of(), "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                home.resolve("server.properties").toString(), "--standalone")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("format.log").toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("formatting Kafka's log directory failed: see " + home.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A cluster id as Kafka writes them: 16 random bytes in URL-safe Base64 without padding. */
    private static String clusterId() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    private ProcessBuilder java(List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
    }

    private static String classpath() throws IOException {
        try (InputStream in = Objects.requireNonNull(LocalKafka.class.getResourceAsStream(CLASSPATH),
                "the runner was built without its class path file " + CLASSPATH)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private boolean listening() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A port free now, below Linux's ephemeral range (where outgoing connections could take it meanwhile). */
    private static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port found"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
