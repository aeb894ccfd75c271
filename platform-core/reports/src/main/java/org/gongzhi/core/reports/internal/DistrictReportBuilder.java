package org.gongzhi.core.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.reporting.ReportDocument.ChartKind;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument.Table;
import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiRow;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The district reports: the monthly dispatch report (一月一调度) and the quarterly inspection report
 * (一季一督查, with overdue and reworked cases by department and the top and bottom communities).
 * Every figure comes from {@link KpiService}, aggregated by the database.
 */
final class DistrictReportBuilder {

    static final int MIN_CASES_TO_RANK = 5;
    static final int OVERDUE_LISTED = 50;

    private final KpiService kpis;
    private final CaseService cases;
    private final PluginSections plugins;
    private final DistrictModes modes;
    private final Clock clock;

    DistrictReportBuilder(KpiService kpis, CaseService cases, PluginSections plugins, DistrictModes modes, Clock clock) {
        this.kpis = kpis;
        this.cases = cases;
        this.plugins = plugins;
        this.modes = modes;
        this.clock = clock;
    }

    ReportDocument build(TenantDefinition tenant, ReportPeriod period) {
        ZoneId zone = tenant.timeZone();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().atStartOfDay(zone).toInstant();
        String id = tenant.id();
        KpiFigures total = kpis.figures(id, from, to);
        List<Section> sections = new ArrayList<>();
        sections.add(overview(tenant, period, total));
        if (total.reported() > 0) {
            List<KpiRow> families = kpis.breakdown(id, from, to, KpiDimension.FAMILY, null).rows();
            sections.add(new Section("二、分类办理情况", "By category family", List.of(),
                    KpiTables.table("事件大类", families),
                    KpiTables.chart(ChartKind.PIE, "受理事件构成", families, "受理数", KpiFigures::reported)));
            List<KpiRow> departments = kpis.breakdown(id, from, to, KpiDimension.DEPARTMENT, null).rows();
            sections.add(new Section("三、职能部门办理情况", "By lead department", List.of(),
                    KpiTables.table("牵头部门", departments),
                    KpiTables.chart(ChartKind.BAR, "各部门按期结案率（%）", departments, "按期结案率（%）",
                            f -> KpiTables.percentValue(f.onTimeClosureRate()))));
            List<KpiRow> streets = kpis.breakdown(id, from, to, KpiDimension.GRID, GridLevel.STREET).rows();
            sections.add(new Section("四、各街道（镇）情况", "By street or town", List.of(),
                    KpiTables.table("街道（镇）", streets), null));
            List<KpiRow> months = kpis.breakdown(id, period.from().minusMonths(5).atStartOfDay(zone).toInstant(), to,
                    KpiDimension.MONTH, null).rows();
            sections.add(new Section("五、近期受理与办结趋势", "Trend by month", List.of(), null,
                    trend(months)));
            if (period.kind() == ReportKind.QUARTERLY) {
                sections.add(overdueByDepartment(id));
                sections.add(reworkByDepartment(departments));
                sections.add(communityRanking(kpis.breakdown(id, from, to, KpiDimension.GRID, GridLevel.COMMUNITY).rows()));
            }
        }
        sections.add(modeSwitches(id, zone, from, to, sections.size() + 1));
        sections.add(SupervisionSection.build(PluginSections.numeral(sections.size() + 1), total));
        sections.addAll(plugins.sections(tenant, period, sections.size() + 1));
        String title = tenant.name() + period.kind().titleZh();
        String subtitle = tenant.city() + tenant.name() + " · " + period.labelZh();
        return new ReportDocument(title, subtitle, ZonedDateTime.now(clock.withZone(zone)),
                tenant.name() + "社会治理综合服务中心", sections);
    }

    /** 平战转换: the switches of the period and the cases wartime touched (after the fixed sections). */
    private Section modeSwitches(String id, ZoneId zone, Instant from, Instant to, int number) {
        List<DistrictMode> before = modes.history(id, Instant.EPOCH, from);
        DistrictMode atStart = before.isEmpty() ? new DistrictMode(id, OperatingMode.NORMAL, null, null, null)
                : before.get(before.size() - 1);
        long wartime = cases.list(id, CaseQuery.builder().wartime(true).reported(from, to).page(0, 1).build()).total();
        long commandPost = cases.list(id, CaseQuery.builder().commandPost(true).reported(from, to).page(0, 1).build())
                .total();
        return ModeSwitchSection.build(PluginSections.numeral(number), zone, from, to, clock.instant(), atStart,
                modes.history(id, from, to), wartime, commandPost);
    }

    private static Section overview(TenantDefinition tenant, ReportPeriod period, KpiFigures f) {
        if (f.reported() == 0) {
            return new Section("一、总体情况", "Overview", List.of(period.labelZh() + "本区未受理案件。本期无数据 (no data for this period)。"),
                    null, null);
        }
        String text = String.format("%s，%s共受理案件 %d 件，立案 %d 件，应结案 %d 件，结案 %d 件，结案率 %s，"
                        + "按期结案率 %s，返工率 %s，延期率 %s，群众满意率 %s；当前在办 %d 件，其中超期 %d 件。",
                period.labelZh(), tenant.name(), f.reported(), f.registered(), f.dueToClose(), f.closed(),
                KpiTables.percent(f.closureRate()), KpiTables.percent(f.onTimeClosureRate()),
                KpiTables.percent(f.reworkRate()), KpiTables.percent(f.postponementRate()),
                KpiTables.percent(f.satisfactionRate()), f.pendingNow(), f.overdueNow());
        return new Section("一、总体情况", "Overview", List.of(text),
                new Table(KpiTables.columns("范围"), List.of(KpiTables.row("全区", f))), null);
    }

    private static ReportDocument.Chart trend(List<KpiRow> months) {
        List<String> labels = months.stream().map(KpiRow::label).toList();
        return new ReportDocument.Chart(ChartKind.LINE, "受理与结案趋势", labels, List.of(
                new ReportDocument.Series("受理数", months.stream().map(r -> (Number) r.figures().reported()).toList()),
                new ReportDocument.Series("结案数", months.stream().map(r -> (Number) r.figures().closed()).toList())));
    }

    private Section overdueByDepartment(String tenant) {
        List<CaseView> overdue = cases.overdue(tenant, clock.instant(), OVERDUE_LISTED);
        List<Map<String, Object>> rows = new ArrayList<>();
        overdue.stream().sorted(Comparator.comparing((CaseView c) -> String.valueOf(c.leadDepartment()))
                .thenComparing(CaseView::dueAt)).forEach(c -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("department", c.leadDepartment() == null ? "未派遣" : c.leadDepartment());
                    row.put("number", c.number());
                    row.put("title", c.title());
                    row.put("status", c.status().labelZh());
                    row.put("due", c.dueAt().toString().substring(0, 10));
                    row.put("rework", c.reworkCount());
                    rows.add(row);
                });
        List<String> text = rows.isEmpty() ? List.of("当前无超期案件。") : List.of("当前超期案件按牵头部门列出（最多 " + OVERDUE_LISTED + " 件）。");
        return new Section("六、超期案件（按部门）", "Overdue cases by department", text, rows.isEmpty() ? null : new Table(List.of(
                new Column("department", "牵头部门", ColumnType.TEXT), new Column("number", "案件编号", ColumnType.TEXT),
                new Column("title", "事项", ColumnType.TEXT), new Column("status", "状态", ColumnType.TEXT),
                new Column("due", "办理时限", ColumnType.TEXT), new Column("rework", "返工次数", ColumnType.INTEGER)), rows),
                null);
    }

    private static Section reworkByDepartment(List<KpiRow> departments) {
        List<KpiRow> reworked = departments.stream().filter(r -> r.figures().reworked() > 0)
                .sorted(Comparator.comparingLong((KpiRow r) -> r.figures().reworked()).reversed()).toList();
        return new Section("七、返工情况（按部门）", "Rework by department",
                reworked.isEmpty() ? List.of("本期无返工案件。") : List.of(), reworked.isEmpty() ? null
                        : KpiTables.table("牵头部门", reworked), null);
    }

    private static Section communityRanking(List<KpiRow> communities) {
        List<KpiRow> ranked = communities.stream().filter(r -> r.key() != null && r.figures().dueToClose() >= MIN_CASES_TO_RANK)
                .sorted(Comparator.comparing((KpiRow r) -> r.figures().onTimeClosureRate(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(KpiRow::key)).toList();
        if (ranked.isEmpty()) {
            return new Section("八、社区（村）排名", "Communities ranked", List.of(
                    "应结案数不少于 " + MIN_CASES_TO_RANK + " 件的社区（村）才参与排名；本期没有。"), null, null);
        }
        List<KpiRow> top = ranked.subList(0, Math.min(5, ranked.size()));
        List<KpiRow> bottom = ranked.subList(Math.max(ranked.size() - 5, 0), ranked.size());
        return new Section("八、社区（村）排名", "Communities ranked", List.of(
                "按按期结案率排名，应结案数不少于 " + MIN_CASES_TO_RANK + " 件的社区（村）参与。前五名见上表，后五名见下表。"),
                KpiTables.table("前五名", top), KpiTables.chart(ChartKind.BAR, "后五名按期结案率（%）", bottom, "按期结案率（%）",
                f -> KpiTables.percentValue(f.onTimeClosureRate())));
    }
}
