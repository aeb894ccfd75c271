package org.gongzhi.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * One section of a periodic report: a heading, paragraphs and an optional table.
 *
 * @param headingZh  heading in simplified Chinese, e.g. 三色分级情况
 * @param headingEn  heading in English
 * @param paragraphs plain-text paragraphs (zh-CN), may be empty
 * @param table      a table, or null
 * @since 1.0
 */
public record ReportSection(String headingZh, String headingEn, List<String> paragraphs, ReportTable table) {

    /** The paragraph of a section with nothing to report for the period. */
    public static final String NO_DATA = "本期无数据 (no data for this period)";

    /** A section that says the period has nothing to report. */
    public static ReportSection noData(String headingZh, String headingEn) {
        return new ReportSection(headingZh, headingEn, List.of(NO_DATA), null);
    }
    public ReportSection {
        Objects.requireNonNull(headingZh, "headingZh");
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }
}
