package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.kpi.KpiBreakdown;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiRow;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Breakdowns against a hand-computed fixture in Jizhou, November 2026. Every case but G6 is
 * registered on Monday 2026-11-02 09:00 Shanghai (T0) as a coordination case, due 2026-11-09 24:00;
 * the figures are read at T0 + 25 days.
 * <pre>
 *  case grid (level)                        street  category/family  channel      lead (co)  outcome
 *  G1   阳明小区网格 360802001001001 (grid)   古南    CM0102 CM        grid-worker  CG         closed T0+24h, on time, satisfaction 5
 *  G2   1栋 36080200100100101 (building)     古南    CM0102 CM        hotline      ZZ         closed T0+48h, on time, satisfaction 3
 *  G3   仁山坪第一网格 360802001002001 (grid) 古南    LS0102 LS        hotline      ZZ (MZ)    closed T0+20d, late
 *  G4   阳明社区 360802001001 (community)     古南    CG0101 CG        qr-code      SF         handling, overdue
 *  G5   庐陵第一网格 360802002001001 (grid)   永叔    CG0101 CG        qr-code      ZZ         reworked once, closed T0+72h, on time
 *  G6   (not located)                        -       LS0102 LS        resident-app -          reported only
 *  G7   永叔街道 360802002 (street)           永叔    CM0102 CM        hotline      CG         postponed (缓办)
 * </pre>
 * ZZ is Jizhou's STREET_OFFICE: G2 and G5 were resolved at town level; G3 was not (a district
 * department, MZ, was co-dispatched).
 */
public class KpiBreakdownTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String T = "jizhou";
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant NOV = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant DEC = Instant.parse("2026-11-30T16:00:00Z");
    private static final String GUNAN = "360802001";
    private static final String YONGSHU = "360802002";

    @BeforeClass
    public static void loadFixture() {
        KpiCases k = new KpiCases(FIX, T);
        UUID g1 = k.handling(T0, "G1", "CM0102", "grid-worker", "360802001001001", "CG");
        UUID g2 = k.handling(T0, "G2", "CM0102", "hotline", "36080200100100101", "ZZ");
        UUID g3 = k.handling(T0, "G3", "LS0102", "hotline", "360802001002001", "ZZ", "MZ");
        k.handling(T0, "G4", "CG0101", "qr-code", "360802001001", "SF");
        UUID g5 = k.handling(T0, "G5", "CG0101", "qr-code", "360802002001001", "ZZ");
        k.report(T0, "G6", "LS0102", "resident-app", null);
        UUID g7 = k.handling(T0, "G7", "CM0102", "hotline", YONGSHU, "CG");
        k.postpone(T0.plus(hours(1)), g7, 3);
        k.close(T0.plus(hours(24)), g1);
        k.evaluate(T0.plus(hours(25)), g1, 5);
        k.close(T0.plus(hours(48)), g2);
        k.evaluate(T0.plus(hours(49)), g2, 3);
        k.rework(T0.plus(hours(50)), g5);
        k.close(T0.plus(hours(72)), g5);
        k.close(T0.plus(Duration.ofDays(20)), g3);
        FIX.clock.set(T0.plus(Duration.ofDays(25)));
    }

    @Test
    public void figuresOfTheWholeDistrict() {
        KpiFigures k = FIX.kpis.figures(T, NOV, DEC);
        assertThat(k.reported()).isEqualTo(7);
        assertThat(k.registered()).isEqualTo(6);
        assertThat(k.dueToClose()).as("G1–G5; G7 is postponed").isEqualTo(5);
        assertThat(k.closed()).isEqualTo(4);
        assertThat(k.closedOnTime()).isEqualTo(3);
        assertThat(k.closureRate()).isEqualTo(0.8);
        assertThat(k.onTimeClosureRate()).isEqualTo(0.6);
        assertThat(k.verified()).isEqualTo(4);
        assertThat(k.reworkRate()).isEqualTo(0.25);
        assertThat(k.postponed()).isEqualTo(1);
        assertThat(k.postponementRate()).isCloseTo(1.0 / 6, within(1e-12));
        // handling hours 24, 48, 72, 480: mean 156; p90 at rank 0.9 × 3 = 2.7 → 72 + 0.7 × (480 − 72)
        assertThat(k.averageHandlingHours()).isCloseTo(156.0, within(1e-9));
        assertThat(k.p90HandlingHours()).isCloseTo(357.6, within(1e-9));
        assertThat(k.evaluated()).isEqualTo(2);
        assertThat(k.satisfactionRate()).isEqualTo(0.5);
        assertThat(k.averageSatisfaction()).isEqualTo(4.0);
        assertThat(k.resolvedAtTownOrVillage()).as("G2 and G5").isEqualTo(2);
        assertThat(k.townOrVillageShare()).isEqualTo(0.5);
        assertThat(k.mediationSuccessRate()).isNull();
        assertThat(k.pendingNow()).as("G4, G6, G7").isEqualTo(3);
        assertThat(k.overdueNow()).as("G4").isEqualTo(1);
    }

    @Test
    public void gridRolledUpToStreets() {
        KpiBreakdown b = FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.GRID, GridLevel.STREET);
        assertThat(b.dimension()).isEqualTo("grid");
        assertThat(b.level()).isEqualTo("street");
        assertThat(b.rows()).extracting(KpiRow::key).containsExactly(GUNAN, YONGSHU, null);
        assertThat(b.rows()).extracting(KpiRow::label).startsWith("古南街道", "永叔街道");

        KpiFigures gunan = row(b, GUNAN);
        assertThat(gunan.reported()).as("G1–G4 from two communities, a grid, a building and a community").isEqualTo(4);
        assertThat(gunan.dueToClose()).isEqualTo(4);
        assertThat(gunan.closed()).isEqualTo(3);
        assertThat(gunan.closedOnTime()).isEqualTo(2);
        assertThat(gunan.closureRate()).isEqualTo(0.75);
        assertThat(gunan.onTimeClosureRate()).isEqualTo(0.5);
        assertThat(gunan.resolvedAtTownOrVillage()).isEqualTo(1);
        assertThat(gunan.townOrVillageShare()).isCloseTo(1.0 / 3, within(1e-12));
        // 24, 48, 480: rank 1.8 → 48 + 0.8 × 432
        assertThat(gunan.p90HandlingHours()).isCloseTo(393.6, within(1e-9));
        assertThat(gunan.pendingNow()).isEqualTo(1);
        assertThat(gunan.overdueNow()).isEqualTo(1);

        KpiFigures yongshu = row(b, YONGSHU);
        assertThat(yongshu.reported()).isEqualTo(2);
        assertThat(yongshu.dueToClose()).as("G7 is postponed").isEqualTo(1);
        assertThat(yongshu.closureRate()).isEqualTo(1.0);
        assertThat(yongshu.reworkRate()).isEqualTo(1.0);
        assertThat(yongshu.postponementRate()).isEqualTo(0.5);
        assertThat(yongshu.p90HandlingHours()).isCloseTo(72.0, within(1e-9));
        assertThat(yongshu.pendingNow()).as("G7, postponed, is pending").isEqualTo(1);
        assertThat(yongshu.overdueNow()).as("a postponed case's clock does not run").isZero();

        KpiFigures unlocated = row(b, null);
        assertThat(unlocated.reported()).isEqualTo(1);
        assertThat(unlocated.registered()).isZero();
        assertThat(unlocated.closureRate()).isNull();
        assertThat(b.rows().get(2).label()).startsWith("未定位到");
    }

    /** A street or community centre's figures: the cases of its own grid subtree only (ADR 0036). */
    @Test
    public void figuresAndBreakdownsOfACentresArea() {
        KpiFigures gunan = FIX.kpis.figures(T, NOV, DEC, Set.of(GUNAN));
        KpiFigures streetRow = row(FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.GRID, GridLevel.STREET), GUNAN);
        assertThat(gunan.reported()).as("G1–G4").isEqualTo(4).isEqualTo(streetRow.reported());
        assertThat(gunan.closed()).isEqualTo(streetRow.closed()).isEqualTo(3);
        assertThat(gunan.p90HandlingHours()).isCloseTo(393.6, within(1e-9));
        assertThat(gunan.overdueNow()).isEqualTo(1);

        KpiFigures community = FIX.kpis.figures(T, NOV, DEC, Set.of("360802001001"));
        assertThat(community.reported()).as("阳明社区: G1 (its grid), G2 (a building below), G4 (itself)").isEqualTo(3);
        assertThat(FIX.kpis.figures(T, NOV, DEC, Set.of(GUNAN, YONGSHU)).reported()).as("two streets").isEqualTo(6);
        assertThat(FIX.kpis.figures(T, NOV, DEC, Set.of("999")).reported()).as("a code not in the tree").isZero();

        KpiBreakdown byDepartment = FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.DEPARTMENT, null, Set.of(YONGSHU));
        assertThat(byDepartment.rows()).extracting(KpiRow::key).containsExactlyInAnyOrder("ZZ", "CG");
        assertThat(FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.GRID, GridLevel.STREET, Set.of(YONGSHU)).rows())
                .extracting(KpiRow::key).containsExactly(YONGSHU);
    }

    @Test
    public void gridRolledUpToCommunities() {
        KpiBreakdown b = FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.GRID, GridLevel.COMMUNITY);
        assertThat(b.rows()).extracting(KpiRow::key)
                .containsExactly("360802001001", "360802001002", "360802002001", null);
        assertThat(b.rows()).extracting(r -> r.figures().reported()).containsExactly(3L, 1L, 1L, 2L);
        assertThat(b.rows()).extracting(KpiRow::label).startsWith("阳明社区", "仁山坪社区", "庐陵社区");
        assertThat(row(b, "360802001001").closedOnTime()).as("G1 and G2 (from a building)").isEqualTo(2);
    }

    @Test
    public void gridAtGridLevel() {
        KpiBreakdown b = FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.GRID, GridLevel.GRID);
        assertThat(b.rows()).extracting(KpiRow::key)
                .containsExactly("360802001001001", "360802001002001", "360802002001001", null);
        assertThat(b.rows()).extracting(r -> r.figures().reported()).containsExactly(2L, 1L, 1L, 3L);
    }

    @Test
    public void byLeadDepartment() {
        KpiBreakdown b = FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.DEPARTMENT, null);
        assertThat(b.level()).isNull();
        assertThat(b.rows()).extracting(KpiRow::key).containsExactly("CG", "SF", "ZZ", null);
        assertThat(b.rows()).extracting(r -> r.figures().reported()).containsExactly(2L, 1L, 3L, 1L);
        KpiFigures zz = row(b, "ZZ");
        assertThat(zz.closed()).isEqualTo(3);
        assertThat(zz.closedOnTime()).isEqualTo(2);
        assertThat(zz.resolvedAtTownOrVillage()).as("G2, G5; not G3 with MZ co-dispatched").isEqualTo(2);
        assertThat(zz.townOrVillageShare()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(row(b, "CG").resolvedAtTownOrVillage()).isZero();
        assertThat(row(b, "CG").dueToClose()).as("G1; G7 postponed").isEqualTo(1);
        assertThat(b.rows().get(0).label()).isEqualTo("吉州区城市管理局");
        assertThat(b.rows().get(3).label()).startsWith("未派遣");
    }

    @Test
    public void byFamily() {
        KpiBreakdown b = FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.FAMILY, null);
        assertThat(b.rows()).extracting(KpiRow::key)
                .containsExactly("CITY_MANAGEMENT", "LIVELIHOOD", "COMPREHENSIVE_GOVERNANCE");
        assertThat(b.rows()).extracting(KpiRow::label).containsExactly("城市管理", "民生服务", "综合治理");
        assertThat(b.rows()).extracting(r -> r.figures().reported()).containsExactly(3L, 2L, 2L);
        assertThat(b.rows()).extracting(r -> r.figures().closedOnTime()).containsExactly(2L, 0L, 1L);
        assertThat(b.rows()).extracting(r -> r.figures().overdueNow()).containsExactly(0L, 0L, 1L);
    }

    @Test
    public void byChannel() {
        KpiBreakdown b = FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.CHANNEL, null);
        assertThat(b.rows()).extracting(KpiRow::key).containsExactly("grid-worker", "resident-app", "qr-code", "hotline");
        assertThat(b.rows()).extracting(KpiRow::label).containsExactly("网格员上报", "随手拍", "码上办", "12345热线");
        assertThat(b.rows()).extracting(r -> r.figures().reported()).containsExactly(1L, 1L, 2L, 3L);
        assertThat(row(b, "hotline").dueToClose()).as("G2, G3; G7 postponed").isEqualTo(2);
        assertThat(row(b, "hotline").closedOnTime()).isEqualTo(1);
    }

    @Test
    public void rowsAddUpToTheDistrict() {
        KpiFigures all = FIX.kpis.figures(T, NOV, DEC);
        for (KpiDimension d : List.of(KpiDimension.GRID, KpiDimension.DEPARTMENT, KpiDimension.FAMILY,
                KpiDimension.CHANNEL, KpiDimension.MONTH)) {
            List<KpiFigures> rows = FIX.kpis.breakdown(T, NOV, DEC, d, GridLevel.COMMUNITY).rows().stream()
                    .map(KpiRow::figures).toList();
            assertThat(rows.stream().mapToLong(KpiFigures::reported).sum()).as(d.name()).isEqualTo(all.reported());
            assertThat(rows.stream().mapToLong(KpiFigures::dueToClose).sum()).as(d.name()).isEqualTo(all.dueToClose());
            assertThat(rows.stream().mapToLong(KpiFigures::closedOnTime).sum()).as(d.name()).isEqualTo(all.closedOnTime());
            assertThat(rows.stream().mapToLong(KpiFigures::pendingNow).sum()).as(d.name()).isEqualTo(all.pendingNow());
        }
    }

    @Test
    public void otherGridLevelsAreRefused() {
        assertThatThrownBy(() -> FIX.kpis.breakdown(T, NOV, DEC, KpiDimension.GRID, GridLevel.BUILDING))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("level");
        assertThatThrownBy(() -> FIX.kpis.breakdown(T, DEC, NOV, KpiDimension.FAMILY, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("from");
        assertThatThrownBy(() -> FIX.kpis.breakdown(T, NOV, DEC, null, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("dimension");
    }

    private static KpiFigures row(KpiBreakdown b, String key) {
        return b.rows().stream().filter(r -> java.util.Objects.equals(r.key(), key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + b.rows()))
                .figures();
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }
}
