package org.gongzhi.core.casework;

import java.util.Optional;

/**
 * The three case families counted in district statistics (Donghu: city management ·
 * livelihood services · comprehensive governance). A category code starts with the family's
 * two-letter prefix, e.g. {@code CM0101}.
 */
public enum CategoryFamily {
    /** 城市管理 — prefix {@code CM}. */
    CITY_MANAGEMENT("CM", "城市管理", "City management"),
    /** 民生服务 — prefix {@code LS}. */
    LIVELIHOOD("LS", "民生服务", "Livelihood services"),
    /** 综合治理 — prefix {@code CG}. */
    COMPREHENSIVE_GOVERNANCE("CG", "综合治理", "Comprehensive governance");

    private final String prefix;
    private final String labelZh;
    private final String labelEn;

    CategoryFamily(String prefix, String labelZh, String labelEn) {
        this.prefix = prefix;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** Two-letter code prefix, e.g. {@code CM}. */
    public String prefix() {
        return prefix;
    }

    /** Chinese label. */
    public String labelZh() {
        return labelZh;
    }

    /** English label. */
    public String labelEn() {
        return labelEn;
    }

    /**
     * The family of a category code, by its (case-sensitive) two-letter prefix.
     * Does not validate the rest of the code.
     *
     * @return the family, or empty for {@code null} or an unknown prefix
     */
    public static Optional<CategoryFamily> fromCode(String categoryCode) {
        if (categoryCode == null) {
            return Optional.empty();
        }
        for (CategoryFamily f : values()) {
            if (categoryCode.startsWith(f.prefix)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
