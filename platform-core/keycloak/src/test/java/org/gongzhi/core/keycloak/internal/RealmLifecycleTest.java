package org.gongzhi.core.keycloak.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.tenants.IdentityProvisioning;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.tenant.TenantDefinition;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The city's realm, and suspending and deleting a district. */
public class RealmLifecycleTest {

    private static TestKeycloak keycloak;
    private static KeycloakProvisioning provisioning;

    @BeforeClass
    public static void connect() {
        keycloak = TestKeycloak.get();
        provisioning = keycloak.provisioning();
    }

    @AfterClass
    public static void disconnect() {
        if (provisioning != null) {
            provisioning.close();
        }
    }

    @Test
    public void theCityRealmHasTheCityAdministratorsAndItsWallScreen() throws Exception {
        // the city realm has a fixed name: start from scratch
        keycloak.admin().realms().findAll().stream()
                .filter(r -> r.getRealm().equals(IdentityProvisioning.CITY_REALM))
                .forEach(r -> keycloak.admin().realm(r.getRealm()).remove());

        ProvisioningReport report = provisioning.provisionCity(DemoTenants.cityAdmins());
        assertThat(report.realm()).isEqualTo("gongzhi-city");
        assertThat(report.created()).contains("realm gongzhi-city", "role city-admin", "client gongzhi-web",
                "user city-admin", "user screen");
        assertThat(report.created()).filteredOn(s -> s.startsWith("role "))
                .containsExactlyInAnyOrder("role city-admin", "role city-dispatcher", "role screen-viewer");
        assertThat(provisioning.provisionCity(DemoTenants.cityAdmins()).created()).isEmpty();

        RealmRepresentation realm = keycloak.admin().realm("gongzhi-city").toRepresentation();
        assertThat(realm.getDisplayName()).isEqualTo("共治平台 · 市级");
        assertThat(keycloak.admin().realm("gongzhi-city").roles().list())
                .extracting(r -> r.getName()).contains("city-admin").doesNotContain("grid-worker", "dispatcher");

        TokenClient.Answer answer = keycloak.tokens().password("gongzhi-city", "gongzhi-web", "city-admin",
                DemoTenants.DEMO_PASSWORD);
        assertThat(answer.ok()).as("%s", answer.body()).isTrue();
        Map<String, Object> claims = answer.claims();
        assertThat(claims.get("iss")).isEqualTo(keycloak.url + "/realms/gongzhi-city");
        assertThat(ProvisionDistrictTest.audience(claims)).contains("gongzhi-api");
        assertThat(ProvisionDistrictTest.realmRoles(claims)).contains("city-admin");

        Caller caller = keycloak.validator("city").validate(answer.accessToken());
        assertThat(caller.tenantId()).isEqualTo("city");
        assertThat(caller.hasRole("city-admin")).isTrue();

        // the city's wall screen: screen-viewer only, and an offline token for its long sign-in
        TokenClient.Answer wall = keycloak.tokens().password("gongzhi-city", "gongzhi-web", "screen", DemoTenants.DEMO_PASSWORD);
        assertThat(wall.ok()).as("%s", wall.body()).isTrue();
        assertThat(ProvisionDistrictTest.realmRoles(wall.claims())).contains("screen-viewer").doesNotContain("city-admin");
        Caller screen = keycloak.validator("city").validate(wall.accessToken());
        assertThat(screen.hasRole("screen-viewer")).isTrue();
        assertThat(screen.hasRole("city-admin")).isFalse();
    }

    @Test
    public void aDisabledDistrictGetsNoTokensUntilEnabledAgain() {
        TenantDefinition district = DemoTenants.copy("donghu", DemoTenants.freshId("dh"));
        provisioning.provisionDistrict(district);
        String user = district.people().get(0).username();
        try {
            assertThat(login(district, user)).isTrue();

            provisioning.setDistrictEnabled(district.id(), false);
            assertThat(keycloak.admin().realm(district.id()).toRepresentation().isEnabled()).isFalse();
            assertThat(login(district, user)).isFalse();
            // a re-run does not undo a suspension
            assertThat(provisioning.provisionDistrict(district).created()).isEmpty();
            assertThat(login(district, user)).isFalse();

            provisioning.setDistrictEnabled(district.id(), false);
            provisioning.setDistrictEnabled(district.id(), true);
            assertThat(login(district, user)).isTrue();
            assertThat(keycloak.admin().realm(district.id()).toRepresentation().getDisplayName())
                    .isEqualTo(district.name());
        } finally {
            provisioning.removeDistrict(district.id());
        }
    }

    @Test
    public void removingADistrictDeletesItsRealm() {
        TenantDefinition district = DemoTenants.copy("jiangbei", DemoTenants.freshId("jb"));
        provisioning.provisionDistrict(district);
        String user = district.people().get(0).username();
        assertThat(login(district, user)).isTrue();

        assertThat(provisioning.removeDistrict(district.id())).isTrue();
        assertThat(keycloak.admin().realms().findAll()).extracting(RealmRepresentation::getRealm)
                .doesNotContain(district.id());
        assertThat(login(district, user)).isFalse();
        assertThat(provisioning.removeDistrict(district.id())).isFalse();
    }

    @Test
    public void enablingAnAbsentDistrictDoesNothing() {
        String absent = DemoTenants.freshId("none");
        provisioning.setDistrictEnabled(absent, true);
        assertThat(keycloak.admin().realms().findAll()).extracting(RealmRepresentation::getRealm).doesNotContain(absent);
    }

    @Test
    public void refusesToTouchMaster() {
        assertThatThrownBy(() -> provisioning.removeDistrict("master")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("master");
        assertThat(keycloak.admin().realm("master").toRepresentation().isEnabled()).isTrue();
    }

    @Test
    public void aServiceAccountOfMasterCanProvisionInsteadOfAUser() {
        String clientId = DemoTenants.freshId("gongzhi-provisioner");
        String secret = "secret-of-" + clientId;
        RealmResource master = keycloak.admin().realm("master");
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setSecret(secret);
        master.clients().create(client).close();
        String uuid = master.clients().findByClientId(clientId).get(0).getId();
        UserRepresentation account = master.clients().get(uuid).getServiceAccountUser();
        master.users().get(account.getId()).roles().realmLevel().add(List.of(master.roles().get("admin").toRepresentation()));
        ProvisioningSettings user = keycloak.settings();
        KeycloakProvisioning viaClient = new KeycloakProvisioning(new ProvisioningSettings(user.keycloakUrl(), "master",
                clientId, null, null, secret, user.publicClientRedirectUris(), false, user.tenantsDirectory(),
                user.startupWait()));
        TenantDefinition district = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
        try {
            assertThat(viaClient.provisionDistrict(district).created()).contains("realm " + district.id());
            assertThat(viaClient.provisionDistrict(district).created()).isEmpty();
            assertThat(login(district, "jz-admin")).isTrue();
            assertThat(viaClient.removeDistrict(district.id())).isTrue();
        } finally {
            viaClient.close();
            provisioning.removeDistrict(district.id());
            master.clients().get(uuid).remove();
        }
    }

    private boolean login(TenantDefinition district, String username) {
        return keycloak.tokens().password(district.id(), "gongzhi-web", username, DemoTenants.DEMO_PASSWORD).ok();
    }
}
