package org.gongzhi.core.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportDocument.Chart;
import org.gongzhi.core.reporting.ReportDocument.ChartKind;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument.Series;
import org.gongzhi.core.reporting.ReportDocument.Table;

import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Turns a {@link ReportDocument} into the parameters and records of {@code reports/report.jrxml}:
 * per section, in order, one record per paragraph, one for the table and one for the chart (or a
 * single empty record, so that the section's heading still prints). Every record carries its
 * section's headings; the first record of a section ({@code first}) prints them.
 */
final class MasterData {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    /**
     * Paragraphs open with two ideographic spaces (首行缩进两字), the Chinese convention; Jasper's
     * firstLineIndent breaks short justified paragraphs too early, so the indent is in the text.
     */
    private static final String INDENT = "\u3000\u3000";
    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", LOCALE);

    private final TableReports tables;
    private final JasperReport chart;

    MasterData(TableReports tables, JasperReport chart) {
        this.tables = tables;
        this.chart = chart;
    }

    static Map<String, Object> parameters(ReportDocument document, boolean paginated) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", document.title());
        parameters.put("SUBTITLE", document.subtitle());
        parameters.put("LETTERHEAD", document.letterhead());
        parameters.put("GENERATED_AT", GENERATED_AT.format(document.generatedAt()));
        parameters.put(JRParameter.REPORT_LOCALE, LOCALE);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(document.generatedAt().getZone()));
        parameters.put(JRParameter.IS_IGNORE_PAGINATION, !paginated);
        return parameters;
    }

    /** Fresh records (their data sources can be read once): call once per fill. */
    List<Map<String, Object>> records(ReportDocument document) {
        List<Map<String, Object>> records = new ArrayList<>();
        int number = 0;
        for (Section section : document.sections()) {
            number++;
            int before = records.size();
            for (String paragraph : section.paragraphs()) {
                Map<String, Object> record = record(number, section, "PARAGRAPH");
                record.put("text", INDENT + paragraph);
                records.add(record);
            }
            if (section.table() != null) {
                records.add(table(number, section, section.table()));
            }
            if (section.chart() != null) {
                records.add(chart(number, section, section.chart()));
            }
            if (records.size() == before) {
                records.add(record(number, section, "EMPTY"));
            }
            records.get(before).put("first", Boolean.TRUE);
        }
        return records;
    }

    private static Map<String, Object> record(int number, Section section, String kind) {
        Map<String, Object> record = new HashMap<>();
        record.put("section", number);
        record.put("headingZh", section.headingZh());
        record.put("headingEn", section.headingEn());
        record.put("kind", kind);
        record.put("first", Boolean.FALSE);
        return record;
    }

    private Map<String, Object> table(int number, Section section, Table table) {
        List<ColumnType> types = table.columns().stream().map(Column::type).toList();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, LOCALE);
        for (int i = 0; i < table.columns().size(); i++) {
            parameters.put(TableReports.label(i), table.columns().get(i).labelZh());
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Map<String, Object> row : table.rows()) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                Column column = table.columns().get(i);
                values.put(TableReports.field(i), cellValue(column.type(), row.get(column.key())));
            }
            rows.add(values);
        }
        Map<String, Object> record = record(number, section, "TABLE");
        record.put("subreport", tables.forColumns(types));
        record.put("subreportData", new JRMapCollectionDataSource(rows));
        record.put("subreportParameters", parameters);
        return record;
    }

    private Map<String, Object> chart(int number, Section section, Chart chart) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, LOCALE);
        parameters.put("KIND", chart.kind().name());
        parameters.put("TITLE", chart.title());
        List<Series> series = chart.kind() == ChartKind.PIE ? chart.series().subList(0, 1) : chart.series();
        List<Map<String, ?>> points = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < chart.categories().size(); i++) {
                Number value = s.values().get(i);
                if (value != null) {
                    points.add(Map.of("series", s.name(), "category", chart.categories().get(i), "value", value));
                }
            }
        }
        Map<String, Object> record = record(number, section, "CHART");
        record.put("subreport", this.chart);
        record.put("subreportData", new JRMapCollectionDataSource(points));
        record.put("subreportParameters", parameters);
        return record;
    }

    /** The value as the table subreport's field class for the column type; null for empty. */
    static Object cellValue(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> value.toString();
            case INTEGER -> {
                BigDecimal number = decimal((Number) value);
                yield number == null ? null : number.setScale(0, RoundingMode.HALF_UP).longValue();
            }
            case PERCENT, DECIMAL -> decimal((Number) value);
        };
    }

    /** A number as a BigDecimal; null for NaN and infinities. */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            // Float.toString keeps 0.925f as 0.925 where widening to double would not
            return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(number.doubleValue());
        }
    }
}
