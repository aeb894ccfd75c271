package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument.Table;
import org.gongzhi.core.reporting.ReportFormat;
import org.junit.Test;

public class CsvRenderingTest {

    @Test
    public void tablesAreBlocksWithTheirHeadings() {
        byte[] csv = RendererHolder.renderer().render(SampleReports.monthly(), ReportFormat.CSV);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> lines = parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertThat(lines).containsExactly(
                List.of(SampleReports.CASES_HEADING),
                List.of(SampleReports.monthly().sections().get(0).paragraphs().get(0)),
                List.of("街道（乡镇）", "受理数", "办结数", "结案率", "按期结案率", "平均办理天数"),
                List.of("古南街道", "1204", "1114", "92.5%", "90.1%", "3.25"),
                List.of("永叔街道", "986", "961", "97.5%", "95%", "2.8"),
                List.of("兴桥镇", "412", "409", "99.3%", "98.1%", "1.75"),
                List.of(SampleReports.EMPTY_HEADING),
                List.of("本期无数据 (no data for this period)"));
    }

    @Test
    public void blocksAreSeparatedByABlankLineAndTextIsQuotedAndDefused() {
        Map<String, Object> tricky = new LinkedHashMap<>();
        tricky.put("name", "=HYPERLINK(\"x\")");
        tricky.put("note", "含逗号, 和\n换行");
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("name", "东湖区");
        List<Column> columns = List.of(new Column("name", "名称", ColumnType.TEXT), new Column("note", "备注", ColumnType.TEXT),
                new Column("n", "件数", ColumnType.INTEGER));
        ReportDocument document = new ReportDocument("测试", null, SampleReports.GENERATED_AT, List.of(
                new Section("一、甲", null, null, new Table(columns, List.of(tricky, missing)), null),
                new Section("二、无表", null, List.of("本期无数据"), null, null),
                new Section("三、乙", null, null, new Table(columns, List.of()), null)));
        String text = new String(RendererHolder.renderer().render(document, ReportFormat.CSV), StandardCharsets.UTF_8).substring(1);
        assertThat(text).isEqualTo("一、甲\r\n名称,备注,件数\r\n\"'=HYPERLINK(\"\"x\"\")\",\"含逗号, 和\n换行\",\r\n东湖区,,\r\n"
                + "\r\n二、无表\r\n本期无数据\r\n\r\n三、乙\r\n名称,备注,件数\r\n");
        assertThat(parse(text)).contains(List.of("'=HYPERLINK(\"x\")", "含逗号, 和\n换行", ""));
    }

    @Test
    public void percentagesAreRoundedAsPrintedAndParagraphsKept() {
        List<Column> columns = List.of(new Column("name", "网格", ColumnType.TEXT), new Column("rate", "成功率", ColumnType.PERCENT));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : new Object[][] {{"甲", 2 / 3.0}, {"乙", 0.9995}, {"丙", 1}, {"丁", 0.0004}, {"戊", null}}) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r[0]);
            row.put("rate", r[1]);
            rows.add(row);
        }
        ReportDocument document = new ReportDocument("测试", null, SampleReports.GENERATED_AT, List.of(
                new Section("一、调解情况", null, List.of("本期调解纠纷 3 件。", "-成功 2 件"), new Table(columns, rows), null)));
        String text = new String(RendererHolder.renderer().render(document, ReportFormat.CSV), StandardCharsets.UTF_8).substring(1);
        assertThat(parse(text)).containsExactly(List.of("一、调解情况"), List.of("本期调解纠纷 3 件。"), List.of("'-成功 2 件"),
                List.of("网格", "成功率"), List.of("甲", "66.7%"), List.of("乙", "100%"), List.of("丙", "100%"),
                List.of("丁", "0%"), List.of("戊", ""));
    }

    /** A small RFC 4180 reader: enough to read back what the writer wrote. */
    static List<List<String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                i++;
                cells.add(cell.toString());
                cell.setLength(0);
                if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    lines.add(List.copyOf(cells));
                }
                cells.clear();
            } else {
                cell.append(c);
            }
        }
        return lines;
    }
}
