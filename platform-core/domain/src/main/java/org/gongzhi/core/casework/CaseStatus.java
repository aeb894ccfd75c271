package org.gongzhi.core.casework;

/**
 * Status of a case (事件/案件) in the closed loop of digital city management
 * (GB/T 30428: 上报 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案 → 评价).
 * Which status may follow which is decided by {@link CaseLifecycle} only.
 */
public enum CaseStatus {
    /** 已上报 — collected from a channel, not yet screened. */
    REPORTED("已上报", "Reported"),
    /** 已立案 — accepted as a case, waiting for dispatch. */
    REGISTERED("已立案", "Registered"),
    /** 不予立案/退件 — rejected at screening; can only be reopened. */
    REJECTED("不予立案", "Rejected"),
    /** 已派遣 — sent to a department or grid, not yet signed for. */
    DISPATCHED("已派遣", "Dispatched"),
    /** 处置中 — the handling unit has accepted (签收) and is working on it. */
    HANDLING("处置中", "Handling"),
    /** 延期/缓办中 — postponed with an approved extension. */
    POSTPONED("延期", "Postponed"),
    /** 已反馈，待核查 — the handler reported the result; waiting for verification. */
    FEEDBACK("已反馈", "Feedback given"),
    /** 已核查 — the result was verified on site. */
    VERIFIED("已核查", "Verified"),
    /** 已结案 — closed. */
    CLOSED("已结案", "Closed"),
    /** 已评价 — closed and evaluated by the reporter (满意度) or the assessor (考核). */
    EVALUATED("已评价", "Evaluated");

    private final String labelZh;
    private final String labelEn;

    CaseStatus(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** Chinese label shown to users, e.g. {@code 已立案}. */
    public String labelZh() {
        return labelZh;
    }

    /** English label, e.g. {@code Registered}. */
    public String labelEn() {
        return labelEn;
    }

    /** {@code true} for {@link #CLOSED} and {@link #EVALUATED} (counts as 结案 in KPIs). */
    public boolean isClosed() {
        return this == CLOSED || this == EVALUATED;
    }

    /** {@code true} while the case is still in the loop: neither closed nor {@link #REJECTED}. */
    public boolean isOpen() {
        return !isClosed() && this != REJECTED;
    }
}
