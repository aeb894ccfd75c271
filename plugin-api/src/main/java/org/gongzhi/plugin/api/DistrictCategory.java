package org.gongzhi.plugin.api;

import java.util.Objects;

/**
 * One event category (事件分类) of a district, as {@link DistrictFacts} gives it to plugins.
 *
 * @param code           e.g. {@code CM0101} (a minor, 小类) or {@code CM01} (a major, 大类)
 * @param name           Chinese name, e.g. 暴露垃圾
 * @param nameEn         English name, may be null
 * @param family         {@value #CITY_MANAGEMENT}, {@value #LIVELIHOOD} or {@value #COMPREHENSIVE_GOVERNANCE}
 * @param parentCode     the major's code for a minor, null for a major
 * @param tier           the category's own tier ({@code simple}, {@code coordination}, {@code difficult}); null for a major that is not a leaf
 * @param departmentKind kind of the department that handles it by default, e.g. {@code CITY_MANAGEMENT}; null for a major that is not a leaf
 * @param leaf           whether cases are filed under this code
 * @since 1.3
 */
public record DistrictCategory(String code, String name, String nameEn, String family, String parentCode, String tier,
                               String departmentKind, boolean leaf) {

    /** Family 城市管理 (codes {@code CM…}). */
    public static final String CITY_MANAGEMENT = "CITY_MANAGEMENT";
    /** Family 民生服务 (codes {@code LS…}). */
    public static final String LIVELIHOOD = "LIVELIHOOD";
    /** Family 综合治理 (codes {@code CG…}). */
    public static final String COMPREHENSIVE_GOVERNANCE = "COMPREHENSIVE_GOVERNANCE";

    public DistrictCategory {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
    }
}
