package org.gongzhi.core.persistence.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The subtrees of some grid nodes, as a condition on a case's {@code grid_path}
 * ("district/street/community/grid[/building]"): the node itself or anything below it. A code no longer in the
 * tenant's tree contributes nothing, so an area of unknown codes matches no case.
 */
final class GridArea {

    /** Each node's path: a case matches when its path equals one or starts with it and a slash. */
    private final List<String> paths;

    private GridArea(List<String> paths) {
        this.paths = paths;
    }

    static GridArea of(TenantDefinition tenant, Collection<String> codes) {
        List<String> paths = new ArrayList<>();
        for (String code : codes) {
            List<GridNode> path = tenant.grids().pathTo(code);
            if (!path.isEmpty()) {
                paths.add(path.stream().map(GridNode::code).collect(Collectors.joining("/")));
            }
        }
        return new GridArea(List.copyOf(paths));
    }

    /** Whether no node of the area is in the tenant's tree (the area matches no case). */
    boolean isEmpty() {
        return paths.isEmpty();
    }

    /**
     * HQL over {@code alias.gridPath}, with named parameters {@code <name>N} and {@code <name>PrefixN} put in
     * {@code params}; "1 = 0" for an area without a known node.
     */
    String hql(String alias, String name, Map<String, Object> params) {
        if (paths.isEmpty()) {
            return "1 = 0";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            alternatives.add(alias + ".gridPath = :" + name + i + " or " + alias + ".gridPath like :" + name + "Prefix" + i);
            params.put(name + i, paths.get(i));
            params.put(name + "Prefix" + i, paths.get(i) + "/%");
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /** SQL over {@code column} with one {@code ?} per value of {@link #sqlValues}, in order. */
    String sql(String column) {
        if (paths.isEmpty()) {
            return "1 = 0";
        }
        return "(" + paths.stream().map(p -> column + " = ? or " + column + " like ?")
                .collect(Collectors.joining(" or ")) + ")";
    }

    /** The values of {@link #sql}'s placeholders. */
    List<String> sqlValues() {
        List<String> values = new ArrayList<>();
        for (String p : paths) {
            values.add(p);
            values.add(p + "/%");
        }
        return values;
    }
}
