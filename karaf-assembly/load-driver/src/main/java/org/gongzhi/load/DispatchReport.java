package org.gongzhi.load;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a dispatch run ({@code --scenario dispatch}); serialised as is to the {@code --out} JSON,
 * printed by {@link #text()}.
 *
 * @param preparedCases       cases reported and registered before the dispatching (of {@code plannedCases})
 * @param dispatchCalls       dispatch calls made, warm-up included
 * @param callsPerSecond      measured dispatch calls answered 2xx per second of the measured time
 * @param dispatchCall        the REST call, from its due time to the answer (measured calls only)
 * @param delivery            from the platform's commit of the dispatch to the department's acceptance, measured
 *                            dispatches: the target figure
 * @param steadyDelivery      the same for dispatches due before the outage began (equals {@code delivery} without one)
 * @param endToEnd            from the due time of the dispatch call to the department's acceptance
 * @param counts              what was dispatched, arrived, lost and duplicated, all dispatches of the run
 * @param outageStart         when the simulator went down, null without an outage
 * @param recoverySeconds     from the end of the outage until the last dispatch due before that end was accepted:
 *                            how long the backlog took to clear; 0 without an outage
 * @param drained             every dispatch arrived and nothing was pending before {@code --drain-timeout}
 * @param drainSeconds        from the last dispatch call until that was so (or the timeout)
 * @param platformPending     dispatches of the run's tenants still pending on the platform at the end
 * @param platformDead        dead letters of the run's tenants on the platform at the end (all runs)
 */
record DispatchReport(String base, String simulator, List<String> tenants, int threads, double ratePerSecond,
                      double warmupSeconds, long plannedCases, long preparedCases, double preparationSeconds,
                      double measuredSeconds, long dispatchCalls, double callsPerSecond, Report.Latency dispatchCall,
                      Report.Latency delivery, Report.Latency steadyDelivery, Report.Latency endToEnd,
                      DispatchTally.Counts counts, String outageMode, String outageStart, String outageEnd,
                      double recoverySeconds, boolean drained, double drainSeconds, long platformPending,
                      long platformDead, long errors, Map<String, Long> errorsByStatus, long authFailures,
                      List<ErrorLog.Sample> errorSamples, long notStarted, boolean aborted, boolean stoppedOnErrors) {

    static DispatchReport of(Options o, long planned, long prepared, double prepSeconds, DispatchRun.Phase phase,
                             DispatchRun.Drain drain, long dead, DispatchTally tally, ErrorLog errors) {
        Options.DispatchPlan plan = o.dispatch();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        errors.byStatus().forEach((status, n) -> byStatus.put(ApiClient.Reply.label(status), n));
        Instant last = tally.lastBacklogArrival;
        double recovery = phase.outageEnd() == null || last == null || last.isBefore(phase.outageEnd()) ? 0
                : Duration.between(phase.outageEnd(), last).toMillis() / 1000.0;
        return new DispatchReport(o.base().toString(), plan.simulator().toString(),
                o.tenants().stream().map(TenantProfile::tenant).toList(), o.threads(), o.rate(),
                o.warmup().toMillis() / 1000.0, planned, prepared, round(prepSeconds), round(phase.seconds()),
                phase.issued(), round(Report.perSecond(phase.calls().getTotalCount(), phase.seconds())),
                Report.Latency.of(phase.calls()), Report.Latency.of(tally.delivery),
                Report.Latency.of(tally.steadyDelivery), Report.Latency.of(tally.endToEnd), tally.counts,
                plan.hasOutage() ? plan.outageMode() : null, text(phase.outageStart()), text(phase.outageEnd()), recovery,
                drain.complete(), round(drain.seconds()), drain.platformPending(), dead, errors.total(), byStatus,
                errors.authFailures(), errors.samples(), phase.notStarted(), phase.aborted(), phase.stoppedOnErrors());
    }

    /** Non-zero when a call failed, a dispatch was lost or duplicated, or the run was cut short. */
    int exitCode() {
        boolean clean = errors == 0 && authFailures == 0 && counts.lost() == 0 && counts.duplicates() == 0
                && drained && notStarted == 0 && !aborted && !stoppedOnErrors;
        return clean ? 0 : 1;
    }

    /** The console form. */
    String text() {
        StringBuilder b = new StringBuilder();
        ReportText.line(b, "Gongzhi dispatch load: %s → simulator %s  tenants %s  %d threads  %s dispatches/s",
                base, simulator, String.join(",", tenants), threads, ReportText.num(ratePerSecond));
        ReportText.line(b, "prepared        %d of %d cases in %.1f s (reported and registered, not measured)",
                preparedCases, plannedCases, preparationSeconds);
        ReportText.line(b, "measured        %.2f s after %s s warm-up; %d dispatch calls in all, %.2f /s measured",
                measuredSeconds, ReportText.num(warmupSeconds), dispatchCalls, callsPerSecond);
        if (outageMode != null) {
            ReportText.line(b, "outage          %s from %s to %s; its backlog delivered %.1f s after it ended",
                    outageMode, outageStart, outageEnd, recoverySeconds);
        }
        ReportText.line(b, "%-16s %8s %9s %9s %9s %9s", "latency ms", "count", "p50", "p90", "p99", "max");
        ReportText.latency(b, "dispatch call", dispatchCall);
        ReportText.latency(b, "delivery", delivery);
        if (outageMode != null) {
            ReportText.latency(b, "  before outage", steadyDelivery);
        }
        ReportText.latency(b, "end to end", endToEnd);
        ReportText.line(b, "dispatched      %d   arrived %d   LOST %d   DUPLICATED %d   redeliveries %d"
                        + "   arrived after a failed call %d",
                counts.dispatched(), counts.arrived(), counts.lost(), counts.duplicates(), counts.redeliveries(),
                counts.arrivedAfterError());
        ReportText.line(b, "platform        %d pending, %d dead letters at the end; %s %.1f s after the last dispatch",
                platformPending, platformDead, drained ? "drained" : "NOT DRAINED (--drain-timeout)", drainSeconds);
        if (notStarted > 0) {
            ReportText.line(b, "BEHIND SCHEDULE %d dispatches due before the deadline never started: raise --threads",
                    notStarted);
        }
        if (aborted) {
            ReportText.line(b, "ABORTED         dispatch calls still busy long after the deadline were interrupted");
        }
        if (stoppedOnErrors) {
            ReportText.line(b, "STOPPED EARLY   --max-errors reached");
        }
        ReportText.line(b, "errors          %d%s", errors, errors == 0 ? "" : "  " + errorsByStatus);
        if (authFailures > 0) {
            ReportText.line(b, "AUTH REFUSED    %d: check --keycloak, --user, --password and the account's roles",
                    authFailures);
        }
        for (ErrorLog.Sample s : errorSamples) {
            ReportText.line(b, "  %s → %s: %s", s.operation(), ApiClient.Reply.label(s.status()), s.body());
        }
        return b.toString();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
