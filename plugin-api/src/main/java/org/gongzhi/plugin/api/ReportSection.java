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
    public ReportSection {
        Objects.requireNonNull(headingZh, "headingZh");
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }
}
