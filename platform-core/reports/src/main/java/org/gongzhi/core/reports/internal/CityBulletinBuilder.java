package org.gongzhi.core.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument.ChartKind;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.service.kpi.CityKpis;
import org.gongzhi.core.service.kpi.DistrictRow;
import org.gongzhi.core.service.kpi.KpiService;

/** The city-wide half-year bulletin (半年一通报): the districts side by side, ranked. */
final class CityBulletinBuilder {

    static final int MIN_CASES_TO_RANK = 10;
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final KpiService kpis;
    private final Clock clock;

    CityBulletinBuilder(KpiService kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    ReportDocument build(ReportPeriod period) {
        Instant from = period.from().atStartOfDay(CITY_ZONE).toInstant();
        Instant to = period.to().atStartOfDay(CITY_ZONE).toInstant();
        CityKpis city = kpis.city(from, to, MIN_CASES_TO_RANK);
        List<Section> sections = new ArrayList<>();
        if (city.total().reported() == 0) {
            sections.add(new Section("一、总体情况", "Overview", List.of("本期无数据 (no data for this period)。"), null, null));
        } else {
            sections.add(new Section("一、总体情况", "Overview", List.of(String.format(
                    "%s，全市共受理案件 %d 件，结案 %d 件，结案率 %s，按期结案率 %s，返工率 %s，群众满意率 %s。",
                    period.labelZh(), city.total().reported(), city.total().closed(),
                    KpiTables.percent(city.total().closureRate()), KpiTables.percent(city.total().onTimeClosureRate()),
                    KpiTables.percent(city.total().reworkRate()), KpiTables.percent(city.total().satisfactionRate()))),
                    new ReportDocument.Table(KpiTables.columns("范围"), List.of(KpiTables.row("全市", city.total()))), null));
            sections.add(districts(city));
        }
        return new ReportDocument(period.kind().titleZh(), period.labelZh() + " · 各区县对比与排名",
                ZonedDateTime.now(clock.withZone(CITY_ZONE)), "市域社会治理现代化工作领导小组办公室", sections);
    }

    private static Section districts(CityKpis city) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("rank", "名次", ColumnType.TEXT));
        columns.addAll(KpiTables.columns("区（县）"));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Number> onTime = new ArrayList<>();
        for (DistrictRow d : city.districts()) {
            Map<String, Object> row = KpiTables.row(d.name(), d.figures());
            row.put("rank", d.rank() == null ? "未排名" : d.rank().toString());
            rows.add(row);
            names.add(d.name());
            Number rate = KpiTables.percentValue(d.figures().onTimeClosureRate());
            onTime.add(rate == null ? 0 : rate);
        }
        return new Section("二、各区（县）对比与排名", "Districts side by side", List.of(
                "按按期结案率排名，其次结案率；应结案数不少于 " + city.minCases() + " 件的区（县）参与排名。"),
                new ReportDocument.Table(columns, rows), new ReportDocument.Chart(ChartKind.BAR, "各区（县）按期结案率（%）",
                names, List.of(new ReportDocument.Series("按期结案率（%）", onTime))));
    }
}
