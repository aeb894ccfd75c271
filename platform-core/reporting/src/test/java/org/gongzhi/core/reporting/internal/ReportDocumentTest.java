package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument.Chart;
import org.gongzhi.core.reporting.ReportDocument.ChartKind;
import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Series;
import org.gongzhi.core.reporting.ReportDocument.Table;
import org.junit.Test;

public class ReportDocumentTest {

    @Test
    public void numericColumnsTakeNumbersOnly() {
        List<Column> columns = List.of(new Column("rate", "结案率", ColumnType.PERCENT));
        assertThatThrownBy(() -> new Table(columns, List.of(Map.of("rate", "92.5%"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
    }

    @Test
    public void seriesMatchCategories() {
        assertThatThrownBy(() -> new Chart(ChartKind.BAR, "t", List.of("a", "b"), List.of(new Series("s", List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void nullValuesAreAllowedInSeries() {
        assertThat(new Series("s", Arrays.asList(1, null)).values()).containsExactly(1, null);
    }

    @Test
    public void cellValuesTakeTheColumnsClass() {
        assertThat(MasterData.cellValue(ColumnType.INTEGER, 12.6)).isEqualTo(13L);
        assertThat(MasterData.cellValue(ColumnType.PERCENT, 0.925f)).isEqualTo(new BigDecimal("0.925"));
        assertThat(MasterData.cellValue(ColumnType.DECIMAL, Double.NaN)).isNull();
        assertThat(MasterData.cellValue(ColumnType.TEXT, 7)).isEqualTo("7");
        assertThat(CsvWriter.cell(ColumnType.PERCENT, 1)).isEqualTo("100%");
    }

    @Test
    public void columnWidthsFillThePage() {
        int[] widths = TableReports.widths(List.of(ColumnType.TEXT, ColumnType.INTEGER, ColumnType.PERCENT));
        assertThat(Arrays.stream(widths).sum()).isEqualTo(TableReports.WIDTH);
        assertThat(widths[0]).isGreaterThan(widths[1]);
        assertThat(Exports.sheetName("吉州区 2026年11月 综治中心调度月报：第[1]期/附表")).hasSizeLessThanOrEqualTo(31).doesNotContain("[", "/", ":");
    }
}
