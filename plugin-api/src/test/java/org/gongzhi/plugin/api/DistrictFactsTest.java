package org.gongzhi.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.Test;

public class DistrictFactsTest {

    private static final List<DistrictGrid> TREE = List.of(
            new DistrictGrid("360802", "吉州区", null, DistrictGrid.DISTRICT, null, List.of("360802001")),
            new DistrictGrid("360802001", "古南街道", null, DistrictGrid.STREET, "360802", List.of("360802001001")),
            new DistrictGrid("360802001001", "阳明社区", null, DistrictGrid.COMMUNITY, "360802001",
                    List.of("360802001001001")),
            new DistrictGrid("360802001001001", "阳明小区网格", null, DistrictGrid.GRID, "360802001001", List.of()));
    private static final DistrictFacts JIZHOU = new DistrictFacts("jizhou", "吉州区",
            List.of(new DistrictCategory("CM01", "市容环境", null, DistrictCategory.CITY_MANAGEMENT, null, null, null, false),
                    new DistrictCategory("CM0101", "暴露垃圾", null, DistrictCategory.CITY_MANAGEMENT, "CM01", "simple",
                            "SANITATION", true),
                    new DistrictCategory("LS0601", "独居老人关爱", null, DistrictCategory.LIVELIHOOD, "LS06", "simple",
                            "CIVIL_AFFAIRS", true)),
            TREE, List.of(new DistrictDepartment("CG", "吉州区城市管理局", null, "CITY_MANAGEMENT")));

    @Test
    public void theTreeAnswersPathsAncestorsAndLevels() {
        assertThat(JIZHOU.rootGrid().code()).isEqualTo("360802");
        assertThat(JIZHOU.pathTo("360802001001001")).extracting(DistrictGrid::code)
                .containsExactly("360802", "360802001", "360802001001", "360802001001001");
        assertThat(JIZHOU.ancestorAt("360802001001001", DistrictGrid.COMMUNITY)).map(DistrictGrid::name).contains("阳明社区");
        assertThat(JIZHOU.ancestorAt("360802001", DistrictGrid.COMMUNITY)).isEmpty();
        assertThat(JIZHOU.ancestorAt("999", DistrictGrid.STREET)).isEmpty();
        assertThat(JIZHOU.ancestorAt(null, DistrictGrid.STREET)).isEmpty();
        assertThat(JIZHOU.children("360802001")).extracting(DistrictGrid::code).containsExactly("360802001001");
        assertThat(JIZHOU.gridsAt(DistrictGrid.GRID)).hasSize(1);
    }

    @Test
    public void categoriesAndDepartmentsAreLookedUp() {
        assertThat(JIZHOU.category("CM0101")).map(DistrictCategory::departmentKind).contains("SANITATION");
        assertThat(JIZHOU.leafCategories()).extracting(DistrictCategory::code).containsExactly("CM0101", "LS0601");
        assertThat(JIZHOU.leafCategoriesOf(DistrictCategory.LIVELIHOOD)).extracting(DistrictCategory::code)
                .containsExactly("LS0601");
        assertThat(JIZHOU.departmentsOfKind("CITY_MANAGEMENT")).extracting(DistrictDepartment::code).containsExactly("CG");
        assertThat(JIZHOU.department("XX")).isEmpty();
    }

    @Test
    public void aTreeOutOfOrderOrWithDuplicatesIsRefused() {
        assertThatThrownBy(() -> new DistrictFacts("t", "区", List.of(), List.of(TREE.get(1), TREE.get(0)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DistrictFacts("t", "区", List.of(), List.of(TREE.get(0), TREE.get(0)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DistrictFacts("t", "区", List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void factsOfTheOldConstructorHaveNoFamily() {
        CaseFacts f = new CaseFacts("jizhou", "JZ-1", "CM0101", "simple", null, "hotline", "t", java.time.Instant.EPOCH);
        assertThat(f.categoryFamily()).isNull();
        assertThat(f.categoryName()).isNull();
        assertThat(f.leadDepartmentKind()).isNull();
    }
}
