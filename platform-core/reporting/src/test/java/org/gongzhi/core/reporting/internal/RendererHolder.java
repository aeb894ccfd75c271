package org.gongzhi.core.reporting.internal;

/** One renderer for all test classes of a run: activation compiles the templates once. */
final class RendererHolder {

    private static JasperReportRenderer renderer;

    private RendererHolder() {
    }

    static synchronized JasperReportRenderer renderer() {
        if (renderer == null) {
            renderer = new JasperReportRenderer();
        }
        return renderer;
    }
}
