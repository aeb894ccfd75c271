package org.gongzhi.core.grid;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) ⇄ JTS for grid boundaries: only {@code Polygon} and {@code MultiPolygon}
 * geometry objects with {@code [longitude, latitude]} positions (a third value, altitude, is
 * ignored). Rings must be closed and have at least four positions. Topological validity is
 * checked later by {@link GridNode}.
 */
public final class GeoJson {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJson() {
    }

    /**
     * Converts a GeoJSON geometry object to a JTS Polygon or MultiPolygon.
     *
     * @throws IllegalArgumentException with the JSON path of the problem for anything else
     */
    public static Geometry toGeometry(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("GeoJSON geometry must be an object");
        }
        String type = node.path("type").asText("");
        JsonNode coords = node.get("coordinates");
        if (coords == null || !coords.isArray()) {
            throw new IllegalArgumentException("GeoJSON " + type + ": 'coordinates' must be an array");
        }
        switch (type) {
            case "Polygon":
                return polygon(coords, "coordinates");
            case "MultiPolygon":
                Polygon[] polys = new Polygon[coords.size()];
                for (int i = 0; i < polys.length; i++) {
                    polys[i] = polygon(coords.get(i), "coordinates[" + i + "]");
                }
                if (polys.length == 0) {
                    throw new IllegalArgumentException("GeoJSON MultiPolygon: 'coordinates' must not be empty");
                }
                return FACTORY.createMultiPolygon(polys);
            default:
                throw new IllegalArgumentException("GeoJSON type must be Polygon or MultiPolygon, got '" + type + "'");
        }
    }

    private static Polygon polygon(JsonNode rings, String path) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("GeoJSON " + path + ": a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), path + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), path + "[" + i + "]");
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String path) {
        if (positions == null || !positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException("GeoJSON " + path + ": a ring needs at least 4 positions");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(positions.get(i), path + "[" + i + "]");
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("GeoJSON " + path + ": ring is not closed (first position != last)");
        }
        return FACTORY.createLinearRing(cs);
    }

    private static Coordinate position(JsonNode p, String path) {
        if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("GeoJSON " + path + ": a position must be [longitude, latitude]");
        }
        try {
            GeoPoint g = new GeoPoint(p.get(0).doubleValue(), p.get(1).doubleValue());
            return new Coordinate(g.longitude(), g.latitude());
        } catch (InvalidCoordinateException e) {
            throw new IllegalArgumentException("GeoJSON " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Converts a JTS Polygon or MultiPolygon to a GeoJSON geometry object.
     *
     * @throws IllegalArgumentException for other geometry types
     */
    public static ObjectNode toJson(Geometry g) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (g instanceof Polygon p) {
            out.put("type", "Polygon");
            out.set("coordinates", rings(p));
        } else if (g instanceof MultiPolygon mp) {
            out.put("type", "MultiPolygon");
            ArrayNode polys = out.putArray("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polys.add(rings((Polygon) mp.getGeometryN(i)));
            }
        } else {
            throw new IllegalArgumentException("only Polygon and MultiPolygon are supported, got "
                    + (g == null ? "null" : g.getGeometryType()));
        }
        return out;
    }

    /**
     * A district's grid boundaries as a GeoJSON FeatureCollection for a map: every node of
     * {@code tree} with a boundary at {@code level} ({@code null}: all levels), each feature with
     * {@code id} = its code and properties {@code code}, {@code name}, {@code nameEn} (when there is
     * one), {@code level} (lower case) and {@code parentCode} (but the root). No map tiles are
     * involved: the shapes are the map. The staff API and the resident page serve the same shape.
     *
     * @since 1.1
     */
    public static ObjectNode gridMap(GridTree tree, GridLevel level) {
        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (GridNode n : tree.all()) {
            if ((level != null && n.level() != level) || n.boundary().isEmpty()) {
                continue;
            }
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", n.code());
            ObjectNode properties = feature.putObject("properties");
            properties.put("code", n.code());
            properties.put("name", n.name());
            if (n.nameEn() != null) {
                properties.put("nameEn", n.nameEn());
            }
            properties.put("level", n.level().name().toLowerCase(Locale.ROOT));
            if (n.parentCode() != null) {
                properties.put("parentCode", n.parentCode());
            }
            feature.set("geometry", toJson(n.boundary().get()));
        }
        return collection;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode rings = JsonNodeFactory.instance.arrayNode();
        rings.add(positions(p.getExteriorRing()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(positions(p.getInteriorRingN(i)));
        }
        return rings;
    }

    private static ArrayNode positions(LineString ring) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Coordinate c : ring.getCoordinates()) {
            arr.addArray().add(c.x).add(c.y);
        }
        return arr;
    }
}
