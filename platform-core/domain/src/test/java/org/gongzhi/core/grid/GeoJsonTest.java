package org.gongzhi.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

public class GeoJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    public void polygonWithHole() throws Exception {
        Geometry g = GeoJson.toGeometry(json("{'type':'Polygon','coordinates':[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                + "[[2,2],[3,2],[3,3],[2,3],[2,2]]]}"));
        assertThat(g).isInstanceOf(Polygon.class);
        assertThat(((Polygon) g).getNumInteriorRing()).isEqualTo(1);
        assertThat(g.getArea()).isEqualTo(99.0);
        assertThat(g.getCoordinates()[1].x).isEqualTo(10.0); // x is the longitude
    }

    @Test
    public void multiPolygonAndAltitude() throws Exception {
        Geometry g = GeoJson.toGeometry(json("{'type':'MultiPolygon','coordinates':[[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]],"
                + "[[[5,5],[6,5],[6,6],[5,5]]]]}"));
        assertThat(g).isInstanceOf(MultiPolygon.class);
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.getArea()).isEqualTo(1.0);
    }

    @Test
    public void roundTrip() throws Exception {
        JsonNode in = json("{'type':'Polygon','coordinates':[[[115.89,28.67],[115.91,28.67],[115.91,28.69],[115.89,28.67]]]}");
        assertThat(GeoJson.toJson(GeoJson.toGeometry(in))).isEqualTo(in);
    }

    @Test
    public void clearErrors() {
        assertThatThrownBy(() -> GeoJson.toGeometry(json("{'type':'Point','coordinates':[1,2]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Polygon or MultiPolygon")
                .hasMessageContaining("'Point'");
        assertThatThrownBy(() -> GeoJson.toGeometry(json("{'type':'Polygon'}")))
                .hasMessageContaining("'coordinates' must be an array");
        assertThatThrownBy(() -> GeoJson.toGeometry(json("{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],[0,1]]]}")))
                .hasMessageContaining("coordinates[0]").hasMessageContaining("not closed");
        assertThatThrownBy(() -> GeoJson.toGeometry(json("{'type':'Polygon','coordinates':[[[0,0],[1,0],[0,0]]]}")))
                .hasMessageContaining("at least 4 positions");
        assertThatThrownBy(() -> GeoJson.toGeometry(json("{'type':'Polygon','coordinates':[[[0,0],['a',0],[1,1],[0,0]]]}")))
                .hasMessageContaining("coordinates[0][1]");
        assertThatThrownBy(() -> GeoJson.toGeometry(json("{'type':'Polygon','coordinates':[[[0,0],[0,95],[1,1],[0,0]]]}")))
                .hasMessageContaining("coordinates[0][1]").hasMessageContaining("latitude");
        assertThatThrownBy(() -> GeoJson.toGeometry(json("[1,2]"))).hasMessageContaining("object");
    }
}
