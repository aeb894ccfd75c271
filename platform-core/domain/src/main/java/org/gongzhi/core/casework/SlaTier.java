package org.gongzhi.core.casework;

import java.util.Locale;
import java.util.Optional;

/**
 * Time-limit tier of a case (分级处置, the Jizhou triage). The durations are defaults; the tenant's
 * {@code org.gongzhi.core.calendar.SlaPolicy} holds the values actually used and
 * {@code org.gongzhi.core.calendar.SlaClock} computes due instants.
 * Wire names: {@code simple}, {@code coordination}, {@code difficult}.
 */
public enum SlaTier {
    /** 简单事项 — handled by the grid worker personally; default 2 hours (wall clock). */
    SIMPLE("简单事项", "Simple"),
    /** 协调事项 — pushed to the functional department; default 5 working days. */
    COORDINATION("协调事项", "Needs coordination"),
    /** 重点难点事项 — department consultation (会商) with a lead department; default 15 working days. */
    DIFFICULT("重点难点事项", "Key/difficult");

    private final String labelZh;
    private final String labelEn;

    SlaTier(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** Wire name: the constant name in lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Chinese label. */
    public String labelZh() {
        return labelZh;
    }

    /** English label. */
    public String labelEn() {
        return labelEn;
    }

    /** {@code true} for {@link #SIMPLE}: measured in wall-clock hours, not working days. */
    public boolean isHourBased() {
        return this == SIMPLE;
    }

    /** Parses a wire name (blanks and case ignored); empty for {@code null} or unknown. */
    public static Optional<SlaTier> fromWireName(String wireName) {
        return WireNames.lookup(values(), SlaTier::wireName, wireName);
    }
}
