package org.gongzhi.plugins.oldmanstudios.internal;

/**
 * Rungs of the mediation ladder above the village studio (调解阶梯), lowest first: a third-party
 * mediation organisation, judicial confirmation (司法确认) of the agreement by the court, the
 * court's "mediation + fast-track ruling" (调解+速裁). A dispute only climbs: each escalation must
 * be on a higher rung than where the dispute stands (rungs may be skipped).
 */
enum EscalationLevel implements Labelled {
    /** 第三方调解组织. */
    ORGANISATION("organisation", "第三方调解组织", "Third-party mediation organisation", 1),
    /** 司法确认. */
    JUDICIAL_CONFIRMATION("judicial-confirmation", "司法确认", "Judicial confirmation", 2),
    /** 法院“调解+速裁”. */
    COURT("court", "法院“调解+速裁”", "Court mediation and fast-track ruling", 3);

    /** Rung of a dispute mediated by a village studio. */
    static final int STUDIO_RUNG = 0;

    private final Label label;
    private final int rung;

    EscalationLevel(String wire, String labelZh, String labelEn, int rung) {
        this.label = new Label(wire, labelZh, labelEn);
        this.rung = rung;
    }

    /** Height on the ladder: 1 organisation, 2 judicial confirmation, 3 court. */
    int rung() {
        return rung;
    }

    /**
     * Checks that escalating to this level climbs from {@code currentRung}.
     *
     * @throws javax.ws.rs.ClientErrorException 409 when the level is not above the current rung
     */
    void checkClimbsFrom(int currentRung) {
        if (rung <= currentRung) {
            throw Problems.conflict("只能沿调解阶梯向上移交（第三方调解组织 → 司法确认 → 法院“调解+速裁”），不能移交到" + labelZh(),
                    "escalation only climbs the ladder organisation → judicial-confirmation → court; " + wire()
                            + " is not above the dispute's current rung " + currentRung);
        }
    }

    @Override
    public Label label() {
        return label;
    }
}
