package org.gongzhi.plugins.threecolour.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.api.ReportTable.Column;
import org.gongzhi.plugin.api.ReportTable.Type;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Jizhou sections of the periodic reports (一月一调度、一季一督查、半年一通报), from the figures the
 * assessment endpoints show ({@link Assessment}, {@link GridFigures}, {@link WhistleView}):
 * <ol>
 * <li>三色分级情况 — per grid: cases reported, rejected, due, closed, closure rate, reworks, and cases
 * with a department consultation. The tallies count cases per grid and month, not per tier, so the
 * table has no column per colour; the paragraph says so.</li>
 * <li>网格考核与十佳 — the top ten grids by closure rate among those with at least
 * {@value AssessmentResource#MIN_CASES} cases due (rank, grid, cases due, closure rate).</li>
 * <li>网格吹哨与响应 — per grid: whistles blown, answered, response rate, all done, mean minutes to
 * the first response.</li>
 * </ol>
 * Reads only, and only for tenants that enabled the model. Stateless and thread-safe.
 */
@Component(service = ReportContribution.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
public final class GridReportContribution implements ReportContribution {


    static final String TRIAGE_ZH = "三色分级情况";
    static final String RANKING_ZH = "网格考核与十佳";
    static final String WHISTLES_ZH = "网格吹哨与响应";

    private final PluginStorage storage;
    private final PluginTenants tenants;

    @Activate
    public GridReportContribution(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.storage = storage;
        this.tenants = tenants;
    }

    @Override
    public List<ReportSection> sections(String tenantId, String kind, LocalDate from, LocalDate to) {
        if (!tenants.isEnabled(tenantId, ThreeColourGridModel.ID) || !from.isBefore(to)) {
            return List.of();
        }
        Period period = Period.covering(from, to);
        RecordCollection whistles = collection(tenantId, ThreeColourGridModel.WHISTLES);
        Assessment assessment = new Assessment(new TallyBook(collection(tenantId, ThreeColourGridModel.TALLIES)),
                whistles);
        List<GridFigures> grids = assessment.grids(period, null);
        Map<String, Set<String>> consulted = consultedCases(collection(tenantId, ThreeColourGridModel.CONSULTATIONS),
                from, to);
        List<WhistleView> blown = blown(whistles, period, from, to);
        return List.of(triage(period, from, to, grids, consulted), ranking(period, grids), whistles(period, blown));
    }

    private RecordCollection collection(String tenant, String name) {
        return storage.collection(tenant, ThreeColourGridModel.ID, name);
    }

    /** Case ids with a consultation dated in {@code [from, to)}, by grid. */
    static Map<String, Set<String>> consultedCases(RecordCollection consultations, LocalDate from, LocalDate to) {
        Map<String, Set<String>> byGrid = new TreeMap<>();
        for (PluginRecord r : Records.all(consultations, null)) {
            String date = Records.text(r.data(), "date");
            String grid = Records.text(r.data(), "gridCode");
            if (date == null || grid == null) {
                continue;
            }
            LocalDate day = LocalDate.parse(date);
            if (!day.isBefore(from) && day.isBefore(to)) {
                byGrid.computeIfAbsent(grid, g -> new TreeSet<>()).add(Records.text(r.data(), "caseId"));
            }
        }
        return byGrid;
    }

    /** The whistles blown on the days {@code [from, to)} (China Standard Time). */
    static List<WhistleView> blown(RecordCollection whistles, Period period, LocalDate from, LocalDate to) {
        List<WhistleView> out = new ArrayList<>();
        for (YearMonth month : period.monthList()) {
            for (PluginRecord r : Records.all(whistles, "month=" + month)) {
                WhistleView w = WhistleView.of(r);
                LocalDate day = LocalDate.ofInstant(w.blownAt(), ThreeColourGridModel.ZONE);
                if (!day.isBefore(from) && day.isBefore(to)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** 三色分级情况: the grid figures of the period, with the consultations held. */
    static ReportSection triage(Period period, LocalDate from, LocalDate to, List<GridFigures> grids,
                                Map<String, Set<String>> consulted) {
        String heading = TRIAGE_ZH;
        String headingEn = "Three-colour triage by grid";
        if (grids.isEmpty() && consulted.isEmpty()) {
            return ReportSection.noData(heading, headingEn);
        }
        Map<String, GridFigures> byGrid = new TreeMap<>();
        grids.forEach(g -> byGrid.put(g.gridCode(), g));
        consulted.keySet().forEach(g -> byGrid.putIfAbsent(g, GridFigures.of(g, Map.of())));
        long reported = 0;
        long rejected = 0;
        long due = 0;
        long closed = 0;
        long reworks = 0;
        long consultedCases = 0;
        List<List<Object>> rows = new ArrayList<>();
        for (GridFigures g : byGrid.values()) {
            long held = consulted.getOrDefault(g.gridCode(), Set.of()).size();
            rows.add(row(g.gridCode(), g.reported(), g.rejected(), g.due(), g.closedOfReported(), g.closureRate(),
                    g.reworks(), held));
            reported += g.reported();
            rejected += g.rejected();
            due += g.due();
            closed += g.closedOfReported();
            reworks += g.reworks();
            consultedCases += held;
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(period.labelZh() + "（" + period.rhythm() + "），全区 " + byGrid.size() + " 个网格上报案件 "
                + reported + " 件，不予立案 " + rejected + " 件，应办结 " + due + " 件，已办结 " + closed + " 件，结案率 "
                + percent(GridFigures.ratio(closed, due)) + "；核查返工 " + reworks + " 次；召开部门会商的案件 "
                + consultedCases + " 件。");
        paragraphs.add("统计口径：考核台账按网格、按月记录案件的上报、不予立案、结案和返工，不逐件记录分级颜色，"
                + "因此本表不分绿·简易问题、黄·需协调问题、红·重点难点问题列出各色件数。“应办结”为本期上报且立案的案件，"
                + "“已办结”为其中截至统计时已结案的件数；“召开会商案件”为本期登记了部门会商记录的案件数，部门会商只用于"
                + "红·重点难点问题，可反映红色案件的办理情况，但不等于红色案件总数。");
        if (!Period.wholeMonths(from, to)) {
            paragraphs.add("考核台账按月记录，本期不是整月，案件数按 " + period.labelZh() + " 的整月台账统计；会商按本期日期统计。");
        }
        ReportTable table = new ReportTable(List.of(
                new Column("网格编码", Type.TEXT),
                new Column("上报案件", Type.INTEGER),
                new Column("不予立案", Type.INTEGER),
                new Column("应办结", Type.INTEGER),
                new Column("已办结", Type.INTEGER),
                new Column("结案率", Type.PERCENT),
                new Column("返工次数", Type.INTEGER),
                new Column("召开会商案件（红）", Type.INTEGER)), rows);
        return new ReportSection(heading, headingEn, paragraphs, table);
    }

    /** 网格考核与十佳: {@link Assessment#rank} over the grid figures of the period. */
    static ReportSection ranking(Period period, List<GridFigures> grids) {
        String heading = RANKING_ZH;
        String headingEn = "Grid assessment and top ten";
        if (grids.isEmpty()) {
            return ReportSection.noData(heading, headingEn);
        }
        int minCases = AssessmentResource.MIN_CASES;
        Assessment.Ranking ranking = Assessment.rank(period, minCases, grids);
        int eligible = grids.size() - ranking.belowMinimum();
        if (ranking.places().isEmpty()) {
            return new ReportSection(heading, headingEn, List.of("本期没有网格的应办结案件达到 " + minCases
                    + " 件，不评选十佳；" + ranking.belowMinimum() + " 个网格未达到最低件数。"), null);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Assessment.Place p : ranking.places()) {
            rows.add(row(p.rank(), p.grid().gridCode(), p.grid().due(), p.grid().closureRate()));
        }
        String paragraph = period.labelZh() + "（" + period.rhythm() + "）网格考核：应办结案件不少于 " + minCases
                + " 件的网格按结案率排名（结案率相同的，应办结件数多者在前，再按返工次数少者在前），列前 "
                + Assessment.TOP + " 名。本期 " + eligible + " 个网格参评，" + ranking.belowMinimum()
                + " 个网格因应办结案件不足 " + minCases + " 件未参评。第一名为 " + ranking.places().get(0).grid().gridCode()
                + " 网格，结案率 " + percent(ranking.places().get(0).grid().closureRate()) + "。";
        ReportTable table = new ReportTable(List.of(
                new Column("名次", Type.INTEGER),
                new Column("网格编码", Type.TEXT),
                new Column("应办结案件", Type.INTEGER),
                new Column("结案率", Type.PERCENT)), rows);
        return new ReportSection(heading, headingEn, List.of(paragraph), table);
    }

    /** 网格吹哨与响应: whistles of the period per grid, with the time to the first response. */
    static ReportSection whistles(Period period, List<WhistleView> blown) {
        String heading = WHISTLES_ZH;
        String headingEn = "Grid whistle-blowing and responses";
        if (blown.isEmpty()) {
            return ReportSection.noData(heading, headingEn);
        }
        Map<String, long[]> byGrid = new TreeMap<>();
        long[] total = new long[4];
        for (WhistleView w : blown) {
            long[] g = byGrid.computeIfAbsent(w.gridCode(), k -> new long[4]);
            for (long[] sums : new long[][] {g, total}) {
                sums[0]++;
                if (w.secondsToFirstResponse() != null) {
                    sums[1]++;
                    sums[2] += Math.max(0, w.secondsToFirstResponse());
                }
                if (w.allDone()) {
                    sums[3]++;
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        byGrid.forEach((grid, s) -> {
            BigDecimal mean = minutes(s[2], s[1]);
            rows.add(row(grid, s[0], s[1], GridFigures.ratio(s[1], s[0]), s[3], mean == null ? null : mean.doubleValue()));
        });
        String paragraph = period.labelZh() + "，" + byGrid.size() + " 个网格共吹哨 " + total[0] + " 次，" + total[1]
                + " 次得到响应（响应率 " + percent(GridFigures.ratio(total[1], total[0])) + "）"
                + (total[1] == 0 ? "" : "，平均首次响应用时 " + minutes(total[2], total[1]).toPlainString() + " 分钟")
                + "；" + total[3] + " 次各响应方全部处置完毕。首次响应用时为从吹哨到第一个响应方答复（已响应、已到场或已处置）的时间。";
        ReportTable table = new ReportTable(List.of(
                new Column("网格编码", Type.TEXT),
                new Column("吹哨次数", Type.INTEGER),
                new Column("得到响应", Type.INTEGER),
                new Column("响应率", Type.PERCENT),
                new Column("全部处置", Type.INTEGER),
                new Column("平均首次响应用时（分钟）", Type.DECIMAL)), rows);
        return new ReportSection(heading, headingEn, List.of(paragraph), table);
    }

    /** Mean minutes of {@code seconds} over {@code count}, one decimal; null when count is 0. */
    static BigDecimal minutes(long seconds, long count) {
        return count == 0 ? null
                : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(count * 60), 1, RoundingMode.HALF_UP);
    }

    /** A fraction as a report writes it: 0.9523 → 95.2%, 1.0 → 100%; — when there is none. */
    static String percent(Double fraction) {
        if (fraction == null) {
            return "—";
        }
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
