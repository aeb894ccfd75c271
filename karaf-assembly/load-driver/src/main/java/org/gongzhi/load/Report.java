package org.gongzhi.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The figures of a run, computed from the merged {@link WorkerStats}: counts and rates over the measured time,
 * latency percentiles in milliseconds. Serialised as is to the {@code --out} JSON; {@link ReportText} prints it.
 *
 * @param measuredSeconds   from the end of the warm-up until the last worker stopped (cases in flight at the
 *                          deadline are finished and counted)
 * @param casesStarted      case tickets handed out, warm-up included
 * @param casesCreated      measured intakes answered 2xx
 * @param casesClosed       measured cases that reached {@code closed}
 * @param errors            failed calls other than 401/403, warm-up included
 * @param authFailures      401 and 403 answers, warm-up included: the account or its token was refused, which is a
 *                          setup problem (user, password, realm, roles), not a load figure
 * @param errorSamples      the first failed calls, 401/403 included
 * @param notStarted        open loop only: cases due before the deadline never started because all workers were busy
 * @param aborted           workers were still busy long after the deadline and had to be interrupted
 * @param stoppedOnErrors   the run ended early because {@code --max-errors} calls had failed
 * @param cpu               with {@code --cpu-pids}: per process name (and {@value CpuMeter#DRIVER}), the CPU it used
 *                          over the measured window; {@code null} without
 */
record Report(String base, List<String> tenants, int threads, String mode, double ratePerSecond,
              double closeFraction, double warmupSeconds, double measuredSeconds, long casesStarted,
              long casesCreated, long casesClosed, long transitions, double intakePerSecond,
              double transitionsPerSecond, Latency intake, Latency transition, Latency fullLoop,
              Map<String, Latency> perTransition, long errors, Map<String, Long> errorsByStatus,
              long authFailures, Map<String, Long> authFailuresByStatus, List<ErrorLog.Sample> errorSamples,
              long notStarted, boolean aborted, boolean stoppedOnErrors, Map<String, Cpu> cpu) {

    /** CPU a process used over the measured window: seconds, and milliseconds per closed case (NaN for none). */
    record Cpu(double seconds, double msPerClosedCase) {
        static Cpu of(double seconds, long casesClosed) {
            return new Cpu(round(seconds, 3), casesClosed == 0 ? Double.NaN : round(seconds * 1000 / casesClosed, 3));
        }
    }

    /** Latency percentiles of one histogram, in milliseconds (recorded in microseconds). */
    record Latency(long count, double p50, double p90, double p99, double max, double mean) {
        static Latency of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0);
            }
            return new Latency(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), Math.round(h.getMean()) / 1000.0);
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    static Report of(Options o, WorkerStats s, long measuredNanos, ErrorLog errors, long casesStarted,
                     long notStarted, boolean aborted, boolean stoppedOnErrors, Map<String, Cpu> cpu) {

    /** CPU a process used over the measured window: seconds, and milliseconds per closed case (NaN for none). */
    record Cpu(double seconds, double msPerClosedCase) {
        static Cpu of(double seconds, long casesClosed) {
            return new Cpu(round(seconds, 3), casesClosed == 0 ? Double.NaN : round(seconds * 1000 / casesClosed, 3));
        }
    }
        double seconds = measuredNanos / 1e9;
        Map<String, Latency> perTransition = new LinkedHashMap<>();
        s.perAction.forEach((action, h) -> perTransition.put(action, Latency.of(h)));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        errors.byStatus().forEach((status, n) -> byStatus.put(ApiClient.Reply.label(status), n));
        Map<String, Long> authByStatus = new LinkedHashMap<>();
        errors.authByStatus().forEach((status, n) -> authByStatus.put(ApiClient.Reply.label(status), n));
        return new Report(o.base().toString(), o.tenants().stream().map(TenantProfile::tenant).toList(),
                o.threads(), o.openLoop() ? "open-loop" : "closed-loop", o.rate(), o.closeFraction(),
                o.warmup().toMillis() / 1000.0, round(seconds, 3), casesStarted, s.created, s.closed,
                s.transitionCount, round(perSecond(s.created, seconds), 2),
                round(perSecond(s.transitionCount, seconds), 2), Latency.of(s.intake), Latency.of(s.transitions),
                Latency.of(s.loop), perTransition, errors.total(), byStatus, errors.authFailures(), authByStatus,
                errors.samples(), notStarted, aborted, stoppedOnErrors, cpu);
    }

    /** {@code count / seconds}, 0 for no time. */
    static double perSecond(long count, double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Non-zero exit when anything failed (401/403 included) or the run had to be cut short. */
    int exitCode() {
        return errors > 0 || authFailures > 0 || aborted ? 1 : 0;
    }
}
