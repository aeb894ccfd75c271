package org.gongzhi.loopbench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.gongzhi.loopbench.ClosedLoopRun.Point;

/**
 * The run's figures: one row per engine and thread count, the ratios between engines at each thread count,
 * and the machine's state; printed as a table and written as JSON ({@code --out}) so that runs compare.
 * Rows of our platform over HTTP come from the load driver's JSON reports, of its runs by the bench
 * ({@code --platform-driver}) or finished ones ({@code --platform}).
 */
record BenchReport(String startedAt, Map<String, String> machine, Map<String, String> postgres,
                   Map<String, String> options, List<Point> points, List<Ratio> ratios) {

    /** {@code numerator}'s loops/s over {@code denominator}'s at one thread count. */
    record Ratio(int threads, String numerator, String denominator, double value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The load driver's {@code --cpu-pids} names the bench gives the Karaf JVM and the postmaster, and its own. */
    static final String KARAF = "karaf";
    static final String POSTGRES = "postgres";
    static final String DRIVER = "driver";

    /**
     * The report with the ratios of the engines measured at the same thread count: platform ÷ flowable,
     * platform ÷ jdbc and jdbc ÷ flowable.
     */
    static BenchReport of(String startedAt, Map<String, String> machine, Map<String, String> postgres,
                          Map<String, String> options, List<Point> points) {
        List<Ratio> ratios = new ArrayList<>();
        for (Point a : points) {
            for (Point b : points) {
                if (a.threads() == b.threads() && !a.engine().equals(b.engine()) && b.loopsPerSecond() > 0
                        && order(a.engine()) < order(b.engine())) {
                    ratios.add(new Ratio(a.threads(), a.engine(), b.engine(), a.loopsPerSecond() / b.loopsPerSecond()));
                }
            }
        }
        return new BenchReport(startedAt, machine, postgres, options, points, ratios);
    }

    /**
     * A row of our platform from a load driver report ({@code --out} of its closed loop): closed cases per second,
     * full-loop latency, failed calls (401/403 included) and, from its {@code cpu} section when present, CPU per
     * closed case of {@value #KARAF} (the engine), {@value #POSTGRES} and {@value #DRIVER} (the client).
     */
    static Point platform(Path loadDriverJson) throws IOException {
        JsonNode r = JSON.readTree(loadDriverJson.toFile());
        if (!"closed-loop".equals(r.path("mode").asText())) {
            throw new IllegalArgumentException("--platform: not a closed-loop report of the load driver: " + loadDriverJson);
        }
        long closed = r.path("casesClosed").asLong();
        double seconds = r.path("measuredSeconds").asDouble();
        JsonNode loop = r.path("fullLoop");
        JsonNode cpu = r.path("cpu");
        return new Point("platform", r.path("threads").asInt(), closed, seconds, closed / seconds,
                loop.path("p50").asDouble(), loop.path("p99").asDouble(), loop.path("max").asDouble(),
                perClosedCase(cpu, KARAF), perClosedCase(cpu, POSTGRES), perClosedCase(cpu, DRIVER),
                r.path("errors").asLong() + r.path("authFailures").asLong(), null);
    }

    private static double perClosedCase(JsonNode cpu, String name) {
        return cpu.path(name).path("msPerClosedCase").asDouble(Double.NaN);
    }

    /** platform, jdbc, flowable: ratios are the earlier engine's loops/s over the later one's. */
    private static int order(String engine) {
        return switch (engine) {
            case "platform" -> 0;
            case "jdbc" -> 1;
            default -> 2;
        };
    }

    void print(PrintStream out) {
        out.println();
        out.printf("%-9s %7s %8s %10s %9s %9s %9s %13s %12s %13s %7s%n", "engine", "threads", "loops", "loops/s",
                "p50 ms", "p99 ms", "max ms", "engine CPU ms", "PG CPU ms", "client CPU ms", "errors");
        out.printf("%-9s %7s %8s %10s %9s %9s %9s %13s %12s %13s %7s%n", "", "", "", "", "(loop)", "(loop)", "(loop)",
                "per loop", "per loop", "per loop", "");
        for (Point p : points) {
            out.printf(Locale.ROOT, "%-9s %7d %8d %10.1f %9.2f %9.2f %9.2f %13s %12s %13s %7d%n", p.engine(),
                    p.threads(), p.loops(), p.loopsPerSecond(), p.p50Ms(), p.p99Ms(), p.maxMs(),
                    cpu(p.engineCpuMsPerLoop()), cpu(p.postgresCpuMsPerLoop()), cpu(p.clientCpuMsPerLoop()), p.errors());
            if (p.firstError() != null) {
                out.println("          first error: " + p.firstError());
            }
        }
        out.println("engine CPU: the bench JVM for flowable and jdbc (engine and client in one), Karaf for platform; "
                + "client CPU: the load driver");
        if (!ratios.isEmpty()) {
            out.println();
            for (Ratio r : ratios) {
                out.printf(Locale.ROOT, "%d thread(s): %s / %s = %.2f x%n", r.threads(), r.numerator(), r.denominator(),
                        r.value());
            }
        }
    }

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    private static String cpu(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.2f", ms);
    }
}
