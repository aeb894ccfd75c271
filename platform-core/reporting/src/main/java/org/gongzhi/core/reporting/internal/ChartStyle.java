package org.gongzhi.core.reporting.internal;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

import net.sf.jasperreports.engine.JRChart;
import net.sf.jasperreports.engine.JRChartCustomizer;

/**
 * The sober look of a government report for the charts of {@code reports/chart.jrxml}: flat
 * bars, no shadows, no frames around legend and plot, light grid lines. Named in the template as
 * {@code customizerClass}; Jasper creates it through the thread context class loader.
 */
public final class ChartStyle implements JRChartCustomizer {

    private static final Color GRID = new Color(0xD9, 0xD9, 0xD9);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        chart.setBorderVisible(false);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        chart.getPlot().setOutlineVisible(false);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setRangeGridlinePaint(GRID);
            plot.setRangeGridlineStroke(new BasicStroke(0.5f));
            plot.setDomainGridlinesVisible(false);
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setItemMargin(0.04);
                bars.setMaximumBarWidth(0.12);
            }
        } else if (chart.getPlot() instanceof PiePlot pie) {
            pie.setShadowPaint(null);
            pie.setLabelShadowPaint(null);
            pie.setLabelOutlinePaint(null);
            pie.setLabelBackgroundPaint(Color.WHITE);
            pie.setSectionOutlinesVisible(true);
            pie.setBaseSectionOutlinePaint(Color.WHITE);
            pie.setBaseSectionOutlineStroke(new BasicStroke(1f));
        }
    }
}
