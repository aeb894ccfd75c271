package org.gongzhi.simulator;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar gongzhi-department-simulator.jar --port 18400 --accept-after 2s --resolve-after 10s}: parses
 * the command line, starts a {@link DepartmentSimulator} and runs until Ctrl-C. Exit code 2 for a usage error
 * or a port that is taken.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        DepartmentSimulator sim;
        try {
            sim = Options.parse(args).build();
        } catch (Options.HelpRequested help) {
            System.out.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("department-simulator: " + e.getMessage());
            System.err.println("(--help lists the options)");
            System.exit(2);
            return;
        }
        int port;
        try {
            port = sim.start();
        } catch (UncheckedIOException e) {
            System.err.println("department-simulator: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(2);
            return;
        }
        System.out.println("department simulator listening on port " + port + ": POST " + sim.dispatchUrl()
                + ", GET " + sim.baseUrl() + "/admin/stats (seed " + sim.seed() + "; Ctrl-C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }
}
