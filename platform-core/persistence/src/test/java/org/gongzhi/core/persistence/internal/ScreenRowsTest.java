package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.service.screen.DistrictScreen.DepartmentRow;
import org.gongzhi.core.service.screen.DistrictScreen.GridRow;
import org.gongzhi.core.service.screen.DistrictScreen.Grids;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.junit.Test;

/** The screen's roll-up and rankings, without a database. */
public class ScreenRowsTest {

    private static final TenantDefinition JIZHOU = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));

    @Test
    public void openCasesCountForTheirStreetCommunityAndGridButNotTheDistrictOrTheBuilding() {
        Map<String, Long> byPath = new HashMap<>();
        byPath.put("360802/360802001/360802001001/360802001001001/36080200100100101", 4L); // a building
        byPath.put("360802/360802001/360802001001/360802001001001", 1L);
        byPath.put("360802/360802001/360802001002", 2L); // a community
        byPath.put("360802/360802002", 3L); // a street
        byPath.put("360802", 7L); // the district itself
        byPath.put(null, 9L); // not located
        byPath.put("360802/999", 5L); // a street no longer defined
        Map<String, Long> open = ScreenRows.openByGrid(JIZHOU, byPath);
        assertThat(open).containsExactly(Map.entry("360802001", 7L), Map.entry("360802001001", 5L),
                Map.entry("360802001001001", 5L), Map.entry("360802001002", 2L), Map.entry("360802002", 3L));
    }

    @Test
    public void topAndBottomGridsByClosureRateThenVolumeNeverTheSameGridTwice() {
        List<GridRow> rows = new ArrayList<>();
        rows.add(row("g01", 1, 1)); // 100 %, 1 due
        rows.add(row("g02", 9, 10)); // 90 %
        rows.add(row("g03", 4, 4)); // 100 %, 4 due: before g01
        rows.add(row("g04", 0, 0)); // nothing due: not ranked
        rows.add(row("g05", 1, 2)); // 50 %
        rows.add(row("g06", 1, 3)); // 33 %
        rows.add(row("g07", 3, 6)); // 50 %, more due than g05
        Grids two = ScreenRows.rank(rows, 2);
        assertThat(two.top()).extracting(GridRow::code).containsExactly("g03", "g01");
        assertThat(two.bottom()).extracting(GridRow::code).containsExactly("g06", "g07");
        Grids five = ScreenRows.rank(rows, 5);
        assertThat(five.top()).extracting(GridRow::code).containsExactly("g03", "g01", "g02", "g07", "g05");
        assertThat(five.bottom()).extracting(GridRow::code).containsExactly("g06");
    }

    @Test
    public void departmentsWithMostOpenCasesFirstThenTheDistrictsOrder() {
        List<DepartmentRow> rows = List.of(new DepartmentRow("SJ", "市监", 2, 0, null),
                new DepartmentRow("CG", "城管", 2, 0, 0.5), new DepartmentRow("GA", "公安", 5, 1, 1.0),
                new DepartmentRow("HW", "环卫", 2, 1, null));
        assertThat(ScreenRows.departments(JIZHOU, rows)).extracting(DepartmentRow::code)
                .containsExactly("GA", "HW", "CG", "SJ");
    }

    private static GridRow row(String code, long closed, long due) {
        return new GridRow(code, code, due == 0 ? null : (double) closed / due, closed, due);
    }
}
