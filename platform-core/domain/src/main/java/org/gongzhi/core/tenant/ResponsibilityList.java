package org.gongzhi.core.tenant;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.core.grid.GridTree;
import org.gongzhi.core.service.ValidationException;

/**
 * A district's responsibility list (责任清单 / 派单目录, Nanchang's all-subject grid): category, optionally
 * by grid area → lead department, co-handling departments, tier. Registration proposes the dispatch from
 * it; with {@code autoDispatch} the proposal is dispatched at once (ADR 0033).
 *
 * @param autoDispatch whether registration dispatches the proposal itself (自动派单)
 * @param entries      the lines; at most one per category and grid
 * @since 1.4
 */
public record ResponsibilityList(boolean autoDispatch, List<Responsibility> entries) {

    /** The most lines a list may hold. */
    public static final int MAX_ENTRIES = 2000;
    /** The most co-handling departments of one line. */
    public static final int MAX_CO_DEPARTMENTS = 10;

    /** No lines, no auto-dispatch: every dispatch is named by hand. */
    public static final ResponsibilityList EMPTY = new ResponsibilityList(false, List.of());

    /** Copies the lines. */
    public ResponsibilityList {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * The line for a case of {@code categoryCode} in grid path {@code gridPath}: the most specific one —
     * the deepest grid area first (a line for the whole district last), then a leaf category before its
     * major category.
     */
    public Optional<Responsibility> route(String categoryCode, String gridPath) {
        List<String> path = gridPath == null ? List.of() : List.of(gridPath.split("/"));
        return entries.stream().filter(e -> e.covers(categoryCode, gridPath))
                .max(Comparator.<Responsibility>comparingInt(e -> e.gridCode() == null ? -1 : path.indexOf(e.gridCode()))
                        .thenComparingInt(e -> e.categoryCode().length()));
    }

    /**
     * Checks the list against the district: categories, grids and departments exist, no line repeats a
     * category and grid, co-handling departments differ from the lead and each other.
     *
     * @throws ValidationException naming the field, e.g. {@code entries[3].leadDepartment}
     */
    public void check(List<DepartmentDefinition> departments, List<CategoryDefinition> categories, GridTree grids) {
        if (entries.size() > MAX_ENTRIES) {
            throw new ValidationException("entries", "责任清单最多 " + MAX_ENTRIES + " 条 (at most " + MAX_ENTRIES + " entries)");
        }
        Set<String> codes = new HashSet<>();
        departments.forEach(d -> codes.add(d.code()));
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Responsibility e = entries.get(i);
            String at = "entries[" + i + "].";
            if (e == null) {
                throw new ValidationException("entries[" + i + "]", "必填项 (required)");
            }
            if (e.categoryCode() == null || categories.stream().noneMatch(c -> c.code().equals(e.categoryCode()))) {
                throw new ValidationException(at + "categoryCode", "本区没有该事件分类 (unknown category): " + e.categoryCode());
            }
            if (e.gridCode() != null && grids.find(e.gridCode()).isEmpty()) {
                throw new ValidationException(at + "gridCode", "本区没有该网格 (unknown grid): " + e.gridCode());
            }
            if (e.leadDepartment() == null || !codes.contains(e.leadDepartment())) {
                throw new ValidationException(at + "leadDepartment", "本区没有该部门 (unknown department): " + e.leadDepartment());
            }
            if (e.coDepartments().size() > MAX_CO_DEPARTMENTS) {
                throw new ValidationException(at + "coDepartments", "协办部门最多 " + MAX_CO_DEPARTMENTS
                        + " 个 (at most " + MAX_CO_DEPARTMENTS + ")");
            }
            Set<String> co = new HashSet<>();
            for (String d : e.coDepartments()) {
                if (d == null || !codes.contains(d)) {
                    throw new ValidationException(at + "coDepartments", "本区没有该部门 (unknown department): " + d);
                }
                if (d.equals(e.leadDepartment()) || !co.add(d)) {
                    throw new ValidationException(at + "coDepartments",
                            "协办部门不能与牵头部门相同或重复 (a co-handling department repeats or equals the lead): " + d);
                }
            }
            if (!lines.add(e.categoryCode() + "@" + e.gridCode())) {
                throw new ValidationException(at + "categoryCode", "同一分类与网格只能有一条 (one entry per category and grid): "
                        + e.categoryCode() + (e.gridCode() == null ? "" : " @ " + e.gridCode()));
            }
        }
    }
}
