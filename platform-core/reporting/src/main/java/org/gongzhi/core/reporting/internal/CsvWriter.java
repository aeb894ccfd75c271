package org.gongzhi.core.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;

/**
 * The text and tables of a document as CSV (RFC 4180, CRLF), UTF-8 with a byte order mark so that
 * Excel opens the Chinese text correctly. Each section with paragraphs or a table is one block: the
 * section heading on a line of its own, each paragraph on a line of its own (one cell), then the
 * column labels and the rows; blocks are separated by a blank line. Sections with neither (a chart
 * only) are left out. Numbers are written plain (no grouping); percentages rounded half-up to one
 * decimal as the PDF prints them ({@code 92.5%}, {@code 66.7%}, {@code 100%}). Text that a
 * spreadsheet would take for a formula ({@code = + - @}) is prefixed with an apostrophe.
 */
final class CsvWriter {

    private static final String BOM = "\uFEFF";
    private static final String EOL = "\r\n";

    private CsvWriter() {
    }

    static byte[] write(ReportDocument document) {
        StringBuilder out = new StringBuilder(BOM);
        boolean first = true;
        for (Section section : document.sections()) {
            if (section.table() == null && section.paragraphs().isEmpty()) {
                continue;
            }
            if (!first) {
                out.append(EOL);
            }
            first = false;
            line(out, List.of(text(section.headingZh())));
            for (String paragraph : section.paragraphs()) {
                line(out, List.of(text(paragraph)));
            }
            if (section.table() == null) {
                continue;
            }
            List<Column> columns = section.table().columns();
            line(out, columns.stream().map(c -> text(c.labelZh())).toList());
            for (Map<String, Object> row : section.table().rows()) {
                List<String> cells = new ArrayList<>(columns.size());
                for (Column column : columns) {
                    cells.add(cell(column.type(), row.get(column.key())));
                }
                line(out, cells);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(ColumnType type, Object value) {
        Object converted = MasterData.cellValue(type, value);
        if (converted == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> text((String) converted);
            case INTEGER -> converted.toString();
            case DECIMAL -> ((BigDecimal) converted).toPlainString();
            case PERCENT -> ((BigDecimal) converted).movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() + "%";
        };
    }

    /** Defuses spreadsheet formulas in free text (CSV injection). */
    private static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append(EOL);
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
