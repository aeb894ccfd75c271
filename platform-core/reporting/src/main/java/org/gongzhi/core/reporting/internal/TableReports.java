package org.gongzhi.core.reporting.internal;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.gongzhi.core.reporting.ReportDocument.ColumnType;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignConditionalStyle;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignStaticText;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignTextElement;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.StretchTypeEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.type.WhenNoDataTypeEnum;

/**
 * Table subreports, built as a {@link JasperDesign} from the column types and compiled once per
 * shape. A report's tables differ in their columns, so no fixed template fits them all; a
 * template with a maximum of columns switched off by visibility leaves gaps or fixed widths.
 * Built designs size every column to the page, and keep Jasper's numeric cells (XLSX gets
 * numbers). Labels are parameters ({@code LABEL_0} …) and values fields ({@code c0} …), so the
 * compiled report depends only on the list of column types: a monthly report reuses the few
 * shapes it has, and the cache stays small.
 */
final class TableReports {

    static final String FONT = "Noto Sans SC";
    static final int WIDTH = 455;
    private static final int HEADER_HEIGHT = 22;
    private static final int ROW_HEIGHT = 18;
    /** Above this many columns the table is set smaller (a KPI table has ten). */
    private static final int WIDE = 7;
    private static final Color RULE = new Color(0x80, 0x80, 0x80);
    private static final Color HEADER_FILL = new Color(0xF2, 0xE6, 0xE6);
    private static final Color STRIPE_FILL = new Color(0xF7, 0xF7, 0xF7);

    private final JasperReportsContext context;
    private final Map<List<ColumnType>, JasperReport> compiled = new ConcurrentHashMap<>();

    TableReports(JasperReportsContext context) {
        this.context = context;
    }

    /** The compiled table for these column types, in column order. */
    JasperReport forColumns(List<ColumnType> types) {
        return compiled.computeIfAbsent(List.copyOf(types), this::compile);
    }

    /** Field name of column {@code index}. */
    static String field(int index) {
        return "c" + index;
    }

    /** Parameter name of column {@code index}'s header. */
    static String label(int index) {
        return "LABEL_" + index;
    }

    /** The Java class a column's values take in the subreport's records. */
    static Class<?> valueClass(ColumnType type) {
        return switch (type) {
            case TEXT -> String.class;
            case INTEGER -> Long.class;
            case PERCENT, DECIMAL -> BigDecimal.class;
        };
    }

    private static String pattern(ColumnType type) {
        return switch (type) {
            case TEXT -> null;
            case INTEGER -> "#,##0";
            case PERCENT -> "0.0%";
            case DECIMAL -> "#,##0.00";
        };
    }

    /** Column widths in points: text columns weigh two, numbers one; they add up to the page width. */
    static int[] widths(List<ColumnType> types) {
        int weights = types.stream().mapToInt(t -> t == ColumnType.TEXT ? 2 : 1).sum();
        int[] widths = new int[types.size()];
        int used = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * (types.get(i) == ColumnType.TEXT ? 2 : 1) / weights;
            used += widths[i];
        }
        widths[widths.length - 1] += WIDTH - used;
        return widths;
    }

    private JasperReport compile(List<ColumnType> types) {
        try {
            return JasperCompileManager.getInstance(context).compile(design(types));
        } catch (JRException e) {
            throw new IllegalStateException("cannot compile a table with columns " + types, e);
        }
    }

    JasperDesign design(List<ColumnType> types) throws JRException {
        JasperDesign design = new JasperDesign();
        design.setName("gongzhi-table-" + types.stream().map(t -> t.name().substring(0, 1)).collect(Collectors.joining()));
        design.setPageWidth(WIDTH);
        design.setColumnWidth(WIDTH);
        design.setPageHeight(842);
        design.setLeftMargin(0);
        design.setRightMargin(0);
        design.setTopMargin(0);
        design.setBottomMargin(0);
        design.setWhenNoDataType(WhenNoDataTypeEnum.ALL_SECTIONS_NO_DETAIL);

        JRDesignStyle base = new JRDesignStyle();
        base.setName("base");
        base.setDefault(true);
        base.setFontName(FONT);
        boolean wide = types.size() > WIDE;
        base.setFontSize(wide ? 8f : 9f);
        design.addStyle(base);

        JRDesignStyle striped = new JRDesignStyle();
        striped.setName("striped");
        striped.setParentStyle(base);
        JRDesignConditionalStyle even = new JRDesignConditionalStyle();
        even.setConditionExpression(new JRDesignExpression("$V{REPORT_COUNT}.intValue() % 2 == 0"));
        even.setMode(ModeEnum.OPAQUE);
        even.setBackcolor(STRIPE_FILL);
        striped.addConditionalStyle(even);
        design.addStyle(striped);

        JRDesignBand header = new JRDesignBand();
        header.setHeight(HEADER_HEIGHT);
        JRDesignBand row = new JRDesignBand();
        row.setHeight(ROW_HEIGHT);

        int[] widths = widths(types);
        int x = 0;
        for (int i = 0; i < types.size(); i++) {
            ColumnType type = types.get(i);
            JRDesignParameter parameter = new JRDesignParameter();
            parameter.setName(label(i));
            parameter.setValueClass(String.class);
            design.addParameter(parameter);
            JRDesignField field = new JRDesignField();
            field.setName(field(i));
            field.setValueClass(valueClass(type));
            design.addField(field);

            JRDesignTextField head = cell(x, widths[i], HEADER_HEIGHT, "$P{" + label(i) + "}", wide);
            head.setBold(true);
            head.setMode(ModeEnum.OPAQUE);
            head.setBackcolor(HEADER_FILL);
            head.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
            header.addElement(head);

            JRDesignTextField value = cell(x, widths[i], ROW_HEIGHT, "$F{" + field(i) + "}", wide);
            value.setStyle(striped);
            value.setPattern(pattern(type));
            value.setHorizontalTextAlign(type == ColumnType.TEXT ? HorizontalTextAlignEnum.LEFT : HorizontalTextAlignEnum.RIGHT);
            row.addElement(value);
            x += widths[i];
        }
        design.setColumnHeader(header);
        ((JRDesignSection) design.getDetailSection()).addBand(row);
        design.setSummary(noRows());
        return design;
    }

    private static JRDesignTextField cell(int x, int width, int height, String expression, boolean wide) {
        JRDesignTextField cell = new JRDesignTextField();
        cell.setX(x);
        cell.setY(0);
        cell.setWidth(width);
        cell.setHeight(height);
        cell.setExpression(new JRDesignExpression(expression));
        cell.setBlankWhenNull(true);
        cell.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
        cell.setStretchType(StretchTypeEnum.CONTAINER_HEIGHT);
        frame(cell, wide ? 2 : 4);
        return cell;
    }

    private static void frame(JRDesignTextElement element, int sidePadding) {
        element.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
        element.getLineBox().getPen().setLineWidth(0.5f);
        element.getLineBox().getPen().setLineColor(RULE);
        element.getLineBox().setLeftPadding(sidePadding);
        element.getLineBox().setRightPadding(sidePadding);
        element.getLineBox().setTopPadding(2);
        element.getLineBox().setBottomPadding(2);
    }

    /** A table without rows shows its header and one line saying so. */
    private static JRDesignBand noRows() {
        JRDesignBand band = new JRDesignBand();
        band.setHeight(ROW_HEIGHT);
        band.setPrintWhenExpression(new JRDesignExpression("$V{REPORT_COUNT}.intValue() == 0"));
        JRDesignStaticText text = new JRDesignStaticText();
        text.setX(0);
        text.setY(0);
        text.setWidth(WIDTH);
        text.setHeight(ROW_HEIGHT);
        text.setText("本期无数据");
        text.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
        text.setForecolor(new Color(0x66, 0x66, 0x66));
        frame(text, 4);
        band.addElement(text);
        return band;
    }
}
