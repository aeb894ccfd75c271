package org.gongzhi.core.casework.workflow;

/**
 * A case (事件) as the workflow sees it: what was reported and where it stands. A plain value; storage
 * maps its rows to it and back.
 *
 * @since 1.0.0
 */
public record CaseRecord(CaseReport report, LoopState state) {

    /** @throws NullPointerException if a part is missing */
    public CaseRecord {
        java.util.Objects.requireNonNull(report, "report");
        java.util.Objects.requireNonNull(state, "state");
    }

    /** This case with {@code state}. */
    public CaseRecord with(LoopState next) {
        return new CaseRecord(report, next);
    }
}
