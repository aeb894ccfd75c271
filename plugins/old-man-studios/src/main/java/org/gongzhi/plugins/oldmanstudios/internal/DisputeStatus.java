package org.gongzhi.plugins.oldmanstudios.internal;

/** Where a dispute stands; which status may follow which is decided by {@link DisputeLifecycle} only. */
enum DisputeStatus implements Labelled {
    /** 已登记 — registered, from a case or directly; not yet assigned. */
    REGISTERED("registered", "已登记", "Registered"),
    /** 已分派 — assigned to a studio or an organisation, no session yet. */
    ASSIGNED("assigned", "已分派", "Assigned"),
    /** 调解中 — at least one mediation session (调解会) held. */
    MEDIATING("mediating", "调解中", "Mediating"),
    /** 达成协议 — a mediation agreement (调解协议) was signed. */
    AGREED("agreed", "达成协议", "Agreement reached"),
    /** 调解不成 — mediation failed. */
    FAILED("failed", "调解不成", "Mediation failed"),
    /** 已上交 — escalated up the mediation ladder. */
    ESCALATED("escalated", "已上交", "Escalated"),
    /** 已回访 — the agreement was followed up (回访). */
    FOLLOWED_UP("followed-up", "已回访", "Followed up");

    private final Label label;

    DisputeStatus(String wire, String labelZh, String labelEn) {
        this.label = new Label(wire, labelZh, labelEn);
    }

    /** Whether mediation has an outcome: agreed (and followed up), failed or escalated. */
    boolean hasOutcome() {
        return this == AGREED || this == FAILED || this == ESCALATED || this == FOLLOWED_UP;
    }

    @Override
    public Label label() {
        return label;
    }
}
