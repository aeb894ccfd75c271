package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongzhi.core.reporting.ReportFormat;
import org.junit.BeforeClass;
import org.junit.Test;

public class XlsxRenderingTest {

    private static byte[] xlsx;

    @BeforeClass
    public static void render() throws IOException {
        xlsx = RendererHolder.renderer().render(SampleReports.monthly(), ReportFormat.XLSX);
        Path out = Path.of("target", "test-reports-output");
        Files.createDirectories(out);
        Files.write(out.resolve("monthly.xlsx"), xlsx);
    }

    @Test
    public void figuresAreNumericCells() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(SampleReports.TITLE);

            Row header = rowStartingWith(sheet, "街道（乡镇）");
            assertThat(texts(header)).containsExactly("街道（乡镇）", "受理数", "办结数", "结案率", "按期结案率", "平均办理天数");

            List<Cell> gunan = cells(rowStartingWith(sheet, "古南街道"));
            assertThat(gunan).hasSize(6);
            assertNumber(gunan.get(1), 1204);
            assertNumber(gunan.get(2), 1114);
            assertNumber(gunan.get(3), 0.925);
            assertThat(gunan.get(3).getCellStyle().getDataFormatString()).contains("%");
            assertNumber(gunan.get(4), 0.9012);
            assertNumber(gunan.get(5), 3.25);

            List<Cell> xingqiao = cells(rowStartingWith(sheet, "兴桥镇"));
            assertNumber(xingqiao.get(1), 412);
            assertNumber(xingqiao.get(3), 0.9927);
        }
    }

    @Test
    public void titleAndHeadingsAreThere() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> all = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                all.addAll(texts(row));
            }
            assertThat(all).contains(SampleReports.TITLE, "吉州区社会治理综合服务中心", SampleReports.CASES_HEADING,
                    "二、事件来源", SampleReports.EMPTY_HEADING, "生成时间：2026年12月1日 09:30");
            assertThat(all).anyMatch(text -> text.contains("本期无数据 (no data for this period)"));
            assertThat(all).noneMatch(text -> text.startsWith("第 ") && text.contains(" 页 / 共 "));
            // the bar and pie charts are pictures in the sheet
            assertThat(workbook.getAllPictures()).hasSize(2);
        }
    }

    private static void assertNumber(Cell cell, double expected) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as("cell %s", cell.getAddress()).isCloseTo(expected, within(1e-9));
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            List<Cell> cells = cells(row);
            if (!cells.isEmpty() && cells.get(0).getCellType() == CellType.STRING
                    && cells.get(0).getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row starts with " + text);
    }

    /** The cells of a row with a value, left to right (merged regions have blank or empty cells). */
    private static List<Cell> cells(Row row) {
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : row) {
            boolean empty = cell.getCellType() == CellType.BLANK
                    || cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty();
            if (!empty) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private static List<String> texts(Row row) {
        return cells(row).stream().map(c -> c.getCellType() == CellType.STRING ? c.getStringCellValue() : String.valueOf(c.getNumericCellValue())).toList();
    }
}
