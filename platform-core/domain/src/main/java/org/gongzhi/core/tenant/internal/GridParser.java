package org.gongzhi.core.tenant.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongzhi.core.grid.GeoJson;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.grid.GridTree;
import org.locationtech.jts.geom.Geometry;

/** Parses a grids file: a recursive {@code grid:} node with optional GeoJSON boundaries. */
public final class GridParser {

    private static final Set<String> KEYS = Set.of("code", "name", "nameEn", "level", "boundary", "children");

    private GridParser() {
    }

    public static GridTree parse(Field root) {
        root.requireObject(Set.of("grid"));
        Field top = root.get("grid");
        GridNode node = node(top, null, null, new HashSet<>());
        try {
            return new GridTree(node);
        } catch (IllegalArgumentException e) {
            throw top.error(e.getMessage(), e);
        }
    }

    private static GridNode node(Field f, String parentCode, GridLevel parentLevel, Set<String> codes) {
        f.requireObject(KEYS);
        String code = f.get("code").text(true);
        if (!codes.add(code)) {
            throw f.get("code").error("duplicate grid code \"" + code + "\"");
        }
        GridLevel level = f.get("level").parse(GridLevel::valueOf,
                "one of DISTRICT, STREET, COMMUNITY, GRID, BUILDING");
        if (parentLevel == null && level != GridLevel.DISTRICT) {
            throw f.get("level").error("the root grid must be at level DISTRICT, not " + level);
        }
        if (parentLevel != null && !parentLevel.isParentOf(level)) {
            throw f.get("level").error("grid " + code + " at level " + level + " cannot be a child of level "
                    + parentLevel + " (" + parentCode + ")");
        }
        Field b = f.get("boundary");
        Geometry boundary = null;
        if (!b.isMissing()) {
            try {
                boundary = GeoJson.toGeometry(b.node());
            } catch (IllegalArgumentException e) {
                throw b.error(e.getMessage(), e);
            }
        }
        List<GridNode> children = new ArrayList<>();
        for (Field c : f.get("children").elements()) {
            children.add(node(c, code, level, codes));
        }
        try {
            return new GridNode(code, f.get("name").text(true), f.get("nameEn").text(false), level, parentCode,
                    boundary, children);
        } catch (IllegalArgumentException e) {
            throw (boundary != null && e.getMessage().contains("boundary") ? b : f).error(e.getMessage(), e);
        }
    }
}
