package org.gongzhi.core.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.core.service.reports.ArchivedReport;
import org.gongzhi.core.service.reports.ReportService;
import org.gongzhi.core.service.schedule.ScheduledWork;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.Test;

/** The report works the scheduler runs: which reports a firing produces, and their service properties. */
public class ScheduledReportsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final List<String> produced = new CopyOnWriteArrayList<>();
    private final ReportService reports = new ReportService() {
        @Override
        public ArchivedReport produce(String tenantId, String kind, String period, String format, String actor) {
            if (tenantId.equals("jiangbei") && format.equals("PDF")) {
                throw new IllegalStateException("rendering failed on purpose");
            }
            produced.add(String.join(" ", tenantId, kind, period, format, actor));
            return null;
        }
    };
    private final FakeTenantDirectory tenants = FakeTenantDirectory.demo();

    @Test
    public void theMonthlyFiringProducesEveryDistrictsReportForTheMonthBeforeInShanghaiTime() {
        ScheduledReports monthly = new ScheduledReports(reports, tenants, ReportKind.MONTHLY, SHANGHAI,
                List.of("PDF", "XLSX"));
        assertThat(monthly.name()).isEqualTo("reports-monthly");
        // due 06:00 on 1 December in Shanghai, which is still 30 November in UTC
        monthly.run(Instant.parse("2026-11-30T22:00:00Z"));
        List<String> ids = tenants.tenants().stream().map(t -> t.id()).toList();
        assertThat(ids).contains("jiangbei");
        assertThat(produced).hasSize(ids.size() * 2 - 1)
                .contains("jizhou MONTHLY 2026-11 PDF schedule", "jizhou MONTHLY 2026-11 XLSX schedule",
                        "jiangbei MONTHLY 2026-11 XLSX schedule");
    }

    @Test
    public void theQuarterlyAndHalfYearFiringsTakeTheirPeriodBefore() {
        new ScheduledReports(reports, tenants, ReportKind.QUARTERLY, SHANGHAI, List.of("CSV"))
                .run(Instant.parse("2026-12-31T22:00:00Z"));
        assertThat(produced).contains("donghu QUARTERLY 2026-Q4 CSV schedule");
        produced.clear();
        ScheduledReports half = new ScheduledReports(reports, tenants, ReportKind.HALF_YEAR, SHANGHAI, List.of("CSV"));
        assertThat(half.name()).isEqualTo("reports-half-year");
        half.run(Instant.parse("2027-06-30T22:00:00Z"));
        assertThat(produced).containsExactly("city HALF_YEAR 2027-H1 CSV schedule");
    }

    @Test
    public void theWorksCarryTheirCronAndZoneForTheScheduler() {
        Map<String, Object> p = ReportSchedule.properties("reports-monthly", " 0 0 6 1 * ? ", SHANGHAI);
        assertThat(p).containsEntry(ScheduledWork.NAME, "reports-monthly").containsEntry(ScheduledWork.CRON, "0 0 6 1 * ?")
                .containsEntry(ScheduledWork.TIME_ZONE, "Asia/Shanghai").doesNotContainKey(ScheduledWork.EVERY_SECONDS);
    }
}
