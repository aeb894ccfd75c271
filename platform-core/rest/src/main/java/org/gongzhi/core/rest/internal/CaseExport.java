package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseLine;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The case list as a file (导出, ADR 0038): CSV (UTF-8 with a byte-order mark, so that Excel reads
 * Chinese) or XLSX (fastexcel, rows flushed to the stream as they come). Columns are the facts of
 * {@link CaseLine} with names rather than codes and times in the district's zone; never the reporter.
 * A {@link Sheet} is written by one thread, line by line, and holds at most {@value #FLUSH_EVERY} lines.
 */
final class CaseExport {

    /** The header row. */
    static final List<String> HEADERS = List.of("案件编号", "标题", "类别", "网格", "状态", "主办部门", "上报时间",
            "处置期限", "结案时间");
    /** Lines a sheet keeps before it writes them out. */
    static final int FLUSH_EVERY = 1000;
    /** Rows an XLSX sheet holds (Excel's limit), the header among them. */
    static final int XLSX_MAX_ROWS = 1_048_576;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The two file formats, by their wire name. */
    enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** {@code csv} or {@code xlsx}, any letter case; anything else is a 400 naming {@code format}. */
        static Format of(String value) {
            if (value != null) {
                for (Format f : values()) {
                    if (f.extension.equalsIgnoreCase(value.strip())) {
                        return f;
                    }
                }
            }
            throw new ValidationException("format", "format 须为 csv 或 xlsx (must be csv or xlsx): "
                    + InboxParams.shown(value));
        }
    }

    /** Lines to a stream; {@link #close} finishes the file but leaves the stream open. */
    interface Sheet extends AutoCloseable {
        void line(CaseLine line);

        @Override
        void close() throws IOException;
    }

    private final TenantDefinition district;
    private final ZoneId zone;

    CaseExport(TenantDefinition district) {
        this.district = district;
        this.zone = district.timeZone();
    }

    /** A sheet of {@code format} on {@code out}, its header written. */
    Sheet open(Format format, OutputStream out) throws IOException {
        return format == Format.CSV ? new CsvSheet(out) : new XlsxSheet(out);
    }

    /** The cells of one line, as the header names them. */
    List<String> cells(CaseLine l) {
        return List.of(l.number(), l.title(),
                district.category(l.categoryCode()).map(CategoryDefinition::name).orElse(text(l.categoryCode())),
                l.gridCode() == null ? "" : district.grids().find(l.gridCode()).map(GridNode::name).orElse(l.gridCode()),
                l.status().labelZh(),
                l.leadDepartment() == null ? ""
                        : district.department(l.leadDepartment()).map(DepartmentDefinition::name).orElse(l.leadDepartment()),
                time(l.reportedAt()), time(l.dueAt()), time(l.closedAt()));
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private final class CsvSheet implements Sheet {
        private final Writer writer;
        private final CSVPrinter printer;
        private int pending;

        CsvSheet(OutputStream out) throws IOException {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // Excel takes a CSV without it for the local code page and garbles Chinese
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADERS.toArray(String[]::new)).get());
        }

        @Override
        public void line(CaseLine line) {
            try {
                printer.printRecord(cells(line));
                if (++pending == FLUSH_EVERY) {
                    printer.flush();
                    pending = 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }

    private final class XlsxSheet implements Sheet {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        XlsxSheet(OutputStream out) throws IOException {
            workbook = new Workbook(out, "Gongzhi", "1.0");
            sheet = workbook.newWorksheet("案件");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.inlineString(0, c, HEADERS.get(c));
            }
            row = 1;
        }

        @Override
        public void line(CaseLine line) {
            if (row == XLSX_MAX_ROWS) {
                throw new IllegalStateException("an XLSX sheet holds " + XLSX_MAX_ROWS + " rows");
            }
            List<String> cells = cells(line);
            for (int c = 0; c < cells.size(); c++) {
                // inline, not shared strings: the shared table would hold every distinct title in memory
                sheet.inlineString(row, c, cells.get(c));
            }
            try {
                if (++row % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }
}
