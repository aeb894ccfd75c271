package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportFormat;
import org.junit.Test;

/**
 * How long a quarterly-size report (30 table rows, three charts) takes on this machine. Reports
 * the numbers (target/test-reports-output/timings.txt); asserts nothing about time.
 */
public class RenderTimingTest {

    private static final int WARM_RUNS = 5;

    @Test
    public void largeReportTimings() throws IOException {
        StringBuilder report = new StringBuilder();
        long start = System.nanoTime();
        JasperReportRenderer renderer = new JasperReportRenderer();
        report.append(String.format("activation (compile report.jrxml + chart.jrxml): %d ms%n", millis(start)));

        ReportDocument document = SampleReports.large();
        Path out = Path.of("target", "test-reports-output");
        Files.createDirectories(out);
        for (ReportFormat format : ReportFormat.values()) {
            start = System.nanoTime();
            byte[] file = renderer.render(document, format);
            long first = millis(start);
            Files.write(out.resolve("large." + format.extension()), file);
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                start = System.nanoTime();
                assertThat(renderer.render(document, format)).isNotEmpty();
                warm.add(millis(start));
            }
            Collections.sort(warm);
            report.append(String.format("%-4s first %5d ms, then median %4d ms (min %d, max %d) of %d; %,d bytes%n",
                    format, first, warm.get(WARM_RUNS / 2), warm.get(0), warm.get(WARM_RUNS - 1), WARM_RUNS, file.length));
        }
        Files.writeString(out.resolve("timings.txt"), report);
        System.out.print("Render timings, 30 rows + 3 charts:\n" + report);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
