package org.gongzhi.core.service.supervision;

import java.util.Optional;

import org.gongzhi.core.casework.WireNames;

/**
 * Why a supervision record was written. Wire names {@code warning}, {@code overdue},
 * {@code rework}, {@code manual}.
 */
public enum SupervisionTrigger {
    /** 临期预警 — the case reached its warning time (the SLA policy's share of the allowed time). */
    WARNING("临期预警", "Warning time reached"),
    /** 超期 — the case passed its due time (or, for an escalation, the district's margin after it). */
    OVERDUE("超期", "Overdue"),
    /** 多次返工 — the case failed verification as often as the district allows (返工). */
    REWORK("多次返工", "Reworked repeatedly"),
    /** 人工督办 — issued by a district leader or dispatcher. */
    MANUAL("人工督办", "Issued by hand");

    private final String labelZh;
    private final String labelEn;
    private final String wireName;

    SupervisionTrigger(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.wireName = WireNames.of(this);
    }

    /** Wire name, e.g. {@code overdue}. */
    public String wireName() {
        return wireName;
    }

    /** Chinese label. */
    public String labelZh() {
        return labelZh;
    }

    /** English label. */
    public String labelEn() {
        return labelEn;
    }

    /** Parses a wire name (blanks and case ignored); empty for {@code null} or unknown. */
    public static Optional<SupervisionTrigger> fromWireName(String wireName) {
        return WireNames.lookup(values(), SupervisionTrigger::wireName, wireName);
    }
}
