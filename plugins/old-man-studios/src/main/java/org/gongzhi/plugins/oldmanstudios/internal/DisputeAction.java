package org.gongzhi.plugins.oldmanstudios.internal;

/** A step that moves a dispute between {@link DisputeStatus statuses}. */
enum DisputeAction implements Labelled {
    /** 分派 / 改派 — to a studio or an organisation, by the rule or explicitly. */
    ASSIGN("assign", "分派", "Assign"),
    /** 修改登记信息 — complete or correct parties, type, place, value and description. */
    EDIT("edit", "修改登记信息", "Edit details"),
    /** 召开调解会. */
    SESSION("session", "召开调解会", "Hold a mediation session"),
    /** 达成调解协议. */
    AGREE("agree", "达成调解协议", "Record an agreement"),
    /** 调解不成. */
    FAIL("fail", "调解不成", "Record a failure"),
    /** 上交 — one rung up the mediation ladder. */
    ESCALATE("escalate", "上交", "Escalate"),
    /** 回访. */
    FOLLOW_UP("follow-up", "回访", "Follow up");

    private final Label label;

    DisputeAction(String wire, String labelZh, String labelEn) {
        this.label = new Label(wire, labelZh, labelEn);
    }

    @Override
    public Label label() {
        return label;
    }
}
