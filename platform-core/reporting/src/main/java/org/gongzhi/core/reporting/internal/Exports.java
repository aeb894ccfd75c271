package org.gongzhi.core.reporting.internal;

import java.io.ByteArrayOutputStream;

import org.gongzhi.core.reporting.ReportDocument;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.JRAbstractExporter;
import net.sf.jasperreports.engine.export.JRPdfExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.OutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimplePdfExporterConfiguration;
import net.sf.jasperreports.export.SimpleXlsxExporterConfiguration;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;

/** Exporter settings for the two Jasper formats. */
final class Exports {

    private static final String AUTHOR = "共治 Gongzhi";

    private Exports() {
    }

    static byte[] pdf(JasperReportsContext context, JasperPrint print, ReportDocument document) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter(context);
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setCompressed(true);
        configuration.setMetadataTitle(document.title());
        configuration.setDisplayMetadataTitle(true);
        configuration.setMetadataSubject(document.subtitle());
        configuration.setMetadataAuthor(AUTHOR);
        configuration.setMetadataCreator(AUTHOR);
        exporter.setConfiguration(configuration);
        return export(exporter, print);
    }

    static byte[] xlsx(JasperReportsContext context, JasperPrint print, ReportDocument document) throws JRException {
        JRXlsxExporter exporter = new JRXlsxExporter(context);
        SimpleXlsxReportConfiguration report = new SimpleXlsxReportConfiguration();
        report.setOnePagePerSheet(false);
        report.setSheetNames(new String[] {sheetName(document.title())});
        report.setDetectCellType(true);
        report.setRemoveEmptySpaceBetweenRows(true);
        report.setRemoveEmptySpaceBetweenColumns(true);
        report.setWhitePageBackground(false);
        report.setIgnorePageMargins(true);
        report.setCollapseRowSpan(false);
        exporter.setConfiguration(report);
        SimpleXlsxExporterConfiguration file = new SimpleXlsxExporterConfiguration();
        file.setMetadataTitle(document.title());
        file.setMetadataSubject(document.subtitle());
        file.setMetadataAuthor(AUTHOR);
        file.setMetadataApplication(AUTHOR);
        exporter.setConfiguration(file);
        return export(exporter, print);
    }

    /** Excel sheet names: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (name.isEmpty()) {
            return "报表";
        }
        return name.length() <= 31 ? name : name.substring(0, 31);
    }

    private static byte[] export(JRAbstractExporter<?, ?, OutputStreamExporterOutput, ?> exporter, JasperPrint print)
            throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
        return out.toByteArray();
    }
}
