package org.gongzhi.core.reporting.internal;

import java.time.ZonedDateTime;
import java.util.List;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportFormat;
import org.gongzhi.core.reporting.ReportRenderer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the templates and loads the fonts in the background when the bundle starts, so the
 * first report a district asks for does not pay the renderer's one-time start (about 2 s) and
 * start-up of the platform does not wait for it either.
 */
@Component(immediate = true)
public final class RendererWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(RendererWarmup.class);

    @Activate
    public RendererWarmup(BundleContext context) {
        Thread warm = new Thread(() -> warm(context), "gongzhi-report-warmup");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    private static void warm(BundleContext context) {
        ServiceReference<ReportRenderer> ref = context.getServiceReference(ReportRenderer.class);
        if (ref == null) {
            return;
        }
        try {
            ReportRenderer renderer = context.getService(ref);
            long start = System.nanoTime();
            renderer.render(new ReportDocument("预热 Warm-up", null, ZonedDateTime.now(),
                    List.of(new ReportDocument.Section("一、预热", null, List.of("字体与模板已加载。"), null, null))),
                    ReportFormat.PDF);
            LOG.info("Report renderer warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.debug("Report renderer warm-up skipped: {}", e.toString());
        } finally {
            try {
                context.ungetService(ref);
            } catch (IllegalStateException stopped) {
                // the bundle stopped meanwhile
            }
        }
    }
}
