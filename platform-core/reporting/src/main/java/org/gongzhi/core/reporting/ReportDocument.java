package org.gongzhi.core.reporting;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A report as the platform fills it with figures, before any layout: a title, a subtitle, the
 * time it was produced and its sections in reading order. All records copy their lists, so a
 * document is immutable once built.
 *
 * <p>Example: title {@code 吉州区 2026年11月 综治中心调度月报}, subtitle
 * {@code 吉安市吉州区 · 2026年11月}, sections {@code 一、案件受理与办结情况} …
 *
 * @param title       title in simplified Chinese; not null
 * @param subtitle    district or city and the period label, e.g. {@code 2026年11月},
 *                    {@code 2026年第四季度}, {@code 2026年上半年}; may be null
 * @param generatedAt when the figures were taken, printed in the footer; not null
 * @param letterhead  the issuing body printed as a red letterhead (红头), e.g.
 *                    {@code 吉州区社会治理综合服务中心}; null for none
 * @param sections    the sections; null means none
 * @since 1.0
 */
public record ReportDocument(String title, String subtitle, ZonedDateTime generatedAt, String letterhead,
                             List<Section> sections) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A document without a red letterhead. */
    public ReportDocument(String title, String subtitle, ZonedDateTime generatedAt, List<Section> sections) {
        this(title, subtitle, generatedAt, null, sections);
    }

    /**
     * One section: a heading, then its paragraphs, its table and its chart, each optional.
     * A section with none of them is printed with its heading only; say so in a paragraph,
     * e.g. {@code 本期无数据}.
     *
     * @param headingZh  heading in simplified Chinese, numbered as printed, e.g. {@code 一、案件受理与办结情况}; not null
     * @param headingEn  the heading in English, printed small under it; may be null
     * @param paragraphs plain-text paragraphs (zh-CN); null means none
     * @param table      a table, or null
     * @param chart      a chart, or null
     */
    public record Section(String headingZh, String headingEn, List<String> paragraphs, Table table, Chart chart) {
        public Section {
            Objects.requireNonNull(headingZh, "headingZh");
            paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        }
    }

    /** How a column's values are written. */
    public enum ColumnType {
        /** Any value, written as text. */
        TEXT,
        /** A whole number ({@link Number}), e.g. 受理数 1,204. */
        INTEGER,
        /** A fraction ({@link Number}) written as a percentage: 0.925 is printed {@code 92.5%}. */
        PERCENT,
        /** A decimal number ({@link Number}), written with two decimals. */
        DECIMAL
    }

    /**
     * A table column.
     *
     * @param key     the key of this column's value in each row map; not null
     * @param labelZh the column header in simplified Chinese, e.g. {@code 结案率}; not null
     * @param type    how the values are written; not null
     */
    public record Column(String key, String labelZh, ColumnType type) {
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(labelZh, "labelZh");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A table. Each row maps column keys to values; a missing key or a null value is an empty cell,
     * keys without a column are ignored. Values of INTEGER, PERCENT and DECIMAL columns must be
     * {@link Number}s.
     *
     * @param columns at least one column, keys unique
     * @param rows    the rows in order; null means none
     */
    public record Table(List<Column> columns, List<Map<String, Object>> rows) {
        public Table {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            Set<String> keys = new HashSet<>();
            for (Column column : columns) {
                if (!keys.add(column.key())) {
                    throw new IllegalArgumentException("duplicate column key " + column.key());
                }
            }
            List<Map<String, Object>> copy = new ArrayList<>();
            for (Map<String, Object> row : rows == null ? List.<Map<String, Object>>of() : rows) {
                for (Column column : columns) {
                    Object value = row.get(column.key());
                    if (column.type() != ColumnType.TEXT && value != null && !(value instanceof Number)) {
                        throw new IllegalArgumentException("column " + column.key() + " is " + column.type()
                                + " but a row has " + value.getClass().getSimpleName() + " " + value);
                    }
                }
                copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
            }
            rows = Collections.unmodifiableList(copy);
        }
    }

    /** Chart kinds. */
    public enum ChartKind { BAR, LINE, PIE }

    /**
     * A chart. Bar and line charts draw every series over the categories; a pie chart draws the
     * first series, one slice per category.
     *
     * @param kind       bar, line or pie; not null
     * @param title      printed above the chart; may be null
     * @param categories category labels (x axis, or pie slices)
     * @param series     at least one series, each with one value per category
     */
    public record Chart(ChartKind kind, String title, List<String> categories, List<Series> series) {
        public Chart {
            Objects.requireNonNull(kind, "kind");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            if (series.isEmpty()) {
                throw new IllegalArgumentException("a chart needs at least one series");
            }
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                            + " values for " + categories.size() + " categories");
                }
            }
        }
    }

    /**
     * One series of a chart.
     *
     * @param name   legend label, e.g. {@code 受理数}; not null
     * @param values one value per category; a null value is left out
     */
    public record Series(String name, List<Number> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }
}
