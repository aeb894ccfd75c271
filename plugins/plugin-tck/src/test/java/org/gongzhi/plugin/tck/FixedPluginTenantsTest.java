package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class FixedPluginTenantsTest {

    @Test
    public void theContractWorldEnablesTheModelInOneTenantOnly() {
        FixedPluginTenants t = FixedPluginTenants.tck("template");

        assertThat(t.isEnabled("tck-a", "template")).isTrue();
        assertThat(t.isEnabled("tck-b", "template")).isFalse();
        assertThat(t.isEnabled("nowhere", "template")).isFalse();
        assertThat(t.tenantsOf("template")).containsExactly("tck-a");
        assertThat(t.tenantsOf(FixedPluginTenants.OTHER_MODEL)).containsExactly("tck-b");
        assertThat(t.tenants()).containsExactlyInAnyOrder("tck-a", "tck-b");
    }

    @Test
    public void departmentsDefaultToTheDemoCodesAndCanBeChanged() {
        FixedPluginTenants t = FixedPluginTenants.builder().tenant("jizhou", "three-colour-grid")
                .department("jizhou", "CITY_MANAGEMENT", "CG2").withoutDepartment("jizhou", "FIRE").build();

        assertThat(t.departmentOfKind("jizhou", "PUBLIC_SECURITY")).contains("GA");
        assertThat(t.departmentOfKind("jizhou", "CITY_MANAGEMENT")).contains("CG2");
        assertThat(t.departmentOfKind("jizhou", "FIRE")).isEmpty();
        assertThat(t.departmentOfKind("donghu", "PUBLIC_SECURITY")).isEmpty();
    }

    @Test
    public void districtFactsGoToEnabledModelsOnlyInTheShapeOfADemoDistrict() {
        FixedPluginTenants t = FixedPluginTenants.tck("template");

        assertThat(t.district("tck-b", "template")).isEmpty();
        assertThat(t.district("nowhere", "template")).isEmpty();
        org.gongzhi.plugin.api.DistrictFacts a = t.district("tck-a", "template").orElseThrow();
        assertThat(a.tenantId()).isEqualTo("tck-a");
        assertThat(a.grid("360802001001001")).isPresent();
        assertThat(a.department("CG")).map(org.gongzhi.plugin.api.DistrictDepartment::kind).contains("CITY_MANAGEMENT");
        assertThat(t.district("tck-b", FixedPluginTenants.OTHER_MODEL).orElseThrow().rootGrid().code())
                .isEqualTo("500105");
        FixedPluginTenants changed = FixedPluginTenants.builder().tenant("jizhou", "m")
                .department("jizhou", "CITY_MANAGEMENT", "CG2").build();
        assertThat(changed.district("jizhou", "m").orElseThrow().departmentsOfKind("CITY_MANAGEMENT"))
                .extracting(org.gongzhi.plugin.api.DistrictDepartment::code).containsExactly("CG2");
    }

    @Test
    public void everySampleCategoryAndGridIsInItsDistrict() {
        FixedPluginTenants t = FixedPluginTenants.tck("template");
        for (org.gongzhi.plugin.api.CaseFacts f : CaseSamples.facts()) {
            org.gongzhi.plugin.api.DistrictFacts d = t.tenantsOf("template").contains(f.tenantId())
                    ? t.district(f.tenantId(), "template").orElseThrow()
                    : t.district(f.tenantId(), FixedPluginTenants.OTHER_MODEL).orElseThrow();
            if (!f.categoryCode().equals("ZZ9999")) {
                assertThat(d.category(f.categoryCode())).as(f.categoryCode()).isPresent();
                assertThat(f.categoryFamily()).isEqualTo(d.category(f.categoryCode()).orElseThrow().family());
                assertThat(f.categoryName()).isNotBlank();
            } else {
                assertThat(f.categoryFamily()).isNull();
            }
            if (f.gridCode() != null) {
                assertThat(d.grid(f.gridCode())).as(f.gridCode()).isPresent();
            }
        }
        assertThat(SampleDistricts.donghu().pathTo("360102001001001")).extracting(g -> g.level())
                .containsExactly("district", "street", "community", "grid");
    }
}
