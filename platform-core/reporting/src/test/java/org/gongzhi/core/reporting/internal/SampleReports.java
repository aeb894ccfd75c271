package org.gongzhi.core.reporting.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportDocument.Chart;
import org.gongzhi.core.reporting.ReportDocument.ChartKind;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument.Series;
import org.gongzhi.core.reporting.ReportDocument.Table;

/** Report documents as the platform would fill them: Jizhou's monthly dispatch report (一月一调度). */
final class SampleReports {

    static final String TITLE = "吉州区 2026年11月 综治中心调度月报";
    static final String CASES_HEADING = "一、案件受理与办结情况";
    static final String EMPTY_HEADING = "三、矛盾纠纷多元化解情况";
    static final ZonedDateTime GENERATED_AT = ZonedDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai"));

    static final String[] STREETS = {"古南街道", "永叔街道", "文山街道", "习溪桥街道", "北门街道",
        "白塘街道", "禾埠街道", "兴桥镇", "樟山镇", "长塘镇"};

    private SampleReports() {
    }

    static List<Column> caseColumns() {
        return List.of(
                new Column("street", "街道（乡镇）", ColumnType.TEXT),
                new Column("received", "受理数", ColumnType.INTEGER),
                new Column("closed", "办结数", ColumnType.INTEGER),
                new Column("closureRate", "结案率", ColumnType.PERCENT),
                new Column("onTimeRate", "按期结案率", ColumnType.PERCENT),
                new Column("avgDays", "平均办理天数", ColumnType.DECIMAL));
    }

    static Map<String, Object> caseRow(String street, long received, long closed, String closureRate, String onTime, double avgDays) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("street", street);
        row.put("received", received);
        row.put("closed", closed);
        row.put("closureRate", new BigDecimal(closureRate));
        row.put("onTimeRate", new BigDecimal(onTime));
        row.put("avgDays", avgDays);
        return row;
    }

    /** The monthly report of the tests: cases table (古南街道 has 结案率 92.5 %), a bar chart, an empty section. */
    static ReportDocument monthly() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(caseRow("古南街道", 1204, 1114, "0.925", "0.9012", 3.25));
        rows.add(caseRow("永叔街道", 986, 961, "0.9746", "0.95", 2.8));
        rows.add(caseRow("兴桥镇", 412, 409, "0.9927", "0.9806", 1.75));
        Section cases = new Section(CASES_HEADING, "1. Cases received and closed",
                List.of("本月全区共受理各类事件2,602件，办结2,484件，结案率95.5%。其中简单事件由网格员2小时内就地办结，"
                        + "需协调事件5个工作日内由职能部门办结，重点难点事件经部门会商后10至15个工作日内办结。"),
                new Table(caseColumns(), rows),
                new Chart(ChartKind.BAR, "各街道（乡镇）受理与办结数", List.of("古南街道", "永叔街道", "兴桥镇"),
                        List.of(new Series("受理数", List.of(1204, 986, 412)), new Series("办结数", List.of(1114, 961, 409)))));
        Section sources = new Section("二、事件来源", "2. Case sources", List.of(), null,
                new Chart(ChartKind.PIE, "事件来源构成", List.of("网格员上报", "码上办扫码", "12345热线", "部门移交"),
                        List.of(new Series("件数", List.of(1320, 702, 455, 125)))));
        Section empty = new Section(EMPTY_HEADING, "3. Mediation of disputes",
                List.of("本期无数据 (no data for this period)"), null, null);
        return new ReportDocument(TITLE, "吉安市吉州区 · 2026年11月", GENERATED_AT, "吉州区社会治理综合服务中心",
                List.of(cases, sources, empty));
    }

    /** The ten-column KPI table the report producers print (the widest table of the platform). */
    static Table kpiTable() {
        List<Column> columns = List.of(
                new Column("name", "区县", ColumnType.TEXT),
                new Column("reported", "受理数", ColumnType.INTEGER),
                new Column("due", "应结案数", ColumnType.INTEGER),
                new Column("closed", "结案数", ColumnType.INTEGER),
                new Column("closureRate", "结案率", ColumnType.PERCENT),
                new Column("onTime", "按期结案率", ColumnType.PERCENT),
                new Column("rework", "返工率", ColumnType.PERCENT),
                new Column("postponement", "延期率", ColumnType.PERCENT),
                new Column("hours", "平均办理时长(小时)", ColumnType.DECIMAL),
                new Column("satisfaction", "满意率", ColumnType.PERCENT));
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] names = {"东湖区", "吉州区", "綦江区"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", names[i]);
            row.put("reported", 16908 - 4000 * i);
            row.put("due", 16500 - 4000 * i);
            row.put("closed", 16170 - 4000 * i);
            row.put("closureRate", 0.98 - 0.01 * i);
            row.put("onTime", 0.9619);
            row.put("rework", 0.0123);
            row.put("postponement", 0.005);
            row.put("hours", 27.5 + i);
            row.put("satisfaction", 0.9822);
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** 30 table rows and three charts (bar, line, pie): the size of a quarterly inspection report. */
    static ReportDocument large() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long received = 300 + 37L * i;
            long closed = received - (i % 7) * 3;
            rows.add(caseRow(STREETS[i % STREETS.length] + "第" + (i / STREETS.length + 1) + "网格片区", received, closed,
                    new BigDecimal(closed).divide(new BigDecimal(received), 4, java.math.RoundingMode.HALF_UP).toPlainString(),
                    "0.9" + (i % 10), 1.5 + i / 10.0));
        }
        List<String> months = List.of("10月", "11月", "12月");
        List<String> streets = List.of(STREETS).subList(0, 6);
        return new ReportDocument("吉州区 2026年第四季度 综治工作督查通报", "吉安市吉州区 · 2026年第四季度", GENERATED_AT, List.of(
                new Section("一、各网格片区案件办理情况", "1. Cases by grid area", List.of("本季度各网格片区案件办理情况如下表。"),
                        new Table(caseColumns(), rows), null),
                new Section("二、区县对比", "2. Districts compared", List.of(), kpiTable(), null),
                new Section("三、月度趋势", "3. Monthly trend", List.of(), null,
                        new Chart(ChartKind.LINE, "受理与办结趋势", months, List.of(
                                new Series("受理数", List.of(2510, 2602, 2433)), new Series("办结数", List.of(2390, 2484, 2401))))),
                new Section("四、街道对比", "4. Streets compared", List.of(), null,
                        new Chart(ChartKind.BAR, "各街道受理数", streets, List.of(
                                new Series("受理数", List.of(1204, 986, 760, 655, 540, 412))))),
                new Section("五、事件分类", "5. Case families", List.of(), null,
                        new Chart(ChartKind.PIE, "事件分类", List.of("城市管理", "民生服务", "综合治理"), List.of(
                                new Series("件数", List.of(4804, 4953, 7151)))))));
    }
}
