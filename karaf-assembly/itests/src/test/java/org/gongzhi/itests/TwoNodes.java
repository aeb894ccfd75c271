package org.gongzhi.itests;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.ops4j.pax.exam.Option;

/**
 * Two nodes of our distribution on one PostgreSQL (started here) behind HAProxy, as a district runs two
 * (issue 19): node 1 boots first and migrates the schema, as a rolling start would. The options of each node
 * may depend on its name ({@code node-1}, {@code node-2}) and its HTTP port.
 */
final class TwoNodes implements AutoCloseable {

    final TestDatabase database;
    final BootedPlatform first;
    final BootedPlatform second;
    final LoadBalancer balancer;
    private final String name;

    private TwoNodes(String name, TestDatabase database, BootedPlatform first, BootedPlatform second, LoadBalancer balancer) {
        this.name = name;
        this.database = database;
        this.first = first;
        this.second = second;
        this.balancer = balancer;
    }

    /** Boots both nodes (unpacked under {@code target/exam-<name>-1} and {@code -2}) and the balancer. */
    static TwoNodes start(String name, Function<String, IntFunction<Option[]>> options) throws IOException {
        return start(name, options, TestDatabase.start());
    }

    /** The same on {@code database} (e.g. one that a drill restarts). */
    static TwoNodes start(String name, Function<String, IntFunction<Option[]>> options, TestDatabase database)
            throws IOException {
        BootedPlatform first = BootedPlatform.start(name + "-1", database, options.apply("node-1"));
        BootedPlatform second = null;
        try {
            second = BootedPlatform.start(name + "-2", database, options.apply("node-2"));
            return new TwoNodes(name, database, first, second,
                    LoadBalancer.start(name, List.of(first.httpPort(), second.httpPort())));
        } catch (IOException | RuntimeException e) {
            if (second != null) {
                second.close();
            }
            first.close();
            throw e;
        }
    }

    /**
     * Stops the balancer and both nodes; a node killed by a drill is passed over. Each node's {@code karaf.log}
     * is kept as {@code target/node-logs/<name>-<n>-karaf.log} first (the container's folder goes with it).
     */
    @Override
    public void close() {
        balancer.close();
        for (BootedPlatform node : List.of(second, first)) {
            try {
                java.nio.file.Path logs = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "node-logs"));
                java.nio.file.Files.copy(node.karafLog(), logs.resolve(name + "-" + (node == first ? 1 : 2)
                        + "-karaf.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException noLog) {
                System.out.println("(no karaf.log kept: " + noLog + ")");
            }
            try {
                node.close();
            } catch (RuntimeException alreadyDead) {
                System.out.println("(stopping a node that was killed: " + alreadyDead + ")");
            }
        }
    }
}
