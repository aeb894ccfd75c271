package org.gongzhi.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

public class GridTreeTest {

    private static final GeometryFactory GF = new GeometryFactory();

    static Geometry box(double x1, double y1, double x2, double y2) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y1),
            new Coordinate(x2, y2), new Coordinate(x1, y2), new Coordinate(x1, y1)});
    }

    /** District (box) → street A (box) → community A1 (box) → grids A1a, A1b (boxes sharing x = 5); street B (no boundary) → community B1 (box). */
    static GridTree sample() {
        GridNode a1a = new GridNode("A1a", "甲一网格", "Grid A1a", GridLevel.GRID, "A1", box(0, 0, 5, 5), List.of());
        GridNode a1b = new GridNode("A1b", "甲二网格", null, GridLevel.GRID, "A1", box(5, 0, 10, 5), List.of());
        GridNode a1 = new GridNode("A1", "甲社区", null, GridLevel.COMMUNITY, "A", box(0, 0, 10, 10), List.of(a1a, a1b));
        GridNode a = new GridNode("A", "甲街道", null, GridLevel.STREET, "D", box(0, 0, 20, 20), List.of(a1));
        GridNode b1 = new GridNode("B1", "乙社区", null, GridLevel.COMMUNITY, "B", box(30, 30, 40, 40), List.of());
        GridNode b = new GridNode("B", "乙镇", GridLevel.STREET, "D", List.of(b1));
        GridNode d = new GridNode("D", "区", "District", GridLevel.DISTRICT, null, box(0, 0, 50, 50), List.of(a, b));
        return new GridTree(d);
    }

    private final GridTree tree = sample();

    private String locate(double lon, double lat) {
        return tree.locate(new GeoPoint(lon, lat)).map(GridNode::code).orElse(null);
    }

    @Test
    public void navigation() {
        assertThat(tree.root().code()).isEqualTo("D");
        assertThat(tree.size()).isEqualTo(7);
        assertThat(tree.all()).extracting(GridNode::code).containsExactly("D", "A", "A1", "A1a", "A1b", "B", "B1");
        assertThat(tree.find("A1b")).map(GridNode::level).contains(GridLevel.GRID);
        assertThat(tree.find("nope")).isEmpty();
        assertThat(tree.pathTo("A1b")).extracting(GridNode::code).containsExactly("D", "A", "A1", "A1b");
        assertThat(tree.pathTo("D")).extracting(GridNode::code).containsExactly("D");
        assertThat(tree.pathTo("nope")).isEmpty();
        assertThat(tree.descendantCodes("A")).containsExactly("A", "A1", "A1a", "A1b");
        assertThat(tree.descendantCodes("B1")).containsExactly("B1");
        assertThat(tree.descendantCodes("nope")).isEmpty();
        assertThat(tree.find("A1").orElseThrow().children()).hasSize(2);
    }

    @Test
    public void locateFindsTheDeepestNode() {
        assertThat(locate(2, 2)).isEqualTo("A1a");
        assertThat(locate(7, 2)).isEqualTo("A1b");
        assertThat(locate(7, 7)).isEqualTo("A1");
        assertThat(locate(15, 15)).isEqualTo("A");
        assertThat(locate(45, 5)).isEqualTo("D");
    }

    @Test
    public void locateOutsideEveryBoundary() {
        assertThat(locate(60, 60)).isNull();
        assertThat(locate(-1, 2)).isNull();
    }

    @Test
    public void locateThroughANodeWithoutBoundary() {
        assertThat(locate(35, 35)).isEqualTo("B1");
    }

    @Test
    public void pointOnABoundaryEdgeIsInside() {
        assertThat(locate(0, 2)).isEqualTo("A1a");       // outer edge
        assertThat(locate(5, 2)).isEqualTo("A1a");       // shared edge: first in pre-order wins
        assertThat(locate(10, 10)).isEqualTo("A1");      // corner of the community
        assertThat(locate(50, 50)).isEqualTo("D");
    }

    @Test
    public void rejectsDuplicateCodes() {
        GridNode s1 = new GridNode("S", "街道", GridLevel.STREET, "D", List.of());
        GridNode s2 = new GridNode("S", "街道二", GridLevel.STREET, "D", List.of());
        assertThatThrownBy(() -> new GridTree(new GridNode("D", "区", GridLevel.DISTRICT, null, List.of(s1, s2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'S'");
    }

    @Test
    public void rejectsSkippedLevels() {
        GridNode g = new GridNode("G1", "网格", GridLevel.GRID, "D", List.of());
        assertThatThrownBy(() -> new GridTree(new GridNode("D", "区", GridLevel.DISTRICT, null, List.of(g))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'G1'").hasMessageContaining("GRID");
    }

    @Test
    public void rejectsWrongParentCode() {
        GridNode s = new GridNode("S", "街道", GridLevel.STREET, "X", List.of());
        assertThatThrownBy(() -> new GridTree(new GridNode("D", "区", GridLevel.DISTRICT, null, List.of(s))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'S'").hasMessageContaining("'X'");
    }

    @Test
    public void rejectsBadBoundaries() {
        Geometry bowtie = GF.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1),
            new Coordinate(1, 0), new Coordinate(0, 1), new Coordinate(0, 0)});
        assertThatThrownBy(() -> new GridNode("X", "x", null, GridLevel.GRID, null, bowtie, null))
                .hasMessageContaining("'X'").hasMessageContaining("not a valid polygon");
        assertThatThrownBy(() -> new GridNode("X", "x", null, GridLevel.GRID, null,
                GF.createPoint(new Coordinate(1, 1)), null)).hasMessageContaining("Polygon");
        assertThatThrownBy(() -> new GridNode(" ", "x", GridLevel.GRID, null, null)).hasMessageContaining("code");
    }

    @Test
    public void manyGridsAreLocatedCorrectly() {
        int n = 40;
        List<GridNode> grids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grids.add(new GridNode("G" + i + "_" + j, "网格", null, GridLevel.GRID, "C",
                        box(i, j, i + 1, j + 1), List.of()));
            }
        }
        GridNode c = new GridNode("C", "社区", GridLevel.COMMUNITY, "S", grids);
        GridNode s = new GridNode("S", "街道", GridLevel.STREET, "D", List.of(c));
        GridTree big = new GridTree(new GridNode("D", "区", GridLevel.DISTRICT, null, List.of(s)));
        assertThat(big.size()).isEqualTo(n * n + 3);
        assertThat(big.locate(new GeoPoint(17.5, 3.25)).map(GridNode::code)).contains("G17_3");
        assertThat(big.locate(new GeoPoint(39.9, 0.1)).map(GridNode::code)).contains("G39_0");
        assertThat(big.locate(new GeoPoint(40.5, 0.1))).isEmpty();
    }
}
