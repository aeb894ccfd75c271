package org.gongzhi.plugins.threecolour.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The three Jizhou triage tiers (简易 / 需协调 / 重点难点) and the traffic-light colour each case of
 * the tier shows: green, yellow, red, an urgency signal (not the article's red/green/blue pillars).
 */
enum Tier {
    /** 简易问题: the grid worker handles it personally (自办自结) within 2 hours. */
    SIMPLE("simple", "简易问题", "green", "绿"),
    /** 需协调问题: point-to-point to the functional department, copied to the district competent department. */
    COORDINATION("coordination", "需协调问题", "yellow", "黄"),
    /** 重点难点问题: department consultation (会商) with a lead and co-responsible departments. */
    DIFFICULT("difficult", "重点难点问题", "red", "红");

    private final String wireName;
    private final String nameZh;
    private final String colour;
    private final String colourZh;

    Tier(String wireName, String nameZh, String colour, String colourZh) {
        this.wireName = wireName;
        this.nameZh = nameZh;
        this.colour = colour;
        this.colourZh = colourZh;
    }

    /** {@code simple}, {@code coordination} or {@code difficult}, as in {@code TriageDecision#tier}. */
    String wireName() {
        return wireName;
    }

    /** {@code green}, {@code yellow} or {@code red}. */
    String colour() {
        return colour;
    }

    /** e.g. {@code 红·重点难点问题}. */
    String colourLabel() {
        return colourZh + "·" + nameZh;
    }

    /** The tier of a wire name (letter case and blanks ignored); empty for null or unknown. */
    static Optional<Tier> fromWireName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Tier t : values()) {
            if (t.wireName.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
