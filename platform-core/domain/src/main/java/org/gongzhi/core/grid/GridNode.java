package org.gongzhi.core.grid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * One node of a grid hierarchy (网格节点): a district, street, community, grid or building.
 * Immutable once built; the boundary, when present, is a valid Polygon or MultiPolygon in
 * [longitude, latitude] order, copied on construction (callers must not modify the returned one).
 * Nesting rules (levels, parent codes, unique codes) are checked by {@link GridTree}.
 *
 * <p>Jackson: (de)serialised as {@code code, name, nameEn, level, parentCode, boundary (GeoJSON),
 * children}; a child read without {@code parentCode} gets its parent's code.
 */
@JsonPropertyOrder({"code", "name", "nameEn", "level", "parentCode", "boundary", "children"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class GridNode {

    private final String code;
    private final String name;
    private final String nameEn;
    private final GridLevel level;
    private final String parentCode;
    private final Geometry boundary;
    private final List<GridNode> children;

    /**
     * @param code       unique code within the tenant (usually the administrative code, e.g. {@code 360102001})
     * @param name       Chinese name
     * @param nameEn     English name, may be {@code null}
     * @param level      level in the hierarchy
     * @param parentCode code of the parent node, {@code null} for a root
     * @param boundary   Polygon or MultiPolygon, may be {@code null}
     * @param children   direct children, may be {@code null} (none)
     * @throws IllegalArgumentException naming the code when a value is missing or the boundary is not a valid polygon
     */
    public GridNode(String code, String name, String nameEn, GridLevel level, String parentCode,
                    Geometry boundary, List<GridNode> children) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("grid code must not be blank");
        }
        this.code = code;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("grid '" + code + "': name must not be blank");
        }
        this.name = name;
        this.nameEn = nameEn;
        this.level = Objects.requireNonNull(level, () -> "grid '" + code + "': level must not be null");
        this.parentCode = parentCode;
        this.boundary = boundary == null ? null : checkedBoundary(code, boundary);
        this.children = children == null ? List.of() : List.copyOf(children);
    }

    /** Convenience for a node without boundary. */
    public GridNode(String code, String name, GridLevel level, String parentCode, List<GridNode> children) {
        this(code, name, null, level, parentCode, null, children);
    }

    @JsonCreator
    private static GridNode fromJson(@JsonProperty("code") String code, @JsonProperty("name") String name,
                                     @JsonProperty("nameEn") String nameEn, @JsonProperty("level") GridLevel level,
                                     @JsonProperty("parentCode") String parentCode,
                                     @JsonProperty("boundary") JsonNode boundary,
                                     @JsonProperty("children") List<GridNode> children) {
        List<GridNode> kids = children == null ? List.of() : children.stream()
                .map(c -> c.parentCode == null ? c.withParentCode(code) : c).toList();
        Geometry g = boundary == null || boundary.isNull() ? null : GeoJson.toGeometry(boundary);
        return new GridNode(code, name, nameEn, level, parentCode, g, kids);
    }

    /** A copy of this node with another parent code (children are shared). */
    public GridNode withParentCode(String newParentCode) {
        return new GridNode(code, name, nameEn, level, newParentCode, boundary, children);
    }

    private static Geometry checkedBoundary(String code, Geometry g) {
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            throw new IllegalArgumentException("grid '" + code + "': boundary must be a non-empty Polygon or MultiPolygon, got "
                    + g.getGeometryType());
        }
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            throw new IllegalArgumentException("grid '" + code + "': boundary is not a valid polygon: " + err);
        }
        return g.copy();
    }

    /** Unique code. */
    @JsonProperty("code")
    public String code() {
        return code;
    }

    /** Chinese name. */
    @JsonProperty("name")
    public String name() {
        return name;
    }

    /** English name, or {@code null}. */
    @JsonProperty("nameEn")
    public String nameEn() {
        return nameEn;
    }

    /** Level. */
    @JsonProperty("level")
    public GridLevel level() {
        return level;
    }

    /** Parent code, or {@code null} for a root. */
    @JsonProperty("parentCode")
    public String parentCode() {
        return parentCode;
    }

    /** Boundary, if any; treat as read-only. */
    @JsonIgnore
    public Optional<Geometry> boundary() {
        return Optional.ofNullable(boundary);
    }

    @JsonProperty("boundary")
    private JsonNode boundaryGeoJson() {
        return boundary == null ? null : GeoJson.toJson(boundary);
    }

    /** Direct children (unmodifiable, in file order). */
    @JsonProperty("children")
    public List<GridNode> children() {
        return children;
    }

    /** {@code true} when the node has no children. */
    @JsonIgnore
    public boolean isLeaf() {
        return children.isEmpty();
    }

    @Override
    public String toString() {
        return "GridNode[" + code + " " + name + " " + level + "]";
    }
}
