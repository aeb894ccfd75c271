package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.kpi.KpiBreakdown;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiRow;
import org.gongzhi.core.service.screen.DistrictScreen.DepartmentRow;
import org.gongzhi.core.service.screen.DistrictScreen.FamilyRow;
import org.gongzhi.core.service.screen.DistrictScreen.GridRow;
import org.gongzhi.core.service.screen.DistrictScreen.TrendMonth;
import org.gongzhi.core.service.screen.DistrictScreen;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The big screen's figures against a hand-computed fixture in Jizhou, read on Thursday 2026-11-12 at
 * 12:00 Shanghai (N = 04:00Z). Coordination cases are due 5 working days after registration.
 * <pre>
 *  case reported           grid (level)                       family lead  outcome
 *  S1   2026-10-08 10:00   360802001001001 (grid)             CM     CG    handling since then: overdue
 *  S2   2026-11-02 09:00   36080200100100101 (building)       CM     ZZ    closed 11-03 on time, satisfaction 4
 *  S3   2026-11-02 09:00   360802002001001 (grid)             CG     CG    closed today 10:00, late
 *  S4   today 10:00        360802001002001 (grid)             LS     SF    simple (2 h), dispatched 10:02 (120 s): in warning
 *  S5   today 11:10        360802001001 (community)           CM     CG    dispatched 11:15 (300 s)
 *  S6   today 11:30        (not located)                      LS     -     reported only
 *  S7   2026-11-05 09:00   360802002 (street)                 CM     CG    postponed (缓办)
 *  +    a Donghu case reported today: never in Jizhou's figures
 * </pre>
 */
public class HibernateScreenFiguresTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String T = "jizhou";
    private static final Instant N = Instant.parse("2026-11-12T04:00:00Z");
    private static final Instant NOV = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant DEC = Instant.parse("2026-11-30T16:00:00Z");

    private static DistrictScreen screen;

    @BeforeClass
    public static void loadFixture() {
        KpiCases k = new KpiCases(FIX, T);
        k.handling(Instant.parse("2026-10-08T02:00:00Z"), "S1", "CM0102", "grid-worker", "360802001001001", "CG");
        UUID s2 = k.handling(Instant.parse("2026-11-02T01:00:00Z"), "S2", "CM0102", "hotline", "36080200100100101", "ZZ");
        k.close(Instant.parse("2026-11-03T01:00:00Z"), s2);
        k.evaluate(Instant.parse("2026-11-03T02:00:00Z"), s2, 4);
        UUID s3 = k.handling(Instant.parse("2026-11-02T01:00:00Z"), "S3", "CG0101", "qr-code", "360802002001001", "CG");
        k.close(Instant.parse("2026-11-12T02:00:00Z"), s3);
        UUID s4 = k.report(Instant.parse("2026-11-12T02:00:00Z"), "S4", "LS0102", "hotline", "360802001002001");
        register(s4, Instant.parse("2026-11-12T02:01:00Z"), SlaTier.SIMPLE);
        dispatch(s4, Instant.parse("2026-11-12T02:02:00Z"), "SF");
        UUID s5 = k.report(Instant.parse("2026-11-12T03:10:00Z"), "S5", "CM0102", "grid-worker", "360802001001");
        register(s5, Instant.parse("2026-11-12T03:12:00Z"), SlaTier.COORDINATION);
        dispatch(s5, Instant.parse("2026-11-12T03:15:00Z"), "CG");
        k.report(Instant.parse("2026-11-12T03:30:00Z"), "S6", "LS0102", "resident-app", null);
        UUID s7 = k.handling(Instant.parse("2026-11-05T01:00:00Z"), "S7", "CM0102", "hotline", "360802002", "CG");
        k.postpone(Instant.parse("2026-11-05T02:00:00Z"), s7, 3);
        new KpiCases(FIX, "donghu").report(Instant.parse("2026-11-12T03:00:00Z"), "D1", "CM0102", "hotline", null);
        FIX.clock.set(N);
        screen = FIX.screen.district(T);
    }

    @Test
    public void todaysFlowAndDispatchTiming() {
        assertThat(screen.generatedAt()).isEqualTo(N);
        assertThat(screen.name()).isEqualTo("吉州区");
        assertThat(screen.today()).isEqualTo(new DistrictScreen.Today(3, 2, 1));
        // percentile_cont of 120 s and 300 s: median 210, p90 = 120 + 0.9 × 180 = 282
        assertThat(screen.dispatchToday()).isEqualTo(new DistrictScreen.Dispatch(2, 210L, 282L, 180, 1));
    }

    @Test
    public void openOverdueAndWarningAsTheInboxCountsThem() {
        assertThat(screen.open()).isEqualTo(5);
        assertThat(screen.overdue()).as("S1; S7 is postponed").isEqualTo(1);
        assertThat(screen.warning()).as("S4, simple, past 80 % of its 2 hours").isEqualTo(1);
    }

    @Test
    public void openCasesRolledUpTheGridTree() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("360802001", 3L);
        expected.put("360802001001", 2L);
        expected.put("360802001001001", 1L);
        expected.put("360802001002", 1L);
        expected.put("360802001002001", 1L);
        expected.put("360802002", 1L);
        assertThat(screen.openByGrid()).containsExactlyInAnyOrderEntriesOf(expected);
        long streets = screen.openByGrid().entrySet().stream()
                .filter(e -> FIX.tenants.require(T).grids().find(e.getKey()).orElseThrow().level() == GridLevel.STREET)
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(streets + 1).as("the streets and S6, located nowhere").isEqualTo(screen.open());
    }

    @Test
    public void theMonthEqualsTheKpiApi() {
        KpiFigures k = FIX.kpis.figures(T, NOV, DEC);
        DistrictScreen.Month m = screen.month();
        assertThat(m).isEqualTo(new DistrictScreen.Month("2026-11", 2, 2, 1, 1.0, 0.5, 4.0, 1));
        assertThat(m).isEqualTo(new DistrictScreen.Month("2026-11", k.dueToClose(), k.closed(), k.closedOnTime(),
                k.closureRate(), k.onTimeClosureRate(), k.averageSatisfaction(), k.evaluated()));
        assertThat(screen.open()).isEqualTo(k.pendingNow());
        assertThat(screen.overdue()).isEqualTo(k.overdueNow());
    }

    @Test
    public void theTrendEqualsTheKpiBreakdownByMonth() {
        List<TrendMonth> trend = screen.trend();
        assertThat(trend).hasSize(12);
        assertThat(trend.get(0).month()).isEqualTo("2025-12");
        assertThat(trend.get(10)).isEqualTo(new TrendMonth("2026-10", 1, 0, 0.0));
        assertThat(trend.get(11)).isEqualTo(new TrendMonth("2026-11", 6, 2, 1.0));
        KpiBreakdown months = FIX.kpis.breakdown(T, Instant.parse("2025-11-30T16:00:00Z"), DEC, KpiDimension.MONTH, null);
        assertThat(trend).containsExactlyElementsOf(months.rows().stream()
                .map(r -> new TrendMonth(r.key(), r.figures().reported(), r.figures().closed(), r.figures().closureRate()))
                .toList());
    }

    @Test
    public void familiesDepartmentsAndGridsEqualTheKpiBreakdowns() {
        assertThat(screen.families()).containsExactly(new FamilyRow(CategoryFamily.CITY_MANAGEMENT, 3, 3),
                new FamilyRow(CategoryFamily.LIVELIHOOD, 2, 2), new FamilyRow(CategoryFamily.COMPREHENSIVE_GOVERNANCE, 1, 0));
        assertThat(screen.departments()).extracting(DepartmentRow::code).containsExactly("CG", "SF", "ZZ");
        Map<String, KpiFigures> byDepartment = byKey(FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.DEPARTMENT, null));
        for (DepartmentRow d : screen.departments()) {
            KpiFigures k = byDepartment.get(d.code());
            assertThat(d).isEqualTo(new DepartmentRow(d.code(), FIX.tenants.require(T).department(d.code()).orElseThrow().name(),
                    k.pendingNow(), k.overdueNow(), k.onTimeClosureRate()));
        }
        assertThat(screen.departments().get(0)).isEqualTo(new DepartmentRow("CG", "吉州区城市管理局", 3, 1, 0.0));

        Map<String, KpiFigures> byGrid = byKey(FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.GRID, GridLevel.GRID));
        assertThat(screen.grids().top()).extracting(GridRow::code).containsExactly("360802001001001", "360802002001001");
        assertThat(screen.grids().bottom()).isEmpty();
        for (GridRow g : screen.grids().top()) {
            KpiFigures k = byGrid.get(g.code());
            assertThat(g).isEqualTo(new GridRow(g.code(), g.name(), k.closureRate(), k.closed(), k.dueToClose()));
        }
    }

    @Test
    public void anUnknownDistrictIsNotFound() {
        assertThatThrownBy(() -> FIX.screen.district("nowhere")).isInstanceOf(NotFoundException.class);
    }

    private static Map<String, KpiFigures> byKey(KpiBreakdown b) {
        Map<String, KpiFigures> m = new LinkedHashMap<>();
        for (KpiRow r : b.rows()) {
            m.put(r.key(), r.figures());
        }
        return m;
    }

    private static void register(UUID id, Instant at, SlaTier tier) {
        FIX.clock.set(at);
        FIX.cases.transition(T, id, new TransitionCommand(CaseAction.REGISTER, "centre", null, List.of(), null, List.of(),
                tier, null, null, null));
    }

    private static void dispatch(UUID id, Instant at, String lead) {
        FIX.clock.set(at);
        FIX.cases.transition(T, id, new TransitionCommand(CaseAction.DISPATCH, "centre", null, List.of(), lead, List.of(),
                null, null, null, null));
        FIX.clock.set(at.plus(Duration.ofSeconds(1)));
    }
}
