package org.gongzhi.loopbench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.gongzhi.cli.ArgValues;
import org.gongzhi.cli.ProcCpu;
import org.gongzhi.loopbench.ClosedLoopRun.Point;

/**
 * The closed-loop comparison benchmark (issue 18): on one PostgreSQL with fsync and synchronous_commit on,
 * for each thread count, our platform over HTTP ({@link PlatformDriver}, with {@code --platform-driver}) and
 * then each engine ({@link FlowableLoop}, {@link JdbcLoop}) run the loop for a warm-up and a measured time;
 * prints loops/s, p50/p99 of a loop and CPU per loop of the engine's process, of PostgreSQL and of a separate
 * client, the ratios, and writes it all as JSON. Exit 0 when no loop failed, 1 otherwise, 2 for a usage or
 * setup error.
 */
public final class LoopBench {

    static final String USAGE = String.join("\n",
            "usage: java -jar target/gongzhi-loop-bench.jar [options]",
            "  --threads 1,4,8              thread counts, one point each (1-64)",
            "  --duration 30s --warmup 10s  measured and warm-up time of each point",
            "  --engines flowable,jdbc      the engines, run in turn at each thread count",
            "  --out FILE                   also write the report as JSON",
            "  --platform F1,F2,...         add our platform's rows from load driver JSON reports (its --out)",
            "  --db-url URL --db-user U --db-password-file F",
            "                               a running PostgreSQL instead of the bench's own embedded one",
            "  --platform-driver JAR        measure our platform too: before the engines at each thread count, run",
            "                               the load driver JAR (closed loop, --evaluate, CPU of Karaf, PostgreSQL",
            "                               and itself); needs --db-url, the platform's PostgreSQL",
            "  --karaf-pid PID              the platform's JVM (default: the one process running",
            "                               " + PlatformDriver.KARAF_MAIN + ")",
            "  --driver-args \"...\"          further options of the load driver, separated by spaces",
            "                               (--base, --keycloak, --tenants, --password-file ...)");

    private LoopBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--threads", "1,4,8", "--duration", "30s",
                "--warmup", "10s", "--engines", "flowable,jdbc", "--out", "", "--platform", "", "--db-url", "",
                "--db-user", "postgres", "--db-password-file", ""));
        o.putAll(Map.of("--platform-driver", "", "--karaf-pid", "", "--driver-args", ""));
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help")) {
                    System.out.println(USAGE);
                    return 0;
                }
                if (!o.containsKey(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
                }
                o.put(args[i], args[++i]);
            }
            List<Integer> threads = Arrays.stream(o.get("--threads").split(","))
                    .map(t -> (int) ArgValues.integer("--threads", t, 1, 64)).toList();
            Duration duration = ArgValues.duration("--duration", o.get("--duration"), Duration.ofSeconds(1),
                    Duration.ofHours(1));
            Duration warmup = ArgValues.duration("--warmup", o.get("--warmup"), Duration.ZERO, Duration.ofHours(1));
            List<String> engines = Arrays.asList(o.get("--engines").split(","));
            if (engines.isEmpty() || !List.of("flowable", "jdbc").containsAll(engines)) {
                throw new IllegalArgumentException("--engines: flowable and/or jdbc: " + o.get("--engines"));
            }
            boolean driven = !o.get("--platform-driver").isBlank();
            if (driven && o.get("--db-url").isBlank()) {
                throw new IllegalArgumentException("--platform-driver needs --db-url: the platform's PostgreSQL");
            }
            if (driven && !o.get("--platform").isBlank()) {
                throw new IllegalArgumentException("give --platform-driver (measure) or --platform (read), not both");
            }
            if (!driven && !(o.get("--karaf-pid") + o.get("--driver-args")).isBlank()) {
                throw new IllegalArgumentException("--karaf-pid and --driver-args belong to --platform-driver");
            }
            PlatformDriver.args(o.get("--driver-args"));
            List<Point> points = new ArrayList<>();
            for (String f : o.get("--platform").split(",")) {
                if (!f.isBlank()) {
                    points.add(BenchReport.platform(Path.of(f.trim())));
                }
            }
            BenchReport report = measure(o, threads, warmup, duration, engines, points);
            report.print(System.out);
            if (!o.get("--out").isBlank()) {
                report.write(Path.of(o.get("--out")));
            }
            return report.points().stream().anyMatch(p -> p.errors() > 0) ? 1 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("loop-bench: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (Exception e) {
            System.err.println("loop-bench: " + e);
            return 2;
        }
    }

    private static BenchReport measure(Map<String, String> o, List<Integer> threads, Duration warmup,
                                       Duration duration, List<String> engines, List<Point> points) throws Exception {
        String startedAt = Instant.now().toString();
        // twice the threads: Flowable's id generator takes a second connection for a new id block while the
        // step's transaction holds the first (with one per thread, 8 threads deadlocked on the pool)
        int poolSize = 2 * threads.stream().mapToInt(Integer::intValue).max().orElse(1);
        try (BenchPostgres pg = o.get("--db-url").isBlank() ? BenchPostgres.embedded()
                : BenchPostgres.external(o.get("--db-url"), o.get("--db-user"),
                o.get("--db-password-file").isBlank() ? null : Path.of(o.get("--db-password-file")))) {
            Map<String, String> settings = pg.settings();
            long postmaster = pg.postmasterPid();
            Map<String, String> machine = machine(pg, postmaster);
            PlatformDriver platform = null;
            if (!o.get("--platform-driver").isBlank()) {
                long karaf = PlatformDriver.karafPid(o.get("--karaf-pid"), PlatformDriver.KARAF_MAIN);
                machine.put("karafPid", Long.toString(karaf));
                platform = new PlatformDriver(Path.of(o.get("--platform-driver")), karaf, postmaster,
                        o.get("--driver-args"), outputDirectory(o.get("--out")));
            }
            System.out.println("PostgreSQL " + settings + "; " + machine);
            Map<String, HikariDataSource> pools = new LinkedHashMap<>();
            Map<String, LoopEngine> running = new LinkedHashMap<>();
            try {
                for (String e : engines) {
                    HikariDataSource pool = pg.pool(e, poolSize);
                    pools.put(e, pool);
                    running.put(e, e.equals("flowable") ? new FlowableLoop(pool) : new JdbcLoop(pool));
                }
                for (int t : threads) {
                    if (platform != null) {
                        checkpoint(pg, pools.values().iterator().next());
                        System.out.printf("platform, %d thread(s): the load driver runs (log: %s) …%n", t,
                                platform.log(t));
                        Point p = platform.run(t, warmup, duration);
                        System.out.printf("platform, %d thread(s): %.1f loops/s%n", t, p.loopsPerSecond());
                        points.add(p);
                    }
                    for (LoopEngine engine : running.values()) {
                        checkpoint(pg, pools.get(engine.name()));
                        Point p = ClosedLoopRun.run(engine, t, warmup, duration, () -> ProcCpu.server(postmaster));
                        System.out.printf("%s, %d thread(s): %.1f loops/s%n", p.engine(), t, p.loopsPerSecond());
                        points.add(p);
                    }
                }
            } finally {
                running.values().forEach(LoopEngine::close);
                pools.values().forEach(HikariDataSource::close);
            }
            Map<String, String> options = new LinkedHashMap<>(o);
            options.remove("--db-password-file");
            options.put("--driver-args", o.get("--driver-args").replaceAll("(--password[= ])\\S+", "$1***"));
            return BenchReport.of(startedAt, machine, settings, options, points);
        }
    }

    /** Where the load driver's logs and reports go: the directory of {@code --out}, else {@code target}. */
    static Path outputDirectory(String out) {
        Path parent = out.isBlank() ? null : Path.of(out).toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("target");
    }

    /** The machine's state at the start: CPUs, load, the JVM, where the database runs. */
    private static Map<String, String> machine(BenchPostgres pg, long postmaster) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("loadAverage", String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        m.put("database", pg.where());
        m.put("postmasterPid", postmaster < 0 ? "not on this host (no PostgreSQL CPU figures)" : Long.toString(postmaster));
        return m;
    }

    private static void checkpoint(BenchPostgres pg, HikariDataSource pool) {
        try {
            pg.checkpoint(pool);
        } catch (SQLException e) {
            System.out.println("no checkpoint before the point (" + e.getMessage() + ")");
        }
    }
}
