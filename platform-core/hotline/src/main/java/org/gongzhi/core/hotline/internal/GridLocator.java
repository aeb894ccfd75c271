package org.gongzhi.core.hotline.internal;

import java.util.List;
import java.util.Optional;

import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.grid.GridTree;
import org.gongzhi.core.tenant.HotlineMapping;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Finds a ticket's grid, in this order: its grid code (which must exist); its coordinates (the
 * deepest grid covering them, below the district); the district's {@code hotline.yaml} places;
 * a street or community of the grid tree with that very name; the district itself when only the
 * coordinates fell inside it. Otherwise the ticket is refused naming the most specific field given.
 */
final class GridLocator {

    private final GridTree grids;
    private final HotlineMapping mapping;

    GridLocator(TenantDefinition tenant) {
        this.grids = tenant.grids();
        this.mapping = tenant.hotline();
    }

    /** The grid code of the ticket. */
    String locate(String gridCode, GeoPoint point, String street, String community) throws RowRejected {
        if (gridCode != null) {
            if (grids.find(gridCode).isEmpty()) {
                throw new RowRejected(TicketField.GRID_CODE, "本区没有该网格 (unknown grid): " + gridCode);
            }
            return gridCode;
        }
        Optional<GridNode> located = point == null ? Optional.empty() : grids.locate(point);
        if (located.isPresent() && located.get().level() != GridLevel.DISTRICT) {
            return located.get().code();
        }
        Optional<String> named = mapping.gridFor(street, community).or(() -> byName(street, community));
        if (named.isPresent()) {
            return named.get();
        }
        if (located.isPresent()) {
            return located.get().code();
        }
        if (community != null || street != null) {
            String place = (street == null ? "" : street) + (street != null && community != null ? "/" : "")
                    + (community == null ? "" : community);
            throw new RowRejected(community != null ? TicketField.COMMUNITY : TicketField.STREET,
                    "街道/社区「" + place + "」无法对应本区网格，请在 hotline.yaml 中配置"
                            + (point != null ? "，坐标也不在本区范围内" : "")
                            + " (street/community maps to no grid of the district; add it to hotline.yaml)");
        }
        if (point != null) {
            throw new RowRejected(TicketField.LONGITUDE, "坐标不在本区网格范围内 (the coordinates are outside the district)");
        }
        throw new RowRejected(TicketField.GRID_CODE, "无法定位网格：请提供网格编码、经纬度或街道/社区"
                + " (cannot locate a grid: give a grid code, coordinates or the street/community)");
    }

    /** A community of the tree with this name (inside the named street, if any), else a street with the street name. */
    private Optional<String> byName(String street, String community) {
        Optional<GridNode> streetNode = unique(GridLevel.STREET, street, grids.root().code());
        if (community != null) {
            Optional<GridNode> c = unique(GridLevel.COMMUNITY, community,
                    streetNode.map(GridNode::code).orElse(grids.root().code()));
            if (c.isPresent()) {
                return c.map(GridNode::code);
            }
        }
        return streetNode.map(GridNode::code);
    }

    private Optional<GridNode> unique(GridLevel level, String name, String under) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = HotlineMapping.normalise(name);
        List<String> inside = grids.descendantCodes(under);
        List<GridNode> matches = grids.all().stream()
                .filter(n -> n.level() == level && HotlineMapping.normalise(n.name()).equals(wanted))
                .filter(n -> inside.contains(n.code())).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
