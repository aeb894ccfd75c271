package org.gongzhi.loopbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.cli.ProcCpu;
import org.gongzhi.loopbench.ClosedLoopRun.Point;

/**
 * Part (a), our platform's loop over HTTP: the load driver's jar run as a child process of the bench for one
 * thread count, closed loop with {@code --evaluate} (the seven steps of issue 18 in eight calls: intake, then
 * register … evaluate), reading the CPU of the Karaf JVM, of PostgreSQL's postmaster with its backends, and its
 * own over the measured window ({@code --cpu-pids}). Its output goes to a log file, its JSON report next to it;
 * the report becomes the {@code platform} point.
 */
final class PlatformDriver {

    /** The class Karaf's JVM runs, by which the bench finds it when no {@code --karaf-pid} is given. */
    static final String KARAF_MAIN = "org.apache.karaf.main.Main";
    /** Options the bench sets on the driver itself; {@code --driver-args} may not give them. */
    static final Set<String> OWN = Set.of("--threads", "--warmup", "--duration", "--evaluate", "--cpu-pids", "--out",
            "--rate", "--close-fraction", "--scenario");

    private final Path jar;
    private final Map<String, Long> cpuPids;
    private final List<String> driverArgs;
    private final Path dir;

    /**
     * @param jar          the load driver's jar ({@code target/gongzhi-load-driver.jar})
     * @param karafPid     the platform's JVM
     * @param postmasterPid PostgreSQL's postmaster, or -1 when it is not on this host (no PostgreSQL CPU figures)
     * @param driverArgs   further options of the driver, separated by spaces (base, keycloak, tenants, password file…)
     * @param dir          where the driver's log and report go
     */
    PlatformDriver(Path jar, long karafPid, long postmasterPid, String driverArgs, Path dir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--platform-driver: no such file: " + jar);
        }
        this.jar = jar;
        this.cpuPids = new LinkedHashMap<>();
        cpuPids.put(BenchReport.KARAF, karafPid);
        if (postmasterPid > 0) {
            cpuPids.put(BenchReport.POSTGRES, postmasterPid);
        }
        this.driverArgs = args(driverArgs);
        this.dir = dir;
    }

    /** {@code --driver-args}, split at spaces; the options the bench sets itself are refused. */
    static List<String> args(String driverArgs) {
        List<String> args = Arrays.stream(driverArgs.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
        for (String a : args) {
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (OWN.contains(option)) {
                throw new IllegalArgumentException("--driver-args: " + option + " is set by the bench (options it sets: "
                        + OWN + ")");
            }
        }
        return args;
    }

    /**
     * The Karaf JVM: {@code given} when not blank, else the one process of this host whose command line contains
     * {@code mainClass} ({@value #KARAF_MAIN}).
     */
    static long karafPid(String given, String mainClass) {
        if (!given.isBlank()) {
            long pid;
            try {
                pid = Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--karaf-pid: not a process id: " + given);
            }
            if (ProcCpu.parent(pid) < 0) {
                throw new IllegalArgumentException("--karaf-pid: no process " + pid + " on this host");
            }
            return pid;
        }
        List<Long> found = ProcCpu.withCommandLine(mainClass);
        if (found.size() != 1) {
            throw new IllegalArgumentException((found.isEmpty() ? "no process of this host runs " + mainClass
                    : "several processes of this host run " + mainClass + " " + found) + ": give --karaf-pid");
        }
        return found.get(0);
    }

    /** The driver's output at {@code threads}; its JSON report is {@code platform-<threads>.json} beside it. */
    Path log(int threads) {
        return dir.resolve("platform-" + threads + ".log");
    }

    /** The driver's command line for one point, writing its report to {@code out}. */
    List<String> command(int threads, Duration warmup, Duration duration, Path out) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--threads", Integer.toString(threads), "--warmup", warmup.toMillis() + "ms",
                "--duration", duration.toMillis() + "ms", "--evaluate", "--cpu-pids", cpuPidsOption(), "--out",
                out.toString()));
        cmd.addAll(driverArgs);
        return cmd;
    }

    private String cpuPidsOption() {
        return String.join(",", cpuPids.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /**
     * Runs the driver at {@code threads} and waits for it. A driver that exits with 1 (failed calls, or a run cut
     * short) gives a point with at least one error; any other failure, or no report, is an {@link IOException}
     * naming the log.
     */
    Point run(int threads, Duration warmup, Duration duration) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = dir.resolve("platform-" + threads + ".json");
        Path log = log(threads);
        Files.deleteIfExists(out);
        Process p = new ProcessBuilder(command(threads, warmup, duration, out)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        if ((exit != 0 && exit != 1) || !Files.isRegularFile(out)) {
            throw new IOException("the load driver exited with " + exit + (Files.isRegularFile(out) ? "" : ", no report")
                    + ": see " + log);
        }
        Point point = BenchReport.platform(out);
        if (exit == 1) {
            return new Point(point.engine(), point.threads(), point.loops(), point.seconds(), point.loopsPerSecond(),
                    point.p50Ms(), point.p99Ms(), point.maxMs(), point.engineCpuMsPerLoop(),
                    point.postgresCpuMsPerLoop(), point.clientCpuMsPerLoop(), Math.max(1, point.errors()),
                    "the load driver reported failed calls or a run cut short: see " + log);
        }
        return point;
    }
}
