package org.gongzhi.core.casework;

import java.util.Optional;

/**
 * An action that moves a case between {@link CaseStatus statuses}; legality is decided by
 * {@link CaseLifecycle}. The wire name (used in URLs, JSON and the database) is the constant
 * name in lower case with {@code _} replaced by {@code -}, e.g. {@code verify-pass}.
 */
public enum CaseAction {
    /** 立案. */
    REGISTER("立案", "Register"),
    /** 不予立案/退件. */
    REJECT("不予立案", "Reject"),
    /** 派遣. */
    DISPATCH("派遣", "Dispatch"),
    /** 签收 — the department or grid worker accepts the dispatched case. */
    ACCEPT("签收", "Accept"),
    /** 退回 — the unit returns the case as not its responsibility; it goes back to dispatch. */
    RETURN("退回", "Return"),
    /** 处置反馈. */
    FEEDBACK("反馈", "Feedback"),
    /** 核查通过. */
    VERIFY_PASS("核查通过", "Verification passed"),
    /** 核查不通过 — sends the case back to handling (返工). */
    VERIFY_FAIL("核查不通过", "Verification failed"),
    /** 延期/缓办. */
    POSTPONE("延期", "Postpone"),
    /** 恢复处置 — end of a postponement. */
    RESUME("恢复处置", "Resume"),
    /** 结案. */
    CLOSE("结案", "Close"),
    /** 评价. */
    EVALUATE("评价", "Evaluate"),
    /** 重新立案 — reopen a closed, evaluated or rejected case. */
    REOPEN("重新立案", "Reopen"),
    /**
     * 进展说明 — the handling unit records progress (e.g. a department system's "in progress");
     * the status does not change.
     */
    PROGRESS("进展说明", "Progress note"),
    /**
     * 备注 — a comment on the case in any status (a reporter's follow-up, a note to the public or
     * to colleagues); the status does not change.
     *
     * @since 0.1 (issue 12)
     */
    COMMENT("备注", "Comment");

    private final String labelZh;
    private final String labelEn;
    private final String wireName;

    CaseAction(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.wireName = WireNames.of(this);
    }

    /** Wire name, e.g. {@code verify-pass}. */
    public String wireName() {
        return wireName;
    }

    /** Chinese label, e.g. {@code 派遣}. */
    public String labelZh() {
        return labelZh;
    }

    /** English label, e.g. {@code Dispatch}. */
    public String labelEn() {
        return labelEn;
    }

    /**
     * Parses a wire name (surrounding blanks and letter case are ignored).
     *
     * @return the action, or empty for {@code null} or an unknown name
     */
    public static Optional<CaseAction> fromWireName(String wireName) {
        return WireNames.lookup(values(), CaseAction::wireName, wireName);
    }
}
