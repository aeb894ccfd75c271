package org.gongzhi.load;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

public class ReportTest {

    private static final long MS = 1_000_000L;

    @Test
    public void throughputAndPercentilesComeFromTheRecordedValues() {
        WorkerStats a = new WorkerStats();
        WorkerStats b = new WorkerStats();
        // intake latencies 1..100 ms, split over two workers
        for (int i = 1; i <= 100; i++) {
            (i % 2 == 0 ? a : b).intake(i * MS);
        }
        // 40 closed cases: each transition 2 ms, except the close of the last case (50 ms)
        for (int c = 0; c < 40; c++) {
            WorkerStats w = c < 20 ? a : b;
            for (CaseLoop.Step step : CaseLoop.STEPS) {
                boolean slow = c == 39 && step.action().equals("close");
                w.transition(step.action(), slow ? 50 * MS : 2 * MS);
            }
            w.closed(20 * MS);
        }
        WorkerStats total = new WorkerStats().add(a).add(b);
        Report r = Report.of(Options.parse(new String[0]), total, 10_000 * MS, new ErrorLog(), 130, 0, false,
                false, null);

        assertEquals(100, r.casesCreated());
        assertEquals(40, r.casesClosed());
        assertEquals(240, r.transitions());
        assertEquals(10.0, r.measuredSeconds(), 0);
        assertEquals(10.0, r.intakePerSecond(), 1e-9);
        assertEquals(24.0, r.transitionsPerSecond(), 1e-9);

        // HdrHistogram with 3 significant digits: within 0.1 %
        assertEquals(100, r.intake().count());
        assertEquals(50.0, r.intake().p50(), 0.05);
        assertEquals(90.0, r.intake().p90(), 0.09);
        assertEquals(99.0, r.intake().p99(), 0.1);
        assertEquals(100.0, r.intake().max(), 0.1);
        assertEquals(50.5, r.intake().mean(), 0.06);

        assertEquals(240, r.transition().count());
        assertEquals(2.0, r.transition().p50(), 0.002);
        assertEquals(2.0, r.transition().p99(), 0.002);
        assertEquals(50.0, r.transition().max(), 0.05);
        assertEquals(40, r.perTransition().get("close").count());
        assertEquals(50.0, r.perTransition().get("close").max(), 0.05);
        assertEquals(2.0, r.perTransition().get("register").max(), 0.002);
        assertEquals(20.0, r.fullLoop().p50(), 0.02);
        assertEquals(0, r.exitCode());
    }

    @Test
    public void noMeasuredTimeMeansNoThroughput() {
        Report r = Report.of(Options.parse(new String[0]), new WorkerStats(), 0, new ErrorLog(), 0, 0, false, false, null);
        assertEquals(0, r.intakePerSecond(), 0);
        assertEquals(0, r.intake().count());
        assertEquals(0, r.intake().p99(), 0);
        assertEquals(0.0, Report.perSecond(5, 0), 0);
        assertEquals(2.5, Report.perSecond(5, 2), 0);
    }

    @Test
    public void errorsAreCountedByStatusAndMakeTheExitCodeNonZero() throws Exception {
        ErrorLog errors = new ErrorLog();
        errors.record("dispatch", new ApiClient.Reply(409, "{\"title\":\"conflict\"}"));
        errors.record("dispatch", new ApiClient.Reply(409, "again"));
        errors.record("intake", new ApiClient.Reply(0, "HttpTimeoutException: request timed out"));
        for (int i = 0; i < 10; i++) {
            errors.record("accept", new ApiClient.Reply(500, "x".repeat(1000)));
        }
        Report r = Report.of(Options.parse(new String[0]), new WorkerStats(), MS, errors, 1, 0, false, false, null);
        assertEquals(13, r.errors());
        assertEquals(Map.of("no answer", 1L, "HTTP 409", 2L, "HTTP 500", 10L), r.errorsByStatus());
        assertEquals(ErrorLog.SAMPLES, r.errorSamples().size());
        assertTrue(r.errorSamples().get(4).body().length() < 500);
        assertEquals(1, r.exitCode());

        String text = ReportText.format(r);
        assertTrue(text, text.contains("errors          13"));
        assertTrue(text, text.contains("dispatch → HTTP 409"));
        String json = ReportText.json(r);
        assertTrue(json, json.contains("\"errorsByStatus\" : {"));
        assertTrue(json, json.contains("\"intakePerSecond\""));
        assertEquals(0, r.authFailures());
        assertFalse(text, text.contains("AUTH REFUSED"));
    }

    @Test
    public void refusedCallsAreCountedApart() throws Exception {
        ErrorLog errors = new ErrorLog();
        errors.record("intake", new ApiClient.Reply(401, "[WWW-Authenticate: Bearer error=\"invalid_token\"] "));
        errors.record("dispatch", new ApiClient.Reply(403, "{\"title\":\"forbidden\"}"));
        errors.record("accept", new ApiClient.Reply(403, "{\"title\":\"forbidden\"}"));
        errors.record("close", new ApiClient.Reply(ApiClient.NO_TOKEN, "no token for user jz-admin in realm jizhou"));
        assertEquals(3, errors.failedCalls() - errors.total());
        Report r = Report.of(Options.parse(new String[0]), new WorkerStats(), MS, errors, 1, 0, false, false, null);
        assertEquals(1, r.errors());
        assertEquals(Map.of("no token", 1L), r.errorsByStatus());
        assertEquals(3, r.authFailures());
        assertEquals(Map.of("HTTP 401", 1L, "HTTP 403", 2L), r.authFailuresByStatus());
        assertEquals(4, r.errorSamples().size());
        assertEquals(1, r.exitCode());

        String text = ReportText.format(r);
        assertTrue(text, text.contains("errors          1  {no token=1}"));
        assertTrue(text, text.contains("AUTH REFUSED    3  {HTTP 401=1, HTTP 403=2}"));
        assertTrue(text, text.contains("close → no token: no token for user jz-admin"));
        assertTrue(ReportText.json(r), ReportText.json(r).contains("\"authFailures\" : 3"));

        ErrorLog onlyRefused = new ErrorLog();
        onlyRefused.record("intake", new ApiClient.Reply(401, ""));
        assertEquals(1, Report.of(Options.parse(new String[0]), new WorkerStats(), MS, onlyRefused, 1, 0, false, false, null)
                .exitCode());
    }

    @Test
    public void theCpuSectionGivesSecondsAndMillisecondsPerClosedCase() throws Exception {
        WorkerStats s = new WorkerStats();
        for (int c = 0; c < 400; c++) {
            s.closed(20 * MS);
        }
        Map<String, Report.Cpu> cpu = CpuMeter.between(Map.of("karaf", 100.0, CpuMeter.DRIVER, 7.5),
                Map.of("karaf", 104.8, CpuMeter.DRIVER, 8.1), s.closed);
        Report r = Report.of(Options.parse(new String[0]), s, 10_000 * MS, new ErrorLog(), 400, 0, false, false, cpu);
        assertEquals(4.8, r.cpu().get("karaf").seconds(), 1e-9);
        assertEquals(12.0, r.cpu().get("karaf").msPerClosedCase(), 1e-9);
        assertEquals(1.5, r.cpu().get(CpuMeter.DRIVER).msPerClosedCase(), 1e-9);
        String text = ReportText.format(r);
        assertTrue(text, text.contains("  karaf               4.80           12.00\n"));
        String json = ReportText.json(r);
        assertTrue(json, json.replaceAll("\\s+", "").contains("\"karaf\":{\"seconds\":4.8,\"msPerClosedCase\":12.0}"));
        assertTrue(Double.isNaN(Report.Cpu.of(1, 0).msPerClosedCase()));
        assertFalse("no cpu lines without --cpu-pids",
                ReportText.format(Report.of(Options.parse(new String[0]), s, MS, new ErrorLog(), 1, 0, false, false, null))
                        .contains("cpu"));
    }

    @Test
    public void closeFractionIsExact() {
        for (double f : new double[] {0, 0.1, 0.25, 1.0 / 3, 0.5, 1}) {
            int n = 0;
            for (long i = 0; i < 1200; i++) {
                n += Schedule.fullLoop(i, f) ? 1 : 0;
            }
            assertEquals("fraction " + f, Math.floor(1200 * f), n, 0);
        }
        assertTrue(Schedule.fullLoop(0, 1));
        assertFalse(Schedule.fullLoop(0, 0));
    }
}
