package org.gongzhi.loopbench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gongzhi.loopbench.ClosedLoopRun.Point;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BenchReportTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Point point(String engine, int threads, double loopsPerSecond) {
        return new Point(engine, threads, 100, 10, loopsPerSecond, 1, 2, 3, 4, 5, Double.NaN, 0, null);
    }

    @Test
    public void theRatiosArePlatformOverFlowableAndOverJdbcAndJdbcOverFlowable() {
        BenchReport r = BenchReport.of("now", Map.of(), Map.of(), Map.of(), List.of(point("platform", 4, 150),
                point("flowable", 4, 50), point("jdbc", 4, 300), point("platform", 8, 90), point("flowable", 1, 30)));
        assertEquals(List.of("4 platform/flowable 3.0", "4 platform/jdbc 0.5", "4 jdbc/flowable 6.0"),
                r.ratios().stream().map(x -> x.threads() + " " + x.numerator() + "/" + x.denominator() + " " + x.value())
                        .toList());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        r.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.contains("4 thread(s): platform / flowable = 3.00 x"));
        assertTrue(printed, printed.contains("client CPU ms"));
    }

    @Test
    public void aDriverReportIsReadWithItsCpuSectionOrWithout() throws Exception {
        Path with = tmp.newFile("with.json").toPath();
        Files.writeString(with, """
                {"mode": "closed-loop", "threads": 8, "casesClosed": 840, "measuredSeconds": 10.5,
                 "fullLoop": {"p50": 90.1, "p99": 160.2, "max": 210.0}, "errors": 1, "authFailures": 2,
                 "cpu": {"karaf": {"seconds": 10.1, "msPerClosedCase": 12.02},
                         "postgres": {"seconds": 6.2, "msPerClosedCase": 7.38},
                         "driver": {"seconds": 5.0, "msPerClosedCase": 5.95}}}""");
        Point p = BenchReport.platform(with);
        assertEquals(80.0, p.loopsPerSecond(), 1e-9);
        assertEquals(160.2, p.p99Ms(), 0);
        assertEquals(12.02, p.engineCpuMsPerLoop(), 0);
        assertEquals(7.38, p.postgresCpuMsPerLoop(), 0);
        assertEquals(5.95, p.clientCpuMsPerLoop(), 0);
        assertEquals(3, p.errors());

        Path without = tmp.newFile("without.json").toPath();
        Files.writeString(without, """
                {"mode": "closed-loop", "threads": 1, "casesClosed": 10, "measuredSeconds": 1,
                 "fullLoop": {"p50": 9, "p99": 16, "max": 21}, "errors": 0, "authFailures": 0}""");
        Point old = BenchReport.platform(without);
        assertTrue(Double.isNaN(old.engineCpuMsPerLoop()) && Double.isNaN(old.postgresCpuMsPerLoop())
                && Double.isNaN(old.clientCpuMsPerLoop()));

        Path open = tmp.newFile("open.json").toPath();
        Files.writeString(open, "{\"mode\": \"open-loop\"}");
        assertThrows(IllegalArgumentException.class, () -> BenchReport.platform(open));
    }
}
