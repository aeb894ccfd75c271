package org.gongzhi.core.keycloak.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;

/**
 * The Keycloak representations of what a realm must contain (see README.md, "What it creates").
 * Pure functions, no I/O.
 */
final class Representations {

    static final String OIDC = "openid-connect";
    /** Client scope carrying the API audience and the people's department/grids claims. */
    static final String API_SCOPE = "gongzhi-api";
    /** The audience every API token carries. */
    static final String API_AUDIENCE = "gongzhi-api";
    /** Public client of people (browser with PKCE, password grant). */
    static final String PUBLIC_CLIENT = "gongzhi-web";

    static final String AUDIENCE_MAPPER = "gongzhi-api audience";
    static final String DEPARTMENT = "department";
    static final String GRIDS = "grids";
    static final String PHONE = "phone";

    static final String PKCE_METHOD = "pkce.code.challenge.method";
    static final String CLAIM_VALUE = "claim.value";

    /** Keycloak's default client scopes that the tokens need; always kept on our clients. */
    static final Set<String> REQUIRED_SCOPES = Set.of("basic", "profile", "roles", "email");
    /** Scope Keycloak gives clients with a service account (adds {@code client_id} and friends). */
    static final String SERVICE_ACCOUNT_SCOPE = "service_account";

    private Representations() {
    }

    static RealmRepresentation realm(RealmPlan plan) {
        RealmRepresentation r = new RealmRepresentation();
        r.setRealm(plan.realm());
        r.setEnabled(true);
        r.setDisplayName(plan.displayName());
        r.setDisplayNameHtml(displayNameHtml(plan));
        r.setInternationalizationEnabled(true);
        r.setSupportedLocales(Set.of("zh-CN", "en"));
        r.setDefaultLocale("zh-CN");
        return r;
    }

    static String displayNameHtml(RealmPlan plan) {
        String html = escape(plan.displayName());
        return plan.englishName() == null ? html : html + " <small>" + escape(plan.englishName()) + "</small>";
    }

    static List<RoleRepresentation> roles(RealmPlan plan) {
        List<RoleRepresentation> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (plan.roles().contains(role)) {
                RoleRepresentation r = new RoleRepresentation();
                r.setName(role.id());
                r.setDescription(role.label());
                r.setComposite(false);
                roles.add(r);
            }
        }
        return roles;
    }

    static ClientScopeRepresentation apiScope() {
        ClientScopeRepresentation s = new ClientScopeRepresentation();
        s.setName(API_SCOPE);
        s.setDescription("共治平台接口 (Gongzhi API): audience gongzhi-api, department and grids claims");
        s.setProtocol(OIDC);
        s.setAttributes(new LinkedHashMap<>(Map.of(
                "include.in.token.scope", "false",
                "display.on.consent.screen", "false")));
        s.setProtocolMappers(apiScopeMappers());
        return s;
    }

    /** The mappers of scope {@value #API_SCOPE}, by name. */
    static List<ProtocolMapperRepresentation> apiScopeMappers() {
        Map<String, String> audience = new LinkedHashMap<>();
        audience.put("included.custom.audience", API_AUDIENCE);
        audience.put("access.token.claim", "true");
        audience.put("id.token.claim", "false");
        audience.put("introspection.token.claim", "true");
        return List.of(
                mapper(AUDIENCE_MAPPER, "oidc-audience-mapper", audience),
                userAttribute(DEPARTMENT, false),
                userAttribute(GRIDS, true));
    }

    private static ProtocolMapperRepresentation userAttribute(String attribute, boolean multivalued) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("user.attribute", attribute);
        config.put("claim.name", attribute);
        config.put("jsonType.label", "String");
        config.put("multivalued", Boolean.toString(multivalued));
        config.put("aggregate.attrs", "false");
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "true");
        config.put("userinfo.token.claim", "true");
        config.put("introspection.token.claim", "true");
        return mapper(attribute, "oidc-usermodel-attribute-mapper", config);
    }

    /** Hardcoded {@code department} claim of a department system's tokens. */
    static ProtocolMapperRepresentation departmentClaim(String code) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("claim.name", DEPARTMENT);
        config.put(CLAIM_VALUE, code);
        config.put("jsonType.label", "String");
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "false");
        config.put("userinfo.token.claim", "false");
        config.put("introspection.token.claim", "true");
        return mapper(DEPARTMENT, "oidc-hardcoded-claim-mapper", config);
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation m = new ProtocolMapperRepresentation();
        m.setName(name);
        m.setProtocol(OIDC);
        m.setProtocolMapper(type);
        m.setConfig(config);
        return m;
    }

    /** Whether {@code actual} is a mapper of the same type whose configuration has every expected entry. */
    static boolean matches(ProtocolMapperRepresentation expected, ProtocolMapperRepresentation actual) {
        if (actual == null || !expected.getProtocolMapper().equals(actual.getProtocolMapper())) {
            return false;
        }
        Map<String, String> config = actual.getConfig() == null ? Map.of() : actual.getConfig();
        return expected.getConfig().entrySet().stream()
                .allMatch(e -> e.getValue().equals(config.get(e.getKey())));
    }

    static ClientRepresentation publicClient(List<String> redirectUris, List<String> webOrigins, ClientScopes scopes) {
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(PUBLIC_CLIENT);
        c.setName("共治平台 (Gongzhi web)");
        c.setDescription("People's logins: browser with PKCE (S256) and the password grant");
        c.setProtocol(OIDC);
        c.setEnabled(true);
        c.setPublicClient(true);
        c.setStandardFlowEnabled(true);
        c.setDirectAccessGrantsEnabled(true);
        c.setImplicitFlowEnabled(false);
        c.setServiceAccountsEnabled(false);
        c.setFullScopeAllowed(true);
        c.setRedirectUris(List.copyOf(redirectUris));
        c.setWebOrigins(List.copyOf(webOrigins));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(PKCE_METHOD, "S256");
        attributes.put("post.logout.redirect.uris", "+");
        c.setAttributes(attributes);
        c.setDefaultClientScopes(scopes.defaults(false));
        c.setOptionalClientScopes(scopes.optional());
        return c;
    }

    static ClientRepresentation departmentClient(DepartmentDefinition d, ClientScopes scopes) {
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(d.clientId());
        c.setName(d.name());
        c.setDescription("部门系统 (department system) " + d.code() + (d.nameEn() == null ? "" : " — " + d.nameEn()));
        c.setProtocol(OIDC);
        c.setEnabled(true);
        c.setPublicClient(false);
        c.setClientAuthenticatorType("client-secret");
        if (d.clientSecret() != null) {
            c.setSecret(d.clientSecret());
        }
        c.setServiceAccountsEnabled(true);
        c.setStandardFlowEnabled(false);
        c.setDirectAccessGrantsEnabled(false);
        c.setImplicitFlowEnabled(false);
        c.setFullScopeAllowed(true);
        c.setProtocolMappers(List.of(departmentClaim(d.code())));
        c.setDefaultClientScopes(scopes.defaults(true));
        c.setOptionalClientScopes(scopes.optional());
        return c;
    }

    /** Service-account user name Keycloak gives a client. */
    static String serviceAccountName(String clientId) {
        return "service-account-" + clientId;
    }

    static UserRepresentation serviceAccount(DepartmentDefinition d, String defaultRole) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(serviceAccountName(d.clientId()));
        u.setEnabled(true);
        u.setServiceAccountClientId(d.clientId());
        u.setRealmRoles(roleNames(List.of(Role.DEPARTMENT_HANDLER), defaultRole));
        return u;
    }

    /** A person's account; the password, if any, is set only when the account is created. */
    static UserRepresentation person(PersonDefinition p, String defaultRole) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(p.username());
        u.setFirstName(p.firstName());
        u.setLastName(p.lastName());
        u.setEmail(p.email());
        u.setEmailVerified(true);
        u.setEnabled(true);
        u.setAttributes(attributes(p));
        u.setRealmRoles(roleNames(p.roles(), defaultRole));
        if (p.password() != null) {
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(p.password());
            password.setTemporary(false);
            u.setCredentials(List.of(password));
        }
        return u;
    }

    /** The attributes the definition owns: phone, department, grids (absent ones omitted). */
    static Map<String, List<String>> attributes(PersonDefinition p) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        if (p.phone() != null) {
            a.put(PHONE, List.of(p.phone()));
        }
        if (p.department() != null) {
            a.put(DEPARTMENT, List.of(p.department()));
        }
        if (!p.grids().isEmpty()) {
            a.put(GRIDS, List.copyOf(p.grids()));
        }
        return a;
    }

    private static List<String> roleNames(List<Role> roles, String defaultRole) {
        List<String> names = new ArrayList<>(roles.stream().map(Role::id).toList());
        if (defaultRole != null) {
            names.add(defaultRole);
        }
        return names;
    }

    /**
     * User-profile attributes for the person attributes: without them Keycloak (24+) treats them as
     * unmanaged and the admin API drops them. Only administrators may change department and grids
     * (they decide what a token may do); people see them and may edit their phone number.
     */
    static List<UPAttribute> profileAttributes() {
        return List.of(
                profileAttribute(PHONE, "手机号 (phone)", false, Set.of("admin", "user")),
                profileAttribute(DEPARTMENT, "部门 (department)", false, Set.of("admin")),
                profileAttribute(GRIDS, "网格 (grids)", true, Set.of("admin")));
    }

    private static UPAttribute profileAttribute(String name, String displayName, boolean multivalued, Set<String> edit) {
        UPAttribute a = new UPAttribute(name);
        a.setDisplayName(displayName);
        a.setMultivalued(multivalued);
        a.setPermissions(new UPAttributePermissions(Set.of("admin", "user"), edit));
        return a;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
