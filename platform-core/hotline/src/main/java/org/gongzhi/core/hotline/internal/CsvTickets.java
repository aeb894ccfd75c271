package org.gongzhi.core.hotline.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gongzhi.core.service.BatchTooLargeException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.HotlineIntake;

/**
 * Reads a CSV batch: the first line is the header (Chinese or English names, unknown columns
 * ignored), the separator is a comma, or a tab or semicolon when the header has those instead.
 * Empty lines and lines of empty cells are skipped but keep their row number.
 */
final class CsvTickets {

    private CsvTickets() {
    }

    /**
     * @throws ValidationException    naming {@code body} for text that is not CSV, or the missing
     *                                or duplicate column's field
     * @throws BatchTooLargeException over {@link HotlineIntake#MAX_ROWS} data rows
     */
    static List<RawTicket> read(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        List<RawTicket> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Integer, TicketField> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                    continue;
                }
                int row = (int) record.getRecordNumber() - 1;
                if (row > HotlineIntake.MAX_ROWS) {
                    throw TooMany.rows();
                }
                Map<TicketField, String> values = new EnumMap<>(TicketField.class);
                columns.forEach((index, field) -> {
                    if (index < record.size()) {
                        values.put(field, record.get(index));
                    }
                });
                if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                out.add(new RawTicket(row, values, RawTicket.split(values.remove(TicketField.ATTACHMENTS))));
            }
            if (columns == null) {
                throw new ValidationException("body", "CSV 文件为空，缺少表头 (the CSV file is empty: no header line)");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ValidationException("body", "不是有效的 CSV 文件 (not a valid CSV file): " + e.getMessage());
        }
        return out;
    }

    private static Map<Integer, TicketField> header(CSVRecord record) {
        Map<Integer, TicketField> columns = new java.util.TreeMap<>();
        for (int i = 0; i < record.size(); i++) {
            Optional<TicketField> field = TicketField.forName(record.get(i));
            if (field.isPresent()) {
                if (columns.containsValue(field.get())) {
                    throw new ValidationException(field.get().wireName(), "CSV 表头中「" + field.get().labelZh()
                            + "」列重复 (duplicate column " + field.get().wireName() + "): " + record.get(i));
                }
                columns.put(i, field.get());
            }
        }
        for (TicketField required : List.of(TicketField.TICKET_NUMBER, TicketField.CONTENT)) {
            if (!columns.containsValue(required)) {
                throw new ValidationException(required.wireName(), "CSV 表头缺少「" + required.labelZh() + "」列，"
                        + "第一行须为列名 (the header line has no " + required.wireName() + " column)");
            }
        }
        return columns;
    }

    /** Comma, unless the first line has tabs or semicolons and no commas. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) {
            return ',';
        }
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        return first.indexOf(';') >= 0 ? ';' : ',';
    }
}
