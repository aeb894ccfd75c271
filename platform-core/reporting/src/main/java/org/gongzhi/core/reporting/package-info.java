/**
 * Gongzhi report rendering (报表生成): turns a {@link org.gongzhi.core.reporting.ReportDocument}
 * that the platform filled with figures into a PDF, XLSX or CSV file.
 *
 * <p>The platform's report producers build documents for the governance rhythm
 * 一月一调度、一季一督查、半年一通报 (monthly dispatch meeting, quarterly inspection, half-year
 * bulletin) and call the {@link org.gongzhi.core.reporting.ReportRenderer} service; the
 * reporting bundle implements it. The model is plain records: no rendering library's types
 * appear here.
 *
 * <p>Since 1.1 the bundle also draws QR posters (码上办二维码海报) through
 * {@link org.gongzhi.core.reporting.PosterRenderer}: one A4 page per
 * {@link org.gongzhi.core.reporting.Poster}.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gongzhi.core.reporting;
