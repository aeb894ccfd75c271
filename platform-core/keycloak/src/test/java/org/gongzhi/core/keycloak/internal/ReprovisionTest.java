package org.gongzhi.core.keycloak.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.tenant.TenantDefinition;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Provisioning again: nothing to do, passwords untouched, and what was deleted comes back. */
public class ReprovisionTest {

    private static TestKeycloak keycloak;
    private static KeycloakProvisioning provisioning;
    private TenantDefinition district;

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

    @Before
    public void provisionFreshDistrict() {
        district = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
        assertThat(provisioning.provisionDistrict(district).created()).isNotEmpty();
    }

    @After
    public void removeDistrict() {
        provisioning.removeDistrict(district.id());
    }

    @Test
    public void aSecondRunCreatesNothing() {
        ProvisioningReport again = provisioning.provisionDistrict(district);
        assertThat(again.created()).isEmpty();
        assertThat(again.realm()).isEqualTo(district.id());
    }

    @Test
    public void reRunsNeverResetPasswords() {
        assertThat(provisioning.provisionDistrict(district).created()).isEmpty();
        assertThat(login("jz-admin", DemoTenants.DEMO_PASSWORD)).isTrue();

        UserResource admin = user("jz-admin");
        CredentialRepresentation changed = new CredentialRepresentation();
        changed.setType(CredentialRepresentation.PASSWORD);
        changed.setValue("Changed-by-the-person-42");
        changed.setTemporary(false);
        admin.resetPassword(changed);

        assertThat(provisioning.provisionDistrict(district).created()).isEmpty();
        assertThat(login("jz-admin", "Changed-by-the-person-42")).isTrue();
        assertThat(login("jz-admin", DemoTenants.DEMO_PASSWORD)).isFalse();
        assertThat(login("jz-dispatcher", DemoTenants.DEMO_PASSWORD)).isTrue();
    }

    @Test
    public void aGeneratedSecretIsKept() {
        String clientId = district.departments().stream().filter(d -> d.clientSecret() == null).findFirst()
                .orElseThrow().clientId();
        String generated = client(clientId).getSecret().getValue();
        assertThat(provisioning.provisionDistrict(district).created()).isEmpty();
        assertThat(client(clientId).getSecret().getValue()).isEqualTo(generated);
        assertThat(keycloak.tokens().clientCredentials(district.id(), clientId, generated).ok()).isTrue();
    }

    @Test
    public void whatWasDeletedOrChangedIsRepaired() {
        RealmResource realm = realm();
        realm.roles().deleteRole("mediator");
        client("dept-cg").remove();
        user("jz-grid1").remove();
        ClientScopeRepresentation scope = realm.clientScopes().findAll().stream()
                .filter(s -> s.getName().equals("gongzhi-api")).findFirst().orElseThrow();
        ProtocolMapperRepresentation grids = scope.getProtocolMappers().stream()
                .filter(m -> m.getName().equals("grids")).findFirst().orElseThrow();
        realm.clientScopes().get(scope.getId()).getProtocolMappers().delete(grids.getId());
        client("gongzhi-web").removeDefaultClientScope(scope.getId());
        ClientResource ga = client("dept-ga");
        ga.getProtocolMappers().getMappers().stream().filter(m -> m.getName().equals("department"))
                .forEach(m -> ga.getProtocolMappers().delete(m.getId()));
        UserRepresentation sj = client("dept-sj").getServiceAccountUser();
        realm.users().get(sj.getId()).roles().realmLevel().remove(List.of(realm.roles().get("department-handler").toRepresentation()));
        user("jz-dispatcher").roles().realmLevel().remove(List.of(realm.roles().get("dispatcher").toRepresentation()));
        UserResource cg = user("jz-cg");
        UserRepresentation cgRep = cg.toRepresentation();
        Map<String, List<String>> attributes = new HashMap<>(cgRep.getAttributes());
        attributes.put("department", List.of("GA"));
        cgRep.setAttributes(attributes);
        cg.update(cgRep);
        ClientResource hw = client("dept-hw");
        ClientRepresentation hwRep = hw.toRepresentation();
        hwRep.setSecret("someone-changed-it");
        hwRep.setDirectAccessGrantsEnabled(true);
        hw.update(hwRep);
        ClientResource web = client("gongzhi-web");
        ClientRepresentation webRep = web.toRepresentation();
        webRep.getAttributes().put("pkce.code.challenge.method", "");
        web.update(webRep);

        ProvisioningReport repaired = provisioning.provisionDistrict(district);

        assertThat(repaired.created()).containsExactlyInAnyOrder(
                "mapper grids of client scope gongzhi-api",
                "role mediator",
                "client dept-cg",
                "user jz-grid1",
                "scope gongzhi-api of client gongzhi-web",
                "settings of client gongzhi-web",
                "mapper department of client dept-ga",
                "settings of client dept-hw",
                "secret of client dept-hw",
                "role department-handler of service-account-dept-sj",
                "roles of user jz-mediator",
                "roles of user jz-dispatcher",
                "attributes of user jz-cg");
        assertThat(provisioning.provisionDistrict(district).created()).isEmpty();

        TokenClient tokens = keycloak.tokens();
        Map<String, Object> grid1 = tokens.password(district.id(), "gongzhi-web", "jz-grid1", DemoTenants.DEMO_PASSWORD).claims();
        assertThat(grid1.get("grids")).isEqualTo(List.of("360802001001001"));
        assertThat(ProvisionDistrictTest.audience(grid1)).contains("gongzhi-api");
        assertThat(ProvisionDistrictTest.realmRoles(tokens.password(district.id(), "gongzhi-web", "jz-mediator",
                DemoTenants.DEMO_PASSWORD).claims())).contains("mediator");
        assertThat(ProvisionDistrictTest.realmRoles(tokens.password(district.id(), "gongzhi-web", "jz-dispatcher",
                DemoTenants.DEMO_PASSWORD).claims())).contains("dispatcher");
        assertThat(tokens.password(district.id(), "gongzhi-web", "jz-cg", DemoTenants.DEMO_PASSWORD).claims()
                .get("department")).isEqualTo("CG");
        assertThat(tokens.clientCredentials(district.id(), "dept-cg", "demo-jizhou-cg-secret").claims()
                .get("department")).isEqualTo("CG");
        assertThat(tokens.clientCredentials(district.id(), "dept-ga", "demo-jizhou-ga-secret").claims()
                .get("department")).isEqualTo("GA");
        assertThat(tokens.clientCredentials(district.id(), "dept-hw", "demo-jizhou-hw-secret").ok()).isTrue();
        assertThat(client("dept-hw").toRepresentation().isDirectAccessGrantsEnabled()).isFalse();
        assertThat(client("gongzhi-web").toRepresentation().getAttributes())
                .containsEntry("pkce.code.challenge.method", "S256");
        String sjSecret = client("dept-sj").getSecret().getValue();
        assertThat(ProvisionDistrictTest.realmRoles(tokens.clientCredentials(district.id(), "dept-sj", sjSecret).claims()))
                .contains("department-handler");
    }

    private boolean login(String username, String password) {
        return keycloak.tokens().password(district.id(), "gongzhi-web", username, password).ok();
    }

    private RealmResource realm() {
        return keycloak.admin().realm(district.id());
    }

    private ClientResource client(String clientId) {
        return realm().clients().get(realm().clients().findByClientId(clientId).get(0).getId());
    }

    private UserResource user(String username) {
        return realm().users().get(realm().users().searchByUsername(username, true).get(0).getId());
    }
}
