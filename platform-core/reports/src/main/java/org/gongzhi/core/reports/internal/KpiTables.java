package org.gongzhi.core.reports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gongzhi.core.reporting.ReportDocument.Chart;
import org.gongzhi.core.reporting.ReportDocument.ChartKind;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Series;
import org.gongzhi.core.reporting.ReportDocument.Table;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiRow;

/** KPI figures as report tables and charts, one column set for every table of the reports. */
final class KpiTables {

    private KpiTables() {
    }

    static List<Column> columns(String firstLabel) {
        return List.of(
                new Column("name", firstLabel, ColumnType.TEXT),
                new Column("reported", "受理数", ColumnType.INTEGER),
                new Column("due", "应结案数", ColumnType.INTEGER),
                new Column("closed", "结案数", ColumnType.INTEGER),
                new Column("closureRate", "结案率", ColumnType.PERCENT),
                new Column("onTime", "按期结案率", ColumnType.PERCENT),
                new Column("rework", "返工率", ColumnType.PERCENT),
                new Column("postponement", "延期率", ColumnType.PERCENT),
                new Column("hours", "平均时长(h)", ColumnType.DECIMAL),
                new Column("satisfaction", "满意率", ColumnType.PERCENT));
    }

    static Map<String, Object> row(String name, KpiFigures f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("reported", f.reported());
        row.put("due", f.dueToClose());
        row.put("closed", f.closed());
        row.put("closureRate", f.closureRate());
        row.put("onTime", f.onTimeClosureRate());
        row.put("rework", f.reworkRate());
        row.put("postponement", f.postponementRate());
        row.put("hours", f.averageHandlingHours());
        row.put("satisfaction", f.satisfactionRate());
        return row;
    }

    static Table table(String firstLabel, List<KpiRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (KpiRow r : rows) {
            out.add(row(r.label(), r.figures()));
        }
        return new Table(columns(firstLabel), out);
    }

    /** A chart of one figure over the rows, e.g. cases reported per category family. */
    static Chart chart(ChartKind kind, String title, List<KpiRow> rows, String seriesName,
                       Function<KpiFigures, Number> figure) {
        List<String> labels = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (KpiRow r : rows) {
            labels.add(r.label());
            Number v = figure.apply(r.figures());
            values.add(v == null ? 0 : v);
        }
        return new Chart(kind, title, labels, List.of(new Series(seriesName, values)));
    }

    /** A rate as a chart value in percent (0–100), null without a denominator. */
    static Number percentValue(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }

    /** Percent as printed in sentences: {@code 92.5%}, or {@code —} without a denominator. */
    static String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }
}
