package org.gongzhi.load;

import org.gongzhi.cli.ArgValues;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Entry point: {@code java -jar gongzhi-load-driver.jar --base http://127.0.0.1:8181 --threads 8 --duration 30s}.
 * Waits for the platform's health, logs every tenant's account in at Keycloak, then runs. Exit codes: 0 all calls
 * succeeded, 1 some failed (or the run was cut short), 2 usage error, platform not ready or a login refused.
 */
public final class Main {

    static final int EXIT_FAILURES = 1;
    static final int EXIT_SETUP = 2;
    private static final long HEALTH_POLL_MILLIS = 1000;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested help) {
            System.out.println(Options.USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("load-driver: " + e.getMessage());
            System.err.println(Options.USAGE);
            return EXIT_SETUP;
        }
        Tokens tokens = Tokens.of(options);
        ApiClient api = new ApiClient(options.base(), options.requestTimeout(), tokens);
        try {
            if (!awaitHealth(api, options)) {
                return EXIT_SETUP;
            }
            System.out.println("logging in at " + options.keycloak() + ": " + tokens.describe() + " …");
            try {
                tokens.fetchAll();
            } catch (TokenException e) {
                System.err.println("load-driver: " + e.getMessage());
                return EXIT_SETUP;
            }
            if (options.dispatch() != null) {
                return dispatchRun(options, api);
            }
            System.out.printf("running: %s s warm-up, then %s s measured …%n",
                    options.warmup().toMillis() / 1000.0, options.duration().toMillis() / 1000.0);
            Report report = new LoadRun(options, api).execute();
            System.out.print(ReportText.format(report));
            writeOut(options, report);
            return report.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("load-driver: interrupted");
            return EXIT_FAILURES;
        } catch (IOException e) {
            System.err.println("load-driver: could not write " + options.out() + ": " + e.getMessage());
            return EXIT_FAILURES;
        }
    }

    /** The dispatch scenario; a simulator that does not answer is a setup error. */
    private static int dispatchRun(Options options, ApiClient api) throws IOException, InterruptedException {
        SimulatorClient simulator = new SimulatorClient(options.dispatch().simulator(), options.requestTimeout());
        try {
            simulator.up();
        } catch (IOException e) {
            System.err.println("load-driver: " + e.getMessage());
            return EXIT_SETUP;
        }
        DispatchReport report;
        try {
            report = new DispatchRun(options, api, simulator, System.out).execute();
        } catch (IOException e) {
            System.err.println("load-driver: run stopped: " + e.getMessage());
            return EXIT_FAILURES;
        }
        System.out.print(report.text());
        writeOut(options, report);
        return report.exitCode();
    }

    private static void writeOut(Options options, Object report) throws IOException {
        if (options.out() != null) {
            ReportText.writeJson(report, options.out());
            System.out.println("JSON report written to " + options.out());
        }
    }

    /** Polls {@code GET /api/v1/health} once a second until it answers 200 or the health timeout passes. */
    private static boolean awaitHealth(ApiClient api, Options options) throws InterruptedException {
        long until = System.nanoTime() + options.healthTimeout().toNanos();
        ApiClient.Reply last;
        System.out.println("waiting for " + options.base() + "/api/v1/health …");
        while (true) {
            last = api.health();
            if (last.status() == 200) {
                return true;
            }
            if (System.nanoTime() - until >= 0) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(Math.min(HEALTH_POLL_MILLIS,
                    Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
        }
        System.err.println("load-driver: platform not ready after " + ArgValues.show(options.healthTimeout())
                + " (last answer " + (last.status() == 0 ? "none" : "HTTP " + last.status()) + ": " + last.body() + ")");
        return false;
    }
}
