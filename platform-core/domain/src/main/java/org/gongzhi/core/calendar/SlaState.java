package org.gongzhi.core.calendar;

/** Time-limit state of an open case, as computed by {@link SlaClock#state}. */
public enum SlaState {
    /** 正常 — before the warning instant. */
    ON_TIME("正常", "On time"),
    /** 预警 — past the warning instant, before the due instant. */
    WARNING("预警", "Warning"),
    /** 超期 — at or past the due instant. */
    OVERDUE("超期", "Overdue");

    private final String labelZh;
    private final String labelEn;

    SlaState(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** Chinese label: 正常 / 预警 / 超期. */
    public String labelZh() {
        return labelZh;
    }

    /** English label. */
    public String labelEn() {
        return labelEn;
    }
}
