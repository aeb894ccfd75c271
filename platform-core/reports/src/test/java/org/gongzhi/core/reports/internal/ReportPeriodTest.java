package org.gongzhi.core.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.Test;

public class ReportPeriodTest {

    @Test
    public void parsesAndLabelsEachKind() {
        ReportPeriod month = ReportPeriod.parse(ReportKind.MONTHLY, "2026-11").orElseThrow();
        assertThat(month.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(month.to()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(month.labelZh()).isEqualTo("2026年11月");
        ReportPeriod quarter = ReportPeriod.parse(ReportKind.QUARTERLY, "2026-Q4").orElseThrow();
        assertThat(quarter.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(quarter.to()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(quarter.labelZh()).isEqualTo("2026年第四季度");
        ReportPeriod half = ReportPeriod.parse(ReportKind.HALF_YEAR, "2026-H1").orElseThrow();
        assertThat(half.to()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(half.labelZh()).isEqualTo("2026年上半年");
    }

    @Test
    public void refusesWhatDoesNotFitTheKind() {
        assertThat(ReportPeriod.parse(ReportKind.MONTHLY, "2026-13")).isEmpty();
        assertThat(ReportPeriod.parse(ReportKind.MONTHLY, "2026-Q4")).isEmpty();
        assertThat(ReportPeriod.parse(ReportKind.QUARTERLY, "2026-Q5")).isEmpty();
        assertThat(ReportPeriod.parse(ReportKind.HALF_YEAR, "2026-H3")).isEmpty();
        assertThat(ReportPeriod.parse(ReportKind.HALF_YEAR, null)).isEmpty();
    }

    @Test
    public void aScheduledRunReportsOnTheLastCompletePeriod() {
        LocalDate firstOfDecember = LocalDate.of(2026, 12, 1);
        assertThat(ReportPeriod.previous(ReportKind.MONTHLY, firstOfDecember).text()).isEqualTo("2026-11");
        assertThat(ReportPeriod.previous(ReportKind.MONTHLY, LocalDate.of(2027, 1, 1)).text()).isEqualTo("2026-12");
        assertThat(ReportPeriod.previous(ReportKind.QUARTERLY, LocalDate.of(2027, 1, 1)).text()).isEqualTo("2026-Q4");
        assertThat(ReportPeriod.previous(ReportKind.QUARTERLY, LocalDate.of(2026, 11, 22)).text()).isEqualTo("2026-Q3");
        assertThat(ReportPeriod.previous(ReportKind.HALF_YEAR, LocalDate.of(2026, 7, 1)).text()).isEqualTo("2026-H1");
        assertThat(ReportPeriod.previous(ReportKind.HALF_YEAR, LocalDate.of(2026, 3, 1)).text()).isEqualTo("2025-H2");
    }
}
