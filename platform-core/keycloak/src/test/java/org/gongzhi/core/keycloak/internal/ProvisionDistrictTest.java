package org.gongzhi.core.keycloak.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.identity.TokenValidator;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A district provisioned into a real Keycloak (a copy of the demo district 吉州 under a fresh id):
 * what it creates, the tokens its people and department systems get, and that the platform's
 * token validator accepts them.
 */
public class ProvisionDistrictTest {

    private static TestKeycloak keycloak;
    private static KeycloakProvisioning provisioning;
    private static TenantDefinition district;
    private static ProvisioningReport first;

    @BeforeClass
    public static void provision() {
        keycloak = TestKeycloak.get();
        provisioning = keycloak.provisioning();
        district = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
        first = provisioning.provisionDistrict(district);
    }

    @AfterClass
    public static void cleanUp() {
        if (provisioning != null) {
            provisioning.removeDistrict(district.id());
            provisioning.close();
        }
    }

    private static RealmResource realm() {
        return keycloak.admin().realm(district.id());
    }

    @Test
    public void theReportListsEverythingCreated() {
        assertThat(first.realm()).isEqualTo(district.id());
        assertThat(first.created()).contains("realm " + district.id(), "client scope gongzhi-api",
                "client gongzhi-web", "client dept-cg", "user jz-grid1");
        assertThat(first.created()).filteredOn(s -> s.startsWith("role ")).hasSize(Role.districtRoles().size())
                .contains("role screen-viewer");
        assertThat(first.created()).contains("user profile attribute department", "user profile attribute grids");
        assertThat(first.created()).filteredOn(s -> s.startsWith("client ") && !s.startsWith("client scope")).hasSize(1 + district.departments().size());
        assertThat(first.created()).filteredOn(s -> s.startsWith("user ") && !s.startsWith("user profile")).hasSize(district.people().size());
        assertThat(first.took()).isPositive();
    }

    @Test
    public void theRealmIsNamedAfterTheDistrictInChinese() {
        RealmRepresentation rep = realm().toRepresentation();
        assertThat(rep.isEnabled()).isTrue();
        assertThat(rep.getDisplayName()).isEqualTo("吉州区");
        assertThat(rep.getDisplayNameHtml()).contains("吉州区", "Jizhou District");
        assertThat(rep.isInternationalizationEnabled()).isTrue();
        assertThat(rep.getSupportedLocales()).containsExactlyInAnyOrder("zh-CN", "en");
        assertThat(rep.getDefaultLocale()).isEqualTo("zh-CN");
        assertThat(rep.getAccessTokenLifespan()).isEqualTo(300);
    }

    @Test
    public void everyDistrictRoleExistsWithItsChineseLabel() {
        Map<String, String> roles = realm().roles().list().stream()
                .filter(r -> r.getDescription() != null)
                .collect(Collectors.toMap(RoleRepresentation::getName, RoleRepresentation::getDescription));
        for (Role role : Role.districtRoles()) {
            assertThat(roles).containsEntry(role.id(), role.label());
        }
        assertThat(roles).doesNotContainKey(Role.CITY_ADMIN.id());
    }

    @Test
    public void theApiScopeHasTheAudienceAndTheTwoAttributeMappers() {
        ClientScopeRepresentation scope = realm().clientScopes().findAll().stream()
                .filter(s -> s.getName().equals("gongzhi-api")).findFirst().orElseThrow();
        assertThat(scope.getProtocol()).isEqualTo("openid-connect");
        Map<String, ProtocolMapperRepresentation> mappers = scope.getProtocolMappers().stream()
                .collect(Collectors.toMap(ProtocolMapperRepresentation::getName, m -> m));
        assertThat(mappers).hasSize(3);
        assertThat(mappers.get("gongzhi-api audience").getProtocolMapper()).isEqualTo("oidc-audience-mapper");
        assertThat(mappers.get("gongzhi-api audience").getConfig())
                .containsEntry("included.custom.audience", "gongzhi-api")
                .containsEntry("access.token.claim", "true")
                .containsEntry("id.token.claim", "false");
        assertThat(mappers.get("department").getConfig()).containsEntry("user.attribute", "department")
                .containsEntry("claim.name", "department").containsEntry("jsonType.label", "String");
        assertThat(mappers.get("grids").getConfig()).containsEntry("user.attribute", "grids")
                .containsEntry("multivalued", "true");
    }

    @Test
    public void thePeoplesClientIsPublicWithPkceAndThePasswordGrant() {
        ClientRepresentation web = client("gongzhi-web");
        assertThat(web.isPublicClient()).isTrue();
        assertThat(web.isStandardFlowEnabled()).isTrue();
        assertThat(web.isDirectAccessGrantsEnabled()).isTrue();
        assertThat(web.isImplicitFlowEnabled()).isFalse();
        assertThat(web.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(web.getRedirectUris()).containsExactlyInAnyOrder("http://127.0.0.1:*", "http://localhost:*");
        assertThat(web.getWebOrigins()).containsExactly("+");
        assertThat(web.getDefaultClientScopes()).contains("gongzhi-api", "basic", "profile", "roles", "email");
    }

    @Test
    public void everyDepartmentHasAConfidentialClientWithAServiceAccount() {
        for (DepartmentDefinition d : district.departments()) {
            ClientRepresentation c = client(d.clientId());
            assertThat(c.getName()).isEqualTo(d.name());
            assertThat(c.isPublicClient()).isFalse();
            assertThat(c.isServiceAccountsEnabled()).isTrue();
            assertThat(c.isStandardFlowEnabled()).isFalse();
            assertThat(c.isDirectAccessGrantsEnabled()).isFalse();
            assertThat(c.getDefaultClientScopes()).contains("gongzhi-api", "basic", "profile", "roles", "email");
            assertThat(c.getProtocolMappers()).anySatisfy(m -> {
                assertThat(m.getProtocolMapper()).isEqualTo("oidc-hardcoded-claim-mapper");
                assertThat(m.getConfig()).containsEntry("claim.name", "department").containsEntry("claim.value", d.code());
            });
            if (d.clientSecret() != null) {
                assertThat(c.getSecret()).isEqualTo(d.clientSecret());
            } else {
                assertThat(c.getSecret()).isNotBlank();
            }
            UserRepresentation account = realm().clients().get(c.getId()).getServiceAccountUser();
            assertThat(realm().users().get(account.getId()).roles().realmLevel().listAll())
                    .extracting(RoleRepresentation::getName).contains("department-handler");
        }
    }

    @Test
    public void everyPersonHasAttributesAndRoles() {
        for (PersonDefinition p : district.people()) {
            UserRepresentation u = user(p.username());
            assertThat(u.getFirstName()).isEqualTo(p.firstName());
            assertThat(u.getLastName()).isEqualTo(p.lastName());
            assertThat(u.getEmail()).isEqualTo(p.email());
            assertThat(u.isEmailVerified()).isTrue();
            assertThat(u.isEnabled()).isTrue();
            // the wall screen's account has no attributes at all (no phone, department or grids)
            Map<String, List<String>> attributes = u.getAttributes() == null ? Map.of() : u.getAttributes();
            if (p.phone() != null) {
                assertThat(attributes).containsEntry("phone", List.of(p.phone()));
            } else {
                assertThat(attributes).doesNotContainKey("phone");
            }
            if (p.department() != null) {
                assertThat(attributes).containsEntry("department", List.of(p.department()));
            } else {
                assertThat(attributes).doesNotContainKey("department");
            }
            if (!p.grids().isEmpty()) {
                assertThat(attributes.get("grids")).containsExactlyInAnyOrderElementsOf(p.grids());
            }
            Set<String> roles = realm().users().get(u.getId()).roles().realmLevel().listAll().stream()
                    .map(RoleRepresentation::getName).collect(Collectors.toSet());
            assertThat(roles).containsAll(p.roles().stream().map(Role::id).toList());
        }
    }

    @Test
    public void aGridWorkersPasswordTokenCarriesEverythingTheValidatorNeeds() throws Exception {
        TokenClient.Answer answer = keycloak.tokens().password(district.id(), "gongzhi-web", "jz-grid2",
                DemoTenants.DEMO_PASSWORD);
        assertThat(answer.ok()).as("%s", answer.body()).isTrue();
        Map<String, Object> claims = answer.claims();
        assertThat(claims.get("iss")).isEqualTo(keycloak.url + "/realms/" + district.id());
        assertThat(audience(claims)).contains("gongzhi-api");
        assertThat(claims.get("azp")).isEqualTo("gongzhi-web");
        assertThat(claims.get("preferred_username")).isEqualTo("jz-grid2");
        assertThat(claims.get("sub")).isNotNull();
        assertThat(realmRoles(claims)).contains("grid-worker");
        assertThat(claims.get("grids")).isEqualTo(List.of("360802001001002", "360802001002001"));
        assertThat(claims).doesNotContainKey("department");

        Caller caller = validator().validate(answer.accessToken());
        assertThat(caller.tenantId()).isEqualTo(district.id());
        assertThat(caller.username()).isEqualTo("jz-grid2");
        assertThat(caller.roles()).contains("grid-worker");
        assertThat(caller.clientId()).isEqualTo("gongzhi-web");
    }

    @Test
    public void aSingleGridIsStillAList() {
        Map<String, Object> claims = keycloak.tokens().password(district.id(), "gongzhi-web", "jz-grid1",
                DemoTenants.DEMO_PASSWORD).claims();
        assertThat(claims.get("grids")).isEqualTo(List.of("360802001001001"));
    }

    @Test
    public void aDepartmentHandlersTokenNamesTheDepartment() throws Exception {
        TokenClient.Answer answer = keycloak.tokens().password(district.id(), "gongzhi-web", "jz-cg",
                DemoTenants.DEMO_PASSWORD);
        assertThat(answer.ok()).as("%s", answer.body()).isTrue();
        assertThat(answer.claims().get("department")).isEqualTo("CG");
        Caller caller = validator().validate(answer.accessToken());
        assertThat(caller.department()).isEqualTo("CG");
        assertThat(caller.roles()).contains("department-handler");
    }

    @Test
    public void aDepartmentSystemGetsATokenWithItsDemoSecret() throws Exception {
        TokenClient.Answer answer = keycloak.tokens().clientCredentials(district.id(), "dept-cg", "demo-jizhou-cg-secret");
        assertThat(answer.ok()).as("%s", answer.body()).isTrue();
        Map<String, Object> claims = answer.claims();
        assertThat(claims.get("department")).isEqualTo("CG");
        assertThat(realmRoles(claims)).contains("department-handler");
        assertThat(audience(claims)).contains("gongzhi-api");
        assertThat(claims.get("azp")).isEqualTo("dept-cg");

        Caller caller = validator().validate(answer.accessToken());
        assertThat(caller.tenantId()).isEqualTo(district.id());
        assertThat(caller.department()).isEqualTo("CG");
        assertThat(caller.clientId()).isEqualTo("dept-cg");
        assertThat(caller.username()).isEqualTo("service-account-dept-cg");
        assertThat(caller.hasRole("department-handler")).isTrue();
    }

    @Test
    public void aWrongSecretGetsNoToken() {
        assertThat(keycloak.tokens().clientCredentials(district.id(), "dept-cg", "not-the-secret").ok()).isFalse();
    }

    @Test
    public void departmentSystemsCannotLogInPeople() {
        TokenClient.Answer answer = keycloak.tokens().password(district.id(), "dept-cg", "jz-cg", DemoTenants.DEMO_PASSWORD);
        assertThat(answer.ok()).isFalse();
    }

    @Test
    public void masterAndTheCityAreNoDistricts() {
        for (String id : List.of("master", "gongzhi-city")) {
            assertThatThrownBy(() -> provisioning.setDistrictEnabled(id, false)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provisioning.removeDistrict(id)).isInstanceOf(IllegalArgumentException.class);
        }
        TenantDefinition city = DemoTenants.copy("jizhou", "gongzhi-city");
        assertThatThrownBy(() -> provisioning.provisionDistrict(city)).isInstanceOf(IllegalArgumentException.class);
    }

    private TokenValidator validator() {
        return keycloak.validator(district.id());
    }

    private static ClientRepresentation client(String clientId) {
        return realm().clients().findByClientId(clientId).get(0);
    }

    private static UserRepresentation user(String username) {
        return realm().users().searchByUsername(username, true).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<String> realmRoles(Map<String, Object> claims) {
        return (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
    }

    @SuppressWarnings("unchecked")
    static List<String> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(aud));
    }
}
