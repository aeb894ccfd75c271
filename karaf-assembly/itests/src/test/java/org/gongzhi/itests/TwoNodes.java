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

    private TwoNodes(TestDatabase database, BootedPlatform first, BootedPlatform second, LoadBalancer balancer) {
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
            return new TwoNodes(database, first, second,
                    LoadBalancer.start(name, List.of(first.httpPort(), second.httpPort())));
        } catch (IOException | RuntimeException e) {
            if (second != null) {
                second.close();
            }
            first.close();
            throw e;
        }
    }

    /** Stops the balancer and both nodes; a node killed by a drill is passed over. */
    @Override
    public void close() {
        balancer.close();
        for (BootedPlatform node : List.of(second, first)) {
            try {
                node.close();
            } catch (RuntimeException alreadyDead) {
                System.out.println("(stopping a node that was killed: " + alreadyDead + ")");
            }
        }
    }
}
