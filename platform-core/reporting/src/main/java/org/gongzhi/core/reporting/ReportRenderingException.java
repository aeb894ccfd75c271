package org.gongzhi.core.reporting;

/**
 * Thrown by {@link ReportRenderer#render} when a document cannot be rendered.
 *
 * @since 1.0
 */
public class ReportRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
