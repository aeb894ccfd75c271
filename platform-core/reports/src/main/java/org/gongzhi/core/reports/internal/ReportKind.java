package org.gongzhi.core.reports.internal;

import java.util.Locale;
import java.util.Optional;

/** The governance rhythm 一月一调度、一季一督查、半年一通报: which report, for which span. */
enum ReportKind {
    /** 月度调度报告: per district, for the monthly dispatch meeting. */
    MONTHLY("综治中心月度调度报告", "Monthly dispatch report", 1),
    /** 季度督查报告: per district, for the quarterly inspection. */
    QUARTERLY("综治中心季度督查报告", "Quarterly inspection report", 3),
    /** 半年通报: city-wide, districts side by side. */
    HALF_YEAR("市域社会治理半年通报", "Half-year bulletin", 6);

    private final String titleZh;
    private final String titleEn;
    private final int months;

    ReportKind(String titleZh, String titleEn, int months) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.months = months;
    }

    String titleZh() {
        return titleZh;
    }

    String titleEn() {
        return titleEn;
    }

    int months() {
        return months;
    }

    /** {@code monthly}, {@code quarterly}, {@code half-year} or the constant name, any case. */
    static Optional<ReportKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ReportKind k : values()) {
            if (k.name().equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
