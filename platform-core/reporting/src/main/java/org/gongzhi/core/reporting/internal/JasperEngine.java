package org.gongzhi.core.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fonts.FontUtil;

/**
 * JasperReports as this bundle uses it: one context with the report font as default, the
 * templates of {@code reports/} compiled once, and table subreports compiled per column shape.
 * Callers hold the bundle's class loader as thread context class loader (Jasper finds its
 * extensions, the font among them, through it).
 */
final class JasperEngine {

    private final JasperReportsContext context;
    private final JasperReport master;
    private final MasterData data;

    JasperEngine() {
        SimpleJasperReportsContext jasper = new SimpleJasperReportsContext();
        jasper.setProperty("net.sf.jasperreports.default.font.name", TableReports.FONT);
        // a font that cannot be found fails the fill instead of falling back to one without Chinese glyphs
        jasper.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
        this.context = jasper;
        if (FontUtil.getInstance(context).getFontInfo(TableReports.FONT, MasterData.LOCALE) == null) {
            throw new IllegalStateException("the font extension for " + TableReports.FONT
                    + " was not found (jasperreports_extension.properties and fonts/ must be in the bundle)");
        }
        this.master = compile("reports/report.jrxml");
        this.data = new MasterData(new TableReports(context), compile("reports/chart.jrxml"));
    }

    JasperReportsContext context() {
        return context;
    }

    /**
     * @param paginated true for A4 pages (PDF), false for one continuous page (XLSX)
     */
    JasperPrint fill(ReportDocument document, boolean paginated) throws JRException {
        return JasperFillManager.getInstance(context).fill(master, MasterData.parameters(document, paginated),
                new JRMapCollectionDataSource(new ArrayList<Map<String, ?>>(data.records(document))));
    }

    private JasperReport compile(String template) {
        try (InputStream in = JasperEngine.class.getClassLoader().getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("template " + template + " is not in the bundle");
            }
            return JasperCompileManager.getInstance(context).compile(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("cannot compile " + template, e);
        }
    }
}
