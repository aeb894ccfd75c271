package org.gongzhi.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux): user + system time in clock ticks,
 * turned into seconds with the kernel's {@code USER_HZ}. Every reading is NaN (or -1 for a process id)
 * when the process is not one of this host or {@code /proc} cannot be read.
 */
public final class ProcCpu {

    /** The kernel's clock ticks per second as {@code /proc} counts them ({@code getconf CLK_TCK}, 100 on Linux). */
    public static final double TICKS_PER_SECOND = ticks();

    private ProcCpu() {
    }

    /** The fields of one {@code stat} line: the command (in parentheses, may hold spaces) is skipped. */
    record Stat(long ppid, long utime, long stime, long cutime, long cstime) {
        static Stat parse(String line) {
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17
            return new Stat(Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14]));
        }
    }

    /** This JVM's CPU seconds so far (every thread: workers, JIT, GC). */
    public static double self() {
        Stat s = read(Path.of("/proc/self/stat"));
        return s == null ? Double.NaN : (s.utime() + s.stime()) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds so far of process {@code pid} with the children it has waited for, plus every live child
     * (for a PostgreSQL postmaster: its backends, WAL writer, checkpointer…); NaN when {@code pid} is not a
     * process of this host.
     */
    public static double server(long pid) {
        Stat master = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (master == null) {
            return Double.NaN;
        }
        long ticks = master.utime() + master.stime() + master.cutime() + master.cstime();
        try (Stream<Path> procs = processDirectories()) {
            ticks += procs.map(p -> read(p.resolve("stat")))
                    .filter(s -> s != null && s.ppid() == pid)
                    .mapToLong(s -> s.utime() + s.stime()).sum();
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * The ids of the processes of this host, other than this JVM, whose command line
     * ({@code /proc/<pid>/cmdline}, arguments joined by spaces) contains {@code fragment}; empty when
     * {@code /proc} cannot be read.
     */
    public static List<Long> withCommandLine(String fragment) {
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = processDirectories()) {
            return procs.filter(p -> commandLine(p).contains(fragment))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> pid != self).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * CPU seconds so far of the live threads of process {@code pid}, summed by thread name with every run of
     * digits folded to {@code N} ({@code qtpN-N}, {@code C2 CompilerThreadN}), from
     * {@code /proc/<pid>/task/<tid>/stat}. A thread that has ended is missing, so a difference of two readings
     * undercounts a pool whose threads come and go. Empty when {@code pid} is not a process of this host.
     */
    public static Map<String, Double> threads(long pid) {
        Map<String, Double> seconds = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    Stat s = Stat.parse(line);
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).replaceAll("\\d+", "N");
                    seconds.merge(name, (s.utime() + s.stime()) / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return seconds;
    }

    /** The parent process id of {@code pid}, or -1 when it is not a process of this host. */
    public static long parent(long pid) {
        Stat s = read(Path.of("/proc", Long.toString(pid), "stat"));
        return s == null ? -1 : s.ppid();
    }

    private static Stream<Path> processDirectories() throws IOException {
        return Files.list(Path.of("/proc")).filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit));
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // gone meanwhile, or not ours to read
        }
    }

    private static Stat read(Path stat) {
        try {
            return Stat.parse(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return null; // gone meanwhile, or not Linux
        }
    }

    private static double ticks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
