package org.gongzhi.core.service.supervision;

import java.util.Optional;

import org.gongzhi.core.casework.WireNames;

/**
 * What a supervision record is. The wire name is the constant name in lower case with {@code _}
 * replaced by {@code -}: {@code reminder}, {@code order}, {@code listed}, {@code escalation}.
 */
public enum SupervisionKind {
    /** 催办 — an automatic reminder to whoever holds the case; nothing to answer. */
    REMINDER("催办", "Reminder"),
    /** 督办 — a supervision order with a reason and its own deadline, answered by the handler. */
    ORDER("督办", "Supervision order"),
    /** 挂牌督办 — an order on a major matter, on the district's list that it may publish (Dazhou). */
    LISTED("挂牌督办", "Listed supervision"),
    /** 提级督办 — escalated to the city centre, answered by the handler with the city watching. */
    ESCALATION("提级督办", "Escalation");

    private final String labelZh;
    private final String labelEn;
    private final String wireName;

    SupervisionKind(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.wireName = WireNames.of(this);
    }

    /** Wire name, e.g. {@code listed}. */
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

    /** Whether the record is an order (督办件): it has a deadline and waits for the handler's answer. */
    public boolean isOrder() {
        return this != REMINDER;
    }

    /** Parses a wire name (blanks and case ignored); empty for {@code null} or unknown. */
    public static Optional<SupervisionKind> fromWireName(String wireName) {
        return WireNames.lookup(values(), SupervisionKind::wireName, wireName);
    }
}
