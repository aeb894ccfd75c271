package org.gongzhi.core.service.screen;

import java.util.Locale;
import java.util.Optional;
import org.gongzhi.core.casework.WireNames;

/**
 * A district centre's operating mode (平时/战时, seed 004): in wartime the centre is the command post
 * and the district's emergency plan applies to new cases. Wire names {@code normal}, {@code wartime}.
 */
public enum OperatingMode {
    /** 平时: the normal rules. */
    NORMAL("平时", "Normal"),
    /** 战时: the emergency plan; the centre is the command post (指挥部). */
    WARTIME("战时", "Wartime");

    private final String labelZh;
    private final String labelEn;

    OperatingMode(String labelZh, String labelEn) {
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

    /** Parses a wire name (blanks and case ignored); empty for {@code null} or unknown. */
    public static Optional<OperatingMode> fromWireName(String wireName) {
        return WireNames.lookup(values(), OperatingMode::wireName, wireName);
    }
}
