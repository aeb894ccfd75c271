package org.gongzhi.core.grid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable, validated grid hierarchy (网格树) with point → grid lookup. Thread-safe.
 *
 * <p>Validation: codes are unique; each child is exactly one {@link GridLevel} deeper than its
 * parent and names the parent in {@link GridNode#parentCode()}. Any level may be the root.
 * Jackson: (de)serialised as its root node.
 */
public final class GridTree {

    private record Indexed(GridNode node, PreparedGeometry prepared, int order) {
    }

    private final GridNode root;
    private final Map<String, GridNode> byCode;
    private final List<GridNode> all;
    private final STRtree index = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * Builds the tree from its root.
     *
     * @throws IllegalArgumentException naming the offending code on a duplicate code, a bad level or a wrong parent code
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public GridTree(GridNode root) {
        this.root = Objects.requireNonNull(root, "root");
        Map<String, GridNode> codes = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        Deque<GridNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            GridNode n = stack.pop();
            if (codes.putIfAbsent(n.code(), n) != null) {
                throw new IllegalArgumentException("duplicate grid code '" + n.code() + "'");
            }
            positions.put(n.code(), positions.size());
            for (GridNode c : n.children()) {
                if (!n.level().isParentOf(c.level())) {
                    throw new IllegalArgumentException("grid '" + c.code() + "': level " + c.level()
                            + " cannot be a child of " + n.level() + " '" + n.code() + "'");
                }
                if (!n.code().equals(c.parentCode())) {
                    throw new IllegalArgumentException("grid '" + c.code() + "': parentCode is '" + c.parentCode()
                            + "' but it is a child of '" + n.code() + "'");
                }
            }
            List<GridNode> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.all = List.copyOf(codes.values());
        PreparedGeometryFactory prep = new PreparedGeometryFactory();
        for (GridNode n : codes.values()) {
            n.boundary().ifPresent(b -> index.insert(b.getEnvelopeInternal(),
                    new Indexed(n, prep.create(b), positions.get(n.code()))));
        }
        index.build();
    }

    /** The root node. */
    @JsonValue
    public GridNode root() {
        return root;
    }

    /** The node with this code. */
    public Optional<GridNode> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** All nodes in pre-order (root first, children in file order); unmodifiable. */
    public List<GridNode> all() {
        return all;
    }

    /** Number of nodes. */
    public int size() {
        return byCode.size();
    }

    /** Nodes from the root down to the node with {@code code} inclusive; empty if the code is unknown. */
    public List<GridNode> pathTo(String code) {
        List<GridNode> path = new ArrayList<>();
        GridNode n = find(code).orElse(null);
        while (n != null) {
            path.add(n);
            n = n == root ? null : byCode.get(n.parentCode());
        }
        Collections.reverse(path);
        return Collections.unmodifiableList(path);
    }

    /** Codes of the node and all its descendants, pre-order; empty if the code is unknown. */
    public List<String> descendantCodes(String code) {
        List<String> out = new ArrayList<>();
        find(code).ifPresent(start -> {
            Deque<GridNode> stack = new ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                GridNode n = stack.pop();
                out.add(n.code());
                for (int i = n.children().size() - 1; i >= 0; i--) {
                    stack.push(n.children().get(i));
                }
            }
        });
        return Collections.unmodifiableList(out);
    }

    /**
     * The deepest node whose boundary covers {@code p} (a point on a boundary edge counts as
     * inside). Nodes without a boundary never match themselves but do not hide their
     * descendants. When several nodes at the same depth cover the point (shared edges), the first
     * in pre-order wins. Lookup uses an STR-tree of prepared geometries.
     *
     * @return the node, or empty when the point is outside every boundary
     */
    public Optional<GridNode> locate(GeoPoint p) {
        Objects.requireNonNull(p, "p");
        Point pt = factory.createPoint(new Coordinate(p.longitude(), p.latitude()));
        Indexed best = null;
        for (Object o : index.query(new Envelope(pt.getCoordinate()))) {
            Indexed c = (Indexed) o;
            if (!c.prepared().covers(pt)) {
                continue;
            }
            if (best == null || c.node().level().depth() > best.node().level().depth()
                    || (c.node().level() == best.node().level() && c.order() < best.order())) {
                best = c;
            }
        }
        return Optional.ofNullable(best).map(Indexed::node);
    }
}
