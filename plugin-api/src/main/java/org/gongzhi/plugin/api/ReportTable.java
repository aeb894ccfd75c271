package org.gongzhi.plugin.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table of a {@link ReportSection}. Each row has one value per column: a String, a Number
 * (for {@link ReportTable.Type#PERCENT} a fraction in [0, 1]) or null.
 *
 * @since 1.0
 */
public record ReportTable(List<Column> columns, List<List<Object>> rows) {

    /** How a column's values are shown. */
    public enum Type { TEXT, INTEGER, DECIMAL, PERCENT }

    /** A column: its zh-CN label and value type. */
    public record Column(String labelZh, Type type) {
        public Column {
            Objects.requireNonNull(labelZh, "labelZh");
            Objects.requireNonNull(type, "type");
        }
    }

    public ReportTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
