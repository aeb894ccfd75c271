package org.gongzhi.core.keycloak.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.junit.Test;

/** Configuration parsing and the pure parts: plans, attributes. */
public class ProvisioningSettingsTest {

    private static final List<String> URIS = List.of("http://127.0.0.1:*");

    @Test
    public void loginWithAUserOrAServiceAccount() {
        ProvisioningSettings user = new ProvisioningSettings("http://kc:8080/", null, null, "admin", "pw", null, URIS,
                true, Path.of("t"), Duration.ZERO);
        assertThat(user.keycloakUrl()).isEqualTo("http://kc:8080");
        assertThat(user.adminRealm()).isEqualTo("master");
        assertThat(user.adminClientId()).isEqualTo("admin-cli");
        assertThat(user.serviceAccountLogin()).isFalse();
        assertThat(user.toString()).doesNotContain("pw");

        ProvisioningSettings client = new ProvisioningSettings("https://kc", "master", "gongzhi-provisioner", "", "",
                "s3cret", URIS, true, Path.of("t"), Duration.ZERO);
        assertThat(client.serviceAccountLogin()).isTrue();
        assertThat(client.adminUser()).isNull();
        assertThat(client.toString()).doesNotContain("s3cret");
    }

    @Test
    public void refusesIncompleteOrAmbiguousLogins() {
        assertThatThrownBy(() -> new ProvisioningSettings("http://kc", null, null, "admin", null, null, URIS, true,
                Path.of("t"), Duration.ZERO)).hasMessageContaining("adminPassword");
        assertThatThrownBy(() -> new ProvisioningSettings("http://kc", null, null, "admin", "pw", "secret", URIS, true,
                Path.of("t"), Duration.ZERO)).hasMessageContaining("not both");
        assertThatThrownBy(() -> new ProvisioningSettings("ftp://kc", null, null, "admin", "pw", null, URIS, true,
                Path.of("t"), Duration.ZERO)).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new ProvisioningSettings("http://kc", null, null, "admin", "pw", null, List.of(), true,
                Path.of("t"), Duration.ZERO)).hasMessageContaining("publicClientRedirectUris");
    }

    @Test
    public void listsFromACfgFileOrATypedConfig() {
        assertThat(ProvisioningSettings.list(new String[] { "http://127.0.0.1:*, http://localhost:*" }))
                .containsExactly("http://127.0.0.1:*", "http://localhost:*");
        assertThat(ProvisioningSettings.list(new String[] { "https://a/*", "https://b/*" }))
                .containsExactly("https://a/*", "https://b/*");
        assertThat(ProvisioningSettings.list(null)).isEmpty();
    }

    @Test
    public void definitionOwnsDepartmentAndGridsButNotAChangedPhone() {
        PersonDefinition p = new PersonDefinition("jz-cg", "建军", "郭", "jz-cg@x.cn", "139", List.of(Role.DEPARTMENT_HANDLER),
                "CG", List.of(), null);
        assertThat(PeopleRepair.repairedAttributes(p, Map.of("phone", List.of("138"), "department", List.of("CG"))))
                .isNull();
        assertThat(PeopleRepair.repairedAttributes(p, Map.of("phone", List.of("138"), "department", List.of("GA"),
                "grids", List.of("1"), "other", List.of("kept"))))
                .containsEntry("department", List.of("CG"))
                .containsEntry("phone", List.of("138"))
                .containsEntry("other", List.of("kept"))
                .doesNotContainKey("grids");
        assertThat(PeopleRepair.repairedAttributes(p, null))
                .containsEntry("department", List.of("CG")).containsEntry("phone", List.of("139"));
    }

    @Test
    public void cityAccountsAreAdministratorsOrWallScreens() {
        PersonDefinition dispatcher = new PersonDefinition("c-1", "a", "b", "c@x.cn", null, List.of(Role.DISPATCHER),
                null, List.of(), null);
        assertThatThrownBy(() -> RealmPlan.city(List.of(dispatcher))).isInstanceOf(IllegalArgumentException.class);
        PersonDefinition both = new PersonDefinition("c-2", "a", "b", "d@x.cn", null,
                List.of(Role.CITY_ADMIN, Role.SCREEN_VIEWER), null, List.of(), null);
        assertThatThrownBy(() -> RealmPlan.city(List.of(both))).isInstanceOf(IllegalArgumentException.class);
        PersonDefinition screen = new PersonDefinition("screen", "大屏", "市级", "s@x.cn", null, List.of(Role.SCREEN_VIEWER),
                null, List.of(), null);
        assertThat(RealmPlan.city(List.of(screen)).people()).containsExactly(screen);
        assertThat(RealmPlan.city(List.of()).roles()).containsExactlyInAnyOrder(Role.CITY_ADMIN, Role.CITY_DISPATCHER,
                Role.SCREEN_VIEWER);
        org.gongzhi.core.tenant.TenantDefinition jizhou = new org.gongzhi.core.tenant.TenantDefinitionReader()
                .read(DemoTenants.source().resolve("jizhou"));
        assertThat(RealmPlan.district(jizhou).roles()).contains(Role.SCREEN_VIEWER).doesNotContain(Role.CITY_ADMIN);
        // the demo wall screens: one account "screen" per district and one in the city
        assertThat(jizhou.people()).anyMatch(p -> p.username().equals("screen") && p.roles().equals(List.of(Role.SCREEN_VIEWER)));
        assertThat(RealmPlan.city(DemoTenants.cityAdmins()).people())
                .anyMatch(p -> p.username().equals("screen") && p.roles().equals(List.of(Role.SCREEN_VIEWER)));
    }

    @Test
    public void theDisplayNameIsEscaped() {
        RealmPlan plan = new RealmPlan("x", "吉州区", "Jizhou <District> & Co", java.util.Set.of(), List.of(), List.of());
        assertThat(Representations.displayNameHtml(plan)).isEqualTo("吉州区 <small>Jizhou &lt;District&gt; &amp; Co</small>");
    }
}
