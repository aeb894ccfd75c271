package org.gongzhi.core.reporting;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a report document to a file.
 *
 * <p>Implemented by the reporting bundle only; the platform's report producers call it.
 * Implementations are thread-safe and blocking: a call does the whole layout and export on the
 * caller's thread (a quarterly report with a 30-row table and three charts takes about 0.1 s as
 * PDF once warm; the first PDF about a second more, while the font loads), so do not call it from
 * an event loop. Obtaining the service the first time compiles the report templates (about 1 s).
 *
 * @since 1.0
 */
@ProviderType
public interface ReportRenderer {

    /**
     * @param document the report; not null
     * @param format   the file format; not null
     * @return the complete file
     * @throws ReportRenderingException when the document cannot be rendered
     */
    byte[] render(ReportDocument document, ReportFormat format);
}
