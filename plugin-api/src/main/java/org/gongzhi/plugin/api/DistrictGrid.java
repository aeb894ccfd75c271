package org.gongzhi.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * One node of a district's grid tree (网格树), as {@link DistrictFacts} gives it to plugins.
 *
 * @param code       unique in the district, e.g. {@code 360802001001001}
 * @param name       Chinese name, e.g. 阳明小区网格
 * @param nameEn     English name, may be null
 * @param level      {@value #DISTRICT}, {@value #STREET}, {@value #COMMUNITY}, {@value #GRID} or
 *                   {@value #BUILDING}, each one level below the one before
 * @param parentCode the parent's code, null for the district itself (the root)
 * @param childCodes the direct children's codes in the district's order, empty for a leaf
 * @since 1.3
 */
public record DistrictGrid(String code, String name, String nameEn, String level, String parentCode,
                           List<String> childCodes) {

    /** 区县: the root, the district itself. */
    public static final String DISTRICT = "district";
    /** 街道/镇. */
    public static final String STREET = "street";
    /** 社区/村. */
    public static final String COMMUNITY = "community";
    /** 网格. */
    public static final String GRID = "grid";
    /** 楼栋/村组. */
    public static final String BUILDING = "building";

    public DistrictGrid {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        childCodes = childCodes == null ? List.of() : List.copyOf(childCodes);
    }
}
