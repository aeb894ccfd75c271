package org.gongzhi.loopbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux): user + system time in clock ticks,
 * turned into seconds with the kernel's {@code USER_HZ}.
 */
final class ProcCpu {

    /** The kernel's clock ticks per second as {@code /proc} counts them ({@code getconf CLK_TCK}, 100 on Linux). */
    static final double TICKS_PER_SECOND = ticks();

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
    static double self() {
        Stat s = read(Path.of("/proc/self/stat"));
        return s == null ? Double.NaN : (s.utime() + s.stime()) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds so far of PostgreSQL: the postmaster {@code pid} with the children it has waited for,
     * plus every live child (backends, WAL writer, checkpointer…); NaN when {@code pid} is not a process
     * of this host.
     */
    static double server(long pid) {
        Stat master = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (master == null) {
            return Double.NaN;
        }
        long ticks = master.utime() + master.stime() + master.cutime() + master.cstime();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            ticks += procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> read(p.resolve("stat")))
                    .filter(s -> s != null && s.ppid() == pid)
                    .mapToLong(s -> s.utime() + s.stime()).sum();
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The parent process id of {@code pid}, or -1 when it is not a process of this host. */
    static long parent(long pid) {
        Stat s = read(Path.of("/proc", Long.toString(pid), "stat"));
        return s == null ? -1 : s.ppid();
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
