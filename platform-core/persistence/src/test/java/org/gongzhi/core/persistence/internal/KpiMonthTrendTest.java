package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.kpi.KpiBreakdown;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiRow;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The trend by month in Donghu, months in Asia/Shanghai (UTC+8), period October–December 2026:
 * <pre>
 *  M0  2026-09-30T15:30Z = 09-30 23:30 Shanghai  September: before the period, left open
 *  M1  2026-09-30T16:30Z = 10-01 00:30 Shanghai  October, closed an hour later
 *  M2  2026-10-31T15:30Z = 10-31 23:30 Shanghai  October, reported only
 *  M3  2026-10-31T16:00Z = 11-01 00:00 Shanghai  November, reported only
 * </pre>
 */
public class KpiMonthTrendTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String T = "donghu";
    private static final Instant OCT = Instant.parse("2026-09-30T16:00:00Z");
    private static final Instant NOV = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant DEC = Instant.parse("2026-11-30T16:00:00Z");
    private static final Instant JAN = Instant.parse("2026-12-31T16:00:00Z");

    @BeforeClass
    public static void loadFixture() {
        KpiCases k = new KpiCases(FIX, T);
        k.report(Instant.parse("2026-09-30T15:30:00Z"), "M0", "CM0102", "hotline", null);
        Instant m1 = Instant.parse("2026-09-30T16:30:00Z");
        UUID id = k.handling(m1, "M1", "CM0102", "hotline", null, "CG");
        k.close(m1.plus(Duration.ofHours(1)), id);
        k.report(Instant.parse("2026-10-31T15:30:00Z"), "M2", "CM0102", "hotline", null);
        k.report(Instant.parse("2026-10-31T16:00:00Z"), "M3", "CM0102", "hotline", null);
        FIX.clock.set(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    public void casesFallInTheMonthOfTheirShanghaiDate() {
        KpiBreakdown b = FIX.kpis.breakdown(T, OCT, JAN, KpiDimension.MONTH, null);
        assertThat(b.dimension()).isEqualTo("month");
        assertThat(b.rows()).extracting(KpiRow::key).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(b.rows()).extracting(KpiRow::label).containsExactly("2026年10月", "2026年11月", "2026年12月");
        KpiFigures oct = b.rows().get(0).figures();
        assertThat(oct.reported()).as("M1 and M2 (23:30 on 31 October)").isEqualTo(2);
        assertThat(oct.registered()).isEqualTo(1);
        assertThat(oct.closed()).isEqualTo(1);
        assertThat(oct.closureRate()).isEqualTo(1.0);
        assertThat(oct.pendingNow()).as("M2 only: in a trend the open cases are the month's").isEqualTo(1);
        assertThat(oct.from()).isEqualTo(OCT);
        assertThat(oct.to()).isEqualTo(NOV);
        KpiFigures nov = b.rows().get(1).figures();
        assertThat(nov.reported()).as("M3 (00:00 on 1 November)").isEqualTo(1);
        assertThat(nov.pendingNow()).isEqualTo(1);
        assertThat(nov.from()).isEqualTo(NOV);
        assertThat(nov.to()).isEqualTo(DEC);
        KpiFigures dec = b.rows().get(2).figures();
        assertThat(dec.reported()).as("an empty month keeps its place on the axis").isZero();
        assertThat(dec.closureRate()).isNull();
        assertThat(dec.tenantId()).isEqualTo(T);
    }

    @Test
    public void aPeriodStartingMidMonthClipsTheFirstRow() {
        Instant oct15 = Instant.parse("2026-10-14T16:00:00Z");
        KpiBreakdown b = FIX.kpis.breakdown(T, oct15, DEC, KpiDimension.MONTH, null);
        assertThat(b.rows()).extracting(KpiRow::key).containsExactly("2026-10", "2026-11");
        assertThat(b.rows().get(0).figures().from()).isEqualTo(oct15);
        assertThat(b.rows().get(0).figures().reported()).as("M2 only").isEqualTo(1);
    }

    @Test
    public void theDistrictFiguresCountOpenCasesOfEveryPeriod() {
        KpiFigures k = FIX.kpis.figures(T, OCT, JAN);
        assertThat(k.reported()).isEqualTo(3);
        assertThat(k.pendingNow()).as("M0 (September), M2, M3").isEqualTo(3);
    }

    @Test
    public void otherBreakdownsCountTheGroupsOpenCasesOfEveryPeriod() {
        KpiBreakdown b = FIX.kpis.breakdown(T, OCT, JAN, KpiDimension.CHANNEL, null);
        assertThat(b.rows()).extracting(KpiRow::key).containsExactly("hotline");
        KpiFigures hotline = b.rows().get(0).figures();
        assertThat(hotline.reported()).isEqualTo(3);
        assertThat(hotline.pendingNow()).as("M0 (September), M2, M3").isEqualTo(3);
    }

    @Test
    public void aTrendIsLimitedToTenYears() {
        assertThatThrownBy(() -> FIX.kpis.breakdown(T, OCT, OCT.plus(Duration.ofDays(3700)), KpiDimension.MONTH, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("from");
    }
}
