package org.gongzhi.core.grid;

import java.util.Optional;

/**
 * Level of a node in a district's grid hierarchy (网格层级). A child node must be exactly one
 * level deeper than its parent.
 */
public enum GridLevel {
    /** 区县 — depth 0, the tenant itself. */
    DISTRICT("区县", "District/county"),
    /** 街道/镇 — depth 1. */
    STREET("街道/镇", "Street/town"),
    /** 社区/村 — depth 2. */
    COMMUNITY("社区/村", "Community/village"),
    /** 网格 — depth 3. */
    GRID("网格", "Grid"),
    /** 楼栋/村组 — depth 4. */
    BUILDING("楼栋/村组", "Building/village group");

    private final String labelZh;
    private final String labelEn;

    GridLevel(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** 0 for {@link #DISTRICT} … 4 for {@link #BUILDING}. */
    public int depth() {
        return ordinal();
    }

    /** Chinese label. */
    public String labelZh() {
        return labelZh;
    }

    /** English label. */
    public String labelEn() {
        return labelEn;
    }

    /** Whether {@code child} may be a direct child of this level (exactly one level deeper). */
    public boolean isParentOf(GridLevel child) {
        return child != null && child.depth() == depth() + 1;
    }

    /** The level one deeper, empty for {@link #BUILDING}. */
    public Optional<GridLevel> childLevel() {
        int d = depth() + 1;
        return d < values().length ? Optional.of(values()[d]) : Optional.empty();
    }
}
