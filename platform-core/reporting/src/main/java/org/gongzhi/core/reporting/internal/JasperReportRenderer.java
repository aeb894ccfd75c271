package org.gongzhi.core.reporting.internal;

import java.util.Objects;
import java.util.function.Supplier;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportFormat;
import org.gongzhi.core.reporting.ReportRenderer;
import org.gongzhi.core.reporting.ReportRenderingException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sf.jasperreports.engine.JRException;

/**
 * The {@link ReportRenderer} service: PDF and XLSX through JasperReports (embedded in this
 * bundle), CSV written directly. The templates are compiled when the component activates.
 * Jasper looks up its extensions (the Noto Sans SC font among them) through the thread context
 * class loader, so every Jasper call runs with this bundle's class loader set there.
 */
@Component(service = ReportRenderer.class)
public final class JasperReportRenderer implements ReportRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(JasperReportRenderer.class);
    private static final ClassLoader BUNDLE_LOADER = JasperReportRenderer.class.getClassLoader();

    private final JasperEngine engine;

    @Activate
    public JasperReportRenderer() {
        long start = System.nanoTime();
        this.engine = withBundleLoader(JasperEngine::new);
        LOG.info("Report templates compiled in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public byte[] render(ReportDocument document, ReportFormat format) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        long start = System.nanoTime();
        byte[] file = switch (format) {
            case CSV -> CsvWriter.write(document);
            case PDF -> withBundleLoader(() -> jasper(document, true));
            case XLSX -> withBundleLoader(() -> jasper(document, false));
        };
        LOG.debug("Rendered {} \"{}\" ({} bytes) in {} ms", format, document.title(), file.length,
                (System.nanoTime() - start) / 1_000_000);
        return file;
    }

    private byte[] jasper(ReportDocument document, boolean pdf) {
        try {
            var print = engine.fill(document, pdf);
            return pdf ? Exports.pdf(engine.context(), print, document) : Exports.xlsx(engine.context(), print, document);
        } catch (JRException | RuntimeException e) {
            throw new ReportRenderingException("cannot render \"" + document.title() + "\" as " + (pdf ? "PDF" : "XLSX"), e);
        }
    }

    private static <T> T withBundleLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BUNDLE_LOADER);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
