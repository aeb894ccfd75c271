package org.gongzhi.core.tenant;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles people and department systems hold. The {@linkplain #id() id} is the Keycloak realm
 * role name and appears in tokens; every district realm has the district roles, the city realm
 * ({@code gongzhi-city}) has {@link #cityRoles() the city roles}: {@link #CITY_ADMIN}, the city
 * centre's {@link #CITY_DISPATCHER} and the city wall screen's {@link #SCREEN_VIEWER}.
 */
public enum Role {
    /** 区级管理员: the district's own administrator (plugins, reports, everything the dispatcher does). */
    DISTRICT_ADMIN("district-admin", "区级管理员"),
    /**
     * 综治中心调度员: runs the closed loop for the whole district, or, when the account carries grids
     * (a street/town or community/village centre), for the cases in or below those grids.
     */
    DISPATCHER("dispatcher", "调度员"),
    /** 网格员: reports and handles cases in the grids assigned to them. */
    GRID_WORKER("grid-worker", "网格员"),
    /** 部门处置人员 or a department system: sees and updates cases dispatched to its department. */
    DEPARTMENT_HANDLER("department-handler", "部门处置人员"),
    /** 调解员: works disputes (e.g. the old-man studios). */
    MEDIATOR("mediator", "调解员"),
    /** 社会工作者: works residents' needs (e.g. three-linked community work). */
    SOCIAL_WORKER("social-worker", "社工"),
    /** 居民: reports and rates their own cases. */
    RESIDENT("resident", "居民"),
    /** 大屏观看: a wall screen's read-only sign-in (figures, live events, the grid map); no case details. */
    SCREEN_VIEWER("screen-viewer", "大屏观看"),
    /** 市级管理员: manages districts and sees city-wide figures, never residents' personal data. */
    CITY_ADMIN("city-admin", "市级管理员"),
    /**
     * 市级调度员 (市级综治中心): sees every district's cases and may take any of them over (every step,
     * journaled as 市级接管 and audited). A city-realm role.
     *
     * @since 1.1
     */
    CITY_DISPATCHER("city-dispatcher", "市级调度员");

    private final String id;
    private final String label;

    Role(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The role name in Keycloak and in tokens, e.g. {@code grid-worker}. */
    public String id() {
        return id;
    }

    /** Chinese name, e.g. 网格员. */
    public String label() {
        return label;
    }

    /** The role with this id, if any. */
    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** The roles of a district realm (all but {@link #CITY_ADMIN} and {@link #CITY_DISPATCHER}). */
    public static Set<Role> districtRoles() {
        return EnumSet.complementOf(EnumSet.of(CITY_ADMIN, CITY_DISPATCHER));
    }

    /**
     * The roles of the city realm: {@link #CITY_ADMIN}, {@link #CITY_DISPATCHER} and
     * {@link #SCREEN_VIEWER} (the city's wall screen). A city account holds exactly one of them.
     */
    public static Set<Role> cityRoles() {
        return EnumSet.of(CITY_ADMIN, CITY_DISPATCHER, SCREEN_VIEWER);
    }
}
