package org.gongzhi.load;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gongzhi.cli.ProcCpu;

/**
 * CPU seconds of the processes named by {@code --cpu-pids} (each with the children it has reaped and its live
 * children, so a PostgreSQL postmaster counts its backends) and of this JVM, named {@value #DRIVER}; read at the
 * start and at the end of the measured window (Linux {@code /proc}).
 */
final class CpuMeter {

    /** The report's name for the driver's own JVM. */
    static final String DRIVER = "driver";

    private final Map<String, Long> pids;

    CpuMeter(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** CPU seconds so far of every named process and of this JVM; NaN for a process that is gone. */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, ProcCpu.server(pid)));
        seconds.put(DRIVER, ProcCpu.self());
        return seconds;
    }

    /** What each process used between {@code start} and {@code end}, and per closed case. */
    static Map<String, Report.Cpu> between(Map<String, Double> start, Map<String, Double> end, long casesClosed) {
        Map<String, Report.Cpu> used = new LinkedHashMap<>();
        start.forEach((name, s0) -> used.put(name, Report.Cpu.of(end.get(name) - s0, casesClosed)));
        return used;
    }
}
