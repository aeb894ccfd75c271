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
}
