package org.gongzhi.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The compact console form of a {@link Report}, and its JSON file. */
final class ReportText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportText() {
    }

    static String format(Report r) {
        StringBuilder b = new StringBuilder();
        line(b, "Gongzhi load: %s  tenants %s  %d threads  %s%s  close-fraction %s",
                r.base(), String.join(",", r.tenants()), r.threads(), r.mode(),
                r.ratePerSecond() > 0 ? " " + num(r.ratePerSecond()) + "/s" : "", num(r.closeFraction()));
        line(b, "measured        %.2f s (after %s s warm-up; %d cases started in all)",
                r.measuredSeconds(), num(r.warmupSeconds()), r.casesStarted());
        line(b, "cases created   %d  (%.2f cases/s)", r.casesCreated(), r.intakePerSecond());
        line(b, "cases closed    %d", r.casesClosed());
        line(b, "transitions     %d  (%.2f /s)", r.transitions(), r.transitionsPerSecond());
        line(b, "%-16s %8s %9s %9s %9s %9s", "latency ms", "count", "p50", "p90", "p99", "max");
        latency(b, "intake", r.intake());
        latency(b, "transitions", r.transition());
        for (Map.Entry<String, Report.Latency> e : r.perTransition().entrySet()) {
            latency(b, "  " + e.getKey(), e.getValue());
        }
        latency(b, "full loop", r.fullLoop());
        if (r.cpu() != null) {
            line(b, "%-16s %9s %15s", "cpu (measured)", "seconds", "ms/closed case");
            r.cpu().forEach((name, c) -> line(b, "  %-14s %9.2f %15.2f", name, c.seconds(), c.msPerClosedCase()));
        }
        if (r.notStarted() > 0) {
            line(b, "BEHIND SCHEDULE %d cases due before the deadline never started (all workers busy):"
                    + " raise --threads or lower --rate", r.notStarted());
        }
        if (r.aborted()) {
            line(b, "ABORTED         workers still busy long after the deadline were interrupted");
        }
        if (r.stoppedOnErrors()) {
            line(b, "STOPPED EARLY   --max-errors reached; the figures cover only part of the planned time");
        }
        line(b, "errors          %d%s", r.errors(), r.errors() == 0 ? "" : "  " + r.errorsByStatus());
        if (r.authFailures() > 0) {
            line(b, "AUTH REFUSED    %d  %s: token or account refused — check --keycloak, --user, --password and the"
                    + " account's roles; a setup problem, not a load figure", r.authFailures(), r.authFailuresByStatus());
        }
        for (ErrorLog.Sample s : r.errorSamples()) {
            line(b, "  %s → %s: %s", s.operation(), ApiClient.Reply.label(s.status()), s.body());
        }
        return b.toString();
    }

    static void writeJson(Object r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), r);
    }

    static String json(Report r) throws IOException {
        return JSON.writeValueAsString(r);
    }

    static void latency(StringBuilder b, String name, Report.Latency l) {
        line(b, "%-16s %8d %9.2f %9.2f %9.2f %9.2f", name, l.count(), l.p50(), l.p90(), l.p99(), l.max());
    }

    static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
