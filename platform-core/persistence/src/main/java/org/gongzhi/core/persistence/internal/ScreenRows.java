package org.gongzhi.core.persistence.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.screen.DistrictScreen.DepartmentRow;
import org.gongzhi.core.service.screen.DistrictScreen.GridRow;
import org.gongzhi.core.service.screen.DistrictScreen.Grids;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The pure parts of the big screen's figures: rolling the open cases per grid path up the tree, ranking
 * the grids and ordering the departments. The database counts; these only add up and sort its groups.
 */
final class ScreenRows {

    private ScreenRows() {
    }

    /**
     * Open cases per grid node from the counts per {@code grid_path} ("district/street/community/grid[/building]"):
     * each path's count goes to its street, community and grid (a building's cases count for its grid; the
     * district itself is not listed). Nodes in the tree's order; nodes without an open case are left out,
     * and so are codes the district no longer defines.
     */
    static Map<String, Long> openByGrid(TenantDefinition tenant, Map<String, Long> byPath) {
        Map<String, Long> sums = new HashMap<>();
        byPath.forEach((path, count) -> {
            if (path == null || count == 0) {
                return;
            }
            String[] codes = path.split("/");
            for (int depth = GridLevel.STREET.depth(); depth <= GridLevel.GRID.depth() && depth < codes.length; depth++) {
                if (!codes[depth].isEmpty()) {
                    sums.merge(codes[depth], count, Long::sum);
                }
            }
        });
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (GridNode node : tenant.grids().all()) {
            Long n = sums.get(node.code());
            if (n != null && node.level().depth() >= GridLevel.STREET.depth() && node.level().depth() <= GridLevel.GRID.depth()) {
                ordered.put(node.code(), n);
            }
        }
        return ordered;
    }

    /**
     * The top and bottom {@code n} of the grids with a case due: highest (lowest) closure rate first, ties
     * broken by more cases due, then by the tree's order; a grid is in {@code bottom} only if it is not in
     * {@code top}. {@code rows} in the tree's order.
     */
    static Grids rank(List<GridRow> rows, int n) {
        List<GridRow> ranked = rows.stream().filter(r -> r.due() > 0 && r.closureRate() != null).toList();
        Map<String, Integer> order = new HashMap<>();
        for (GridRow r : ranked) {
            order.putIfAbsent(r.code(), order.size());
        }
        Comparator<GridRow> byDueThenTree = Comparator.comparingLong(GridRow::due).reversed()
                .thenComparing(r -> order.get(r.code()));
        List<GridRow> top = ranked.stream()
                .sorted(Comparator.comparing(GridRow::closureRate).reversed().thenComparing(byDueThenTree))
                .limit(n).toList();
        Set<String> inTop = new HashSet<>();
        top.forEach(r -> inTop.add(r.code()));
        List<GridRow> bottom = ranked.stream().filter(r -> !inTop.contains(r.code()))
                .sorted(Comparator.comparing(GridRow::closureRate).thenComparing(byDueThenTree))
                .limit(n).toList();
        return new Grids(top, bottom);
    }

    /** Departments with most open cases first, then most overdue, then in the district's order. */
    static List<DepartmentRow> departments(TenantDefinition tenant, List<DepartmentRow> rows) {
        Map<String, Integer> order = new HashMap<>();
        tenant.departments().forEach(d -> order.putIfAbsent(d.code(), order.size()));
        List<DepartmentRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(DepartmentRow::open).reversed()
                .thenComparing(Comparator.comparingLong(DepartmentRow::overdue).reversed())
                .thenComparing(r -> order.getOrDefault(r.code(), Integer.MAX_VALUE))
                .thenComparing(DepartmentRow::code));
        return sorted;
    }
}
