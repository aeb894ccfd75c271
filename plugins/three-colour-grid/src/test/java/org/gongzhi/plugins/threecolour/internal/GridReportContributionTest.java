package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Before;
import org.junit.Test;

/**
 * The report sections against a fixture computed by hand, 2026-Q4 (October–December) in Jizhou.
 * <pre>
 * tallies     A 360802001001001  Oct reported 4, closed 4, reworks 1; Nov reported 3, rejected 1, closed 1
 *                                → reported 7, rejected 1, due 6, closed 5, 5/6 = 0.8333, reworks 1
 *             B 360802001001002  Nov reported 10, closed 10 → due 10, closed 10, 1.0
 *             C 360802001002001  Dec reported 2, closed 1   → due 2, closed 1, 0.5 (below the minimum of 5)
 *             D 360802001001003  Sep reported 9, closed 9   → outside Q4
 * consultations A: c1 on 10-15 and again on 11-02 (one case), c2 on 09-30 (outside)
 *             E 360802002001001 (no tally): c3 on 12-31; c4 on 2027-01-01 (outside)
 * triage      A 7 1 6 5 0.8333 1 1 · B 10 0 10 10 1.0 0 0 · C 2 0 2 1 0.5 0 0 · E 0 0 0 0 – 0 1
 *             district 19 reported, 1 rejected, 18 due, 16 closed, 16/18 = 88.9 %, 1 rework, 2 consulted
 * ranking     1 B 10 1.0 · 2 A 6 0.8333; C below the minimum
 * whistles    W1 A 11-10 09:00 CST, first response after 10 min, not all done
 *             W2 A 11-20, first response after 5 min, all done
 *             W3 C 12-05, no response
 *             W4 A 09-30 23:00 CST and W5 A 2027-01-01 00:30 CST: outside
 *             A 2 2 1.0 1 7.5 min · C 1 0 0.0 0 – · district 3 whistles, 2 answered (66.7 %), 7.5 min, 1 all done
 * </pre>
 */
public class GridReportContributionTest {

    private static final String TENANT = "jizhou";
    private static final String A = "360802001001001";
    private static final String B = "360802001001002";
    private static final String C = "360802001002001";
    private static final String D = "360802001001003";
    private static final String E = "360802002001001";
    private static final LocalDate Q4 = LocalDate.of(2026, 10, 1);
    private static final LocalDate NEXT_YEAR = LocalDate.of(2027, 1, 1);

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage(TENANT, "donghu");
    private final GridReportContribution contribution = new GridReportContribution(storage,
            FixedPluginTenants.builder().tenant(TENANT, ThreeColourGridModel.ID).tenant("donghu").build());
    private final TallyBook tallies = new TallyBook(collection(ThreeColourGridModel.TALLIES));

    private RecordCollection collection(String name) {
        return storage.collection(TENANT, ThreeColourGridModel.ID, name);
    }

    @Before
    public void fixture() {
        tally(A, 10, Map.of(TallyBook.REPORTED, 4L, TallyBook.REPORTED_CLOSED, 4L, TallyBook.CLOSED, 4L,
                TallyBook.VERIFIED, 4L, TallyBook.REWORKS, 1L));
        tally(A, 11, Map.of(TallyBook.REPORTED, 3L, TallyBook.REPORTED_REJECTED, 1L, TallyBook.REPORTED_CLOSED, 1L));
        tally(B, 11, Map.of(TallyBook.REPORTED, 10L, TallyBook.REPORTED_CLOSED, 10L));
        tally(C, 12, Map.of(TallyBook.REPORTED, 2L, TallyBook.REPORTED_CLOSED, 1L));
        tally(D, 9, Map.of(TallyBook.REPORTED, 9L, TallyBook.REPORTED_CLOSED, 9L));

        ConsultationLog log = new ConsultationLog(collection(ThreeColourGridModel.CONSULTATIONS));
        consult(log, "c1", A, "2026-10-15");
        consult(log, "c1", A, "2026-11-02");
        consult(log, "c2", A, "2026-09-30");
        consult(log, "c3", E, "2026-12-31");
        consult(log, "c4", E, "2027-01-01");

        RosterBook roster = new RosterBook(collection(ThreeColourGridModel.ROSTER));
        roster.put(new RosterBook.Member(A, "pm-01", "张党员", Role.PARTY_MEMBER, null, null, null));
        roster.put(new RosterBook.Member(A, "vol-01", "李志愿", Role.VOLUNTEER, null, null, null));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-10T01:00:00Z"));
        WhistleDesk desk = new WhistleDesk(collection(ThreeColourGridModel.WHISTLES), roster, tallies, clock);
        String w1 = blow(desk, A, "XF");
        clock.advance(Duration.ofMinutes(10));
        desk.respond(w1, "pm-01", ResponseStatus.ACKNOWLEDGED, null);
        clock.advance(Duration.ofMinutes(20));
        desk.respond(w1, "vol-01", ResponseStatus.DONE, null);

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-20T01:00:00Z")));
        String w2 = blow(desk, A, null);
        clock.advance(Duration.ofMinutes(5));
        desk.respond(w2, "pm-01", ResponseStatus.DONE, null);
        clock.advance(Duration.ofMinutes(5));
        desk.respond(w2, "vol-01", ResponseStatus.DONE, null);

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-05T01:00:00Z")));
        blow(desk, C, "CG");
        MutableClock before = new MutableClock(Instant.parse("2026-09-30T15:00:00Z"));
        new WhistleDesk(collection(ThreeColourGridModel.WHISTLES), roster, tallies, before).blow(whistle(A, null));
        MutableClock after = new MutableClock(Instant.parse("2026-12-31T16:30:00Z"));
        new WhistleDesk(collection(ThreeColourGridModel.WHISTLES), roster, tallies, after).blow(whistle(A, null));
        storage.clearCalls();
    }

    private void tally(String grid, int month, Map<String, Long> counters) {
        tallies.add(grid, YearMonth.of(2026, month), counters);
    }

    private static void consult(ConsultationLog log, String caseId, String grid, String date) {
        log.record(new ConsultationLog.Consultation(caseId, grid, LocalDate.parse(date), "ZR", List.of("SF"),
                List.of("社区书记"), "确权到户", null), Instant.parse("2026-12-31T00:00:00Z"));
    }

    private static WhistleDesk.Whistle whistle(String grid, String department) {
        return new WhistleDesk.Whistle(grid, null, "楼道堆物堵塞消防通道", "urgent", "网格员",
                department == null ? List.of() : List.of(department));
    }

    private static String blow(WhistleDesk desk, String grid, String department) {
        return desk.blow(whistle(grid, department)).id();
    }

    private List<ReportSection> quarter() {
        return contribution.sections(TENANT, ReportContribution.QUARTERLY, Q4, NEXT_YEAR);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    public void threeSectionsInReadingOrder() {
        assertThat(quarter()).extracting(ReportSection::headingZh).containsExactly("三色分级情况", "网格考核与十佳", "网格吹哨与响应");
    }

    @Test
    public void triageSectionCountsCasesPerGridAndSaysWhatItCounts() {
        ReportSection s = quarter().get(0);
        assertThat(s.table().columns()).extracting(ReportTable.Column::labelZh).containsExactly("网格编码", "上报案件",
                "不予立案", "应办结", "已办结", "结案率", "返工次数", "召开会商案件（红）");
        assertThat(s.table().columns()).extracting(ReportTable.Column::type).containsExactly(ReportTable.Type.TEXT,
                ReportTable.Type.INTEGER, ReportTable.Type.INTEGER, ReportTable.Type.INTEGER, ReportTable.Type.INTEGER,
                ReportTable.Type.PERCENT, ReportTable.Type.INTEGER, ReportTable.Type.INTEGER);
        assertThat(s.table().rows()).containsExactly(
                row(A, 7L, 1L, 6L, 5L, 0.8333, 1L, 1L),
                row(B, 10L, 0L, 10L, 10L, 1.0, 0L, 0L),
                row(C, 2L, 0L, 2L, 1L, 0.5, 0L, 0L),
                row(E, 0L, 0L, 0L, 0L, null, 0L, 1L));
        assertThat(s.paragraphs().get(0)).isEqualTo("2026年第四季度（季度督查），全区 4 个网格上报案件 19 件，不予立案 1 件，"
                + "应办结 18 件，已办结 16 件，结案率 88.9%；核查返工 1 次；召开部门会商的案件 2 件。");
        assertThat(s.paragraphs().get(1)).contains("不逐件记录分级颜色").contains("不等于红色案件总数");
        assertThat(s.paragraphs()).hasSize(2);
    }

    @Test
    public void rankingSectionListsTheGridsWithEnoughCasesByClosureRate() {
        ReportSection s = quarter().get(1);
        assertThat(s.table().columns()).extracting(ReportTable.Column::labelZh)
                .containsExactly("名次", "网格编码", "应办结案件", "结案率");
        assertThat(s.table().rows()).containsExactly(row(1, B, 10L, 1.0), row(2, A, 6L, 0.8333));
        assertThat(s.paragraphs()).singleElement().satisfies(p -> assertThat(p)
                .contains("应办结案件不少于 5 件的网格按结案率排名").contains("本期 2 个网格参评，1 个网格因应办结案件不足 5 件未参评")
                .contains("第一名为 " + B + " 网格，结案率 100%"));
    }

    @Test
    public void whistleSectionShowsResponsesAndTheTimeToTheFirst() {
        ReportSection s = quarter().get(2);
        assertThat(s.table().columns()).extracting(ReportTable.Column::labelZh).containsExactly("网格编码", "吹哨次数",
                "得到响应", "响应率", "全部处置", "平均首次响应用时（分钟）");
        assertThat(s.table().rows()).containsExactly(row(A, 2L, 2L, 1.0, 1L, 7.5), row(C, 1L, 0L, 0.0, 0L, null));
        assertThat(s.paragraphs().get(0)).startsWith("2026年第四季度，2 个网格共吹哨 3 次，2 次得到响应（响应率 66.7%），"
                + "平均首次响应用时 7.5 分钟；1 次各响应方全部处置完毕。");
    }

    @Test
    public void aMonthCountsItsOwnTalliesConsultationsAndWhistles() {
        List<ReportSection> november = contribution.sections(TENANT, ReportContribution.MONTHLY,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
        assertThat(november.get(0).table().rows()).containsExactly(
                row(A, 3L, 1L, 2L, 1L, 0.5, 0L, 1L),
                row(B, 10L, 0L, 10L, 10L, 1.0, 0L, 0L));
        assertThat(november.get(0).paragraphs().get(0)).startsWith("2026年11月（月度调度），全区 2 个网格");
        assertThat(november.get(1).table().rows()).containsExactly(row(1, B, 10L, 1.0));
        assertThat(november.get(2).table().rows()).containsExactly(row(A, 2L, 2L, 1.0, 1L, 7.5));
    }

    @Test
    public void aHalfYearSumsItsMonths() {
        List<ReportSection> h2 = contribution.sections(TENANT, ReportContribution.HALF_YEAR,
                LocalDate.of(2026, 7, 1), NEXT_YEAR);
        assertThat(h2.get(0).paragraphs().get(0)).startsWith("2026年下半年（半年通报），全区 5 个网格上报案件 28 件");
        assertThat(h2.get(0).table().rows()).contains(row(D, 9L, 0L, 9L, 9L, 1.0, 0L, 0L), row(A, 7L, 1L, 6L, 5L,
                0.8333, 1L, 2L));
        assertThat(h2.get(2).table().rows()).contains(row(A, 3L, 2L, 0.6667, 1L, 7.5));
    }

    @Test
    public void aPeriodOfPartMonthsCountsWholeMonthsOfTalliesAndSaysSo() {
        List<ReportSection> s = contribution.sections(TENANT, ReportContribution.MONTHLY,
                LocalDate.of(2026, 11, 15), LocalDate.of(2026, 12, 15));
        assertThat(s.get(0).paragraphs()).last().asString().contains("本期不是整月").contains("2026年11月至2026年12月");
        assertThat(s.get(2).table().rows()).containsExactly(row(A, 1L, 1L, 1.0, 1L, 5.0), row(C, 1L, 0L, 0.0, 0L, null));
    }

    @Test
    public void aPeriodWithoutDataSaysSoInEverySection() {
        List<ReportSection> s = contribution.sections(TENANT, ReportContribution.MONTHLY,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1));
        assertThat(s).hasSize(3).allSatisfy(section -> {
            assertThat(section.table()).isNull();
            assertThat(section.paragraphs()).containsExactly("本期无数据 (no data for this period)");
        });
    }

    @Test
    public void onlyGridsBelowTheMinimumGetNoRanking() {
        List<ReportSection> december = contribution.sections(TENANT, ReportContribution.MONTHLY,
                LocalDate.of(2026, 12, 1), NEXT_YEAR);
        assertThat(december.get(1).table()).isNull();
        assertThat(december.get(1).paragraphs()).containsExactly("本期没有网格的应办结案件达到 5 件，不评选十佳；1 个网格未达到最低件数。");
    }

    @Test
    public void readsOnlyAndOnlyForTenantsThatEnabledTheModel() {
        quarter();
        assertThat(storage.writes()).isEmpty();
        assertThat(storage.calls()).allSatisfy(c -> assertThat(c.tenantId()).isEqualTo(TENANT));
        storage.clearCalls();
        assertThat(contribution.sections("donghu", ReportContribution.QUARTERLY, Q4, NEXT_YEAR)).isEmpty();
        assertThat(contribution.sections(TENANT, ReportContribution.QUARTERLY, Q4, Q4)).isEmpty();
        assertThat(storage.calls()).isEmpty();
    }

    @Test
    public void periodsOfTheReportProducerMapToTheAssessmentRhythm() {
        assertThat(Period.covering(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)))
                .isEqualTo(Period.parse("period", "2026-11"));
        assertThat(Period.covering(Q4, NEXT_YEAR)).isEqualTo(Period.parse("period", "2026-Q4"));
        assertThat(Period.covering(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)))
                .isEqualTo(Period.parse("period", "2026-H1"));
        Period odd = Period.covering(LocalDate.of(2026, 11, 15), LocalDate.of(2027, 2, 2));
        assertThat(odd.monthList()).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12),
                YearMonth.of(2027, 1), YearMonth.of(2027, 2));
        assertThat(odd.labelZh()).isEqualTo("2026年11月至2027年2月");
        assertThat(Period.parse("period", "2026-Q1").labelZh()).isEqualTo("2026年第一季度");
        assertThat(GridReportContribution.percent(0.8889)).isEqualTo("88.9%");
        assertThat(GridReportContribution.percent(1.0)).isEqualTo("100%");
        assertThat(GridReportContribution.percent(0.0)).isEqualTo("0%");
    }
}
