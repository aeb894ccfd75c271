package org.gongzhi.core.keycloak.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.Role;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Repairs the clients that existed already: the settings that make them work (public client with
 * PKCE and the password grant; department systems confidential with a service account and no
 * browser or password logins), the configured redirect URIs and web origins (added, never removed), the
 * {@value Representations#API_SCOPE} default scope, the department claim, the definition's secret
 * (a generated secret is never replaced) and the service account's {@code department-handler} role.
 */
final class ClientRepair {

    private static final int PAGE = 500;

    private final AdminConnection admin;

    ClientRepair(AdminConnection admin) {
        this.admin = admin;
    }

    void repair(RealmPlan plan, RealmSetup.State state, Set<String> existingClients, List<String> redirectUris,
                List<String> webOrigins,
                Created created) {
        if (existingClients.isEmpty()) {
            return;
        }
        String realmName = plan.realm();
        RealmResource realm = admin.realm(realmName);
        Map<String, ClientRepresentation> clients = admin.call("reading the clients of realm " + realmName,
                () -> realm.clients().findAll()).stream()
                .collect(Collectors.toMap(ClientRepresentation::getClientId, Function.identity(), (a, b) -> a));

        ClientRepresentation web = clients.get(Representations.PUBLIC_CLIENT);
        if (existingClients.contains(Representations.PUBLIC_CLIENT) && web != null) {
            ensureApiScope(realm, realmName, web, state.apiScopeId(), created);
            repairPublicClient(realm, realmName, web, redirectUris, webOrigins, created);
        }
        List<DepartmentDefinition> existingDepartments = new ArrayList<>();
        for (DepartmentDefinition d : plan.departments()) {
            ClientRepresentation c = clients.get(d.clientId());
            if (existingClients.contains(d.clientId()) && c != null) {
                ensureApiScope(realm, realmName, c, state.apiScopeId(), created);
                repairDepartmentClaim(realm, realmName, d, c, created);
                repairDepartmentClient(realm, realmName, d, c, created);
                existingDepartments.add(d);
            }
        }
        ensureHandlerRole(realm, realmName, existingDepartments, clients, created);
    }

    private void repairPublicClient(RealmResource realm, String realmName, ClientRepresentation c,
                                    List<String> redirectUris, List<String> webOrigins, Created created) {
        Map<String, String> attributes = c.getAttributes() == null ? Map.of() : c.getAttributes();
        List<String> uris = c.getRedirectUris() == null ? List.of() : c.getRedirectUris();
        List<String> origins = c.getWebOrigins() == null ? List.of() : c.getWebOrigins();
        boolean ok = Boolean.TRUE.equals(c.isPublicClient()) && Boolean.TRUE.equals(c.isStandardFlowEnabled())
                && Boolean.TRUE.equals(c.isDirectAccessGrantsEnabled())
                && "S256".equals(attributes.get(Representations.PKCE_METHOD))
                && uris.containsAll(redirectUris) && origins.containsAll(webOrigins);
        if (ok) {
            return;
        }
        ClientRepresentation update = settingsOnly(c);
        update.setPublicClient(true);
        update.setStandardFlowEnabled(true);
        update.setDirectAccessGrantsEnabled(true);
        Map<String, String> newAttributes = new LinkedHashMap<>(attributes);
        newAttributes.put(Representations.PKCE_METHOD, "S256");
        update.setAttributes(newAttributes);
        List<String> newUris = new ArrayList<>(uris);
        redirectUris.stream().filter(u -> !newUris.contains(u)).forEach(newUris::add);
        update.setRedirectUris(newUris);
        List<String> newOrigins = new ArrayList<>(origins);
        webOrigins.stream().filter(o -> !newOrigins.contains(o)).forEach(newOrigins::add);
        update.setWebOrigins(newOrigins);
        admin.run("repairing client " + c.getClientId() + " of realm " + realmName,
                () -> realm.clients().get(c.getId()).update(update));
        created.add("settings of client " + c.getClientId());
    }

    private void repairDepartmentClient(RealmResource realm, String realmName, DepartmentDefinition d,
                                        ClientRepresentation c, Created created) {
        boolean settingsOk = Boolean.FALSE.equals(c.isPublicClient()) && Boolean.FALSE.equals(c.isBearerOnly())
                && Boolean.TRUE.equals(c.isServiceAccountsEnabled())
                && Boolean.FALSE.equals(c.isStandardFlowEnabled())
                && Boolean.FALSE.equals(c.isDirectAccessGrantsEnabled())
                && Boolean.FALSE.equals(c.isImplicitFlowEnabled());
        boolean secretOk = d.clientSecret() == null || d.clientSecret().equals(c.getSecret());
        if (settingsOk && secretOk) {
            return;
        }
        ClientRepresentation update = settingsOnly(c);
        update.setPublicClient(false);
        update.setBearerOnly(false);
        update.setServiceAccountsEnabled(true);
        update.setStandardFlowEnabled(false);
        update.setDirectAccessGrantsEnabled(false);
        update.setImplicitFlowEnabled(false);
        if (!secretOk) {
            update.setClientAuthenticatorType("client-secret");
            update.setSecret(d.clientSecret());
        }
        admin.run("repairing client " + d.clientId() + " of realm " + realmName,
                () -> realm.clients().get(c.getId()).update(update));
        if (!settingsOk) {
            created.add("settings of client " + d.clientId());
        }
        if (!secretOk) {
            created.add("secret of client " + d.clientId());
        }
    }

    /**
     * The client's representation without its scopes and mappers (changes {@code c}; call it
     * after their checks): an update that carries them makes Keycloak replace them, and those are
     * repaired one by one.
     */
    private static ClientRepresentation settingsOnly(ClientRepresentation c) {
        c.setDefaultClientScopes(null);
        c.setOptionalClientScopes(null);
        c.setProtocolMappers(null);
        return c;
    }

    private void ensureApiScope(RealmResource realm, String realmName, ClientRepresentation c, String scopeId,
                                Created created) {
        List<String> defaults = c.getDefaultClientScopes();
        boolean present = defaults != null ? defaults.contains(Representations.API_SCOPE)
                : admin.call("reading the default scopes of client " + c.getClientId(),
                        () -> realm.clients().get(c.getId()).getDefaultClientScopes()).stream()
                        .anyMatch(s -> Representations.API_SCOPE.equals(s.getName()));
        if (!present) {
            admin.run("adding scope " + Representations.API_SCOPE + " to client " + c.getClientId() + " of realm "
                    + realmName, () -> realm.clients().get(c.getId()).addDefaultClientScope(scopeId));
            created.add("scope " + Representations.API_SCOPE + " of client " + c.getClientId());
        }
    }

    private void repairDepartmentClaim(RealmResource realm, String realmName, DepartmentDefinition d,
                                       ClientRepresentation c, Created created) {
        ProtocolMapperRepresentation expected = Representations.departmentClaim(d.code());
        ClientResource client = realm.clients().get(c.getId());
        List<ProtocolMapperRepresentation> mappers = c.getProtocolMappers() != null ? c.getProtocolMappers()
                : admin.call("reading the mappers of client " + d.clientId(), () -> client.getProtocolMappers().getMappers());
        ProtocolMapperRepresentation found = mappers.stream()
                .filter(m -> Representations.DEPARTMENT.equals(m.getName())).findFirst().orElse(null);
        if (Representations.matches(expected, found)) {
            return;
        }
        String what = "mapper " + Representations.DEPARTMENT + " of client " + d.clientId();
        if (found == null) {
            admin.created("creating " + what + " in realm " + realmName,
                    admin.call("creating " + what, () -> client.getProtocolMappers().createMapper(expected)));
        } else {
            expected.setId(found.getId());
            admin.run("repairing " + what + " in realm " + realmName,
                    () -> client.getProtocolMappers().update(found.getId(), expected));
        }
        created.add(what);
    }

    /** Gives the service accounts of existing department clients the role, where it is missing. */
    private void ensureHandlerRole(RealmResource realm, String realmName, List<DepartmentDefinition> departments,
                                   Map<String, ClientRepresentation> clients, Created created) {
        if (departments.isEmpty()) {
            return;
        }
        String role = Role.DEPARTMENT_HANDLER.id();
        Set<String> holders = admin.call("reading the holders of role " + role + " in realm " + realmName, () -> {
            Set<String> names = new HashSet<>();
            for (int first = 0; ; first += PAGE) {
                List<UserRepresentation> page = realm.roles().get(role).getUserMembers(true, first, PAGE);
                page.forEach(u -> names.add(u.getUsername()));
                if (page.size() < PAGE) {
                    return names;
                }
            }
        });
        RoleRepresentation roleRep = null;
        for (DepartmentDefinition d : departments) {
            String account = Representations.serviceAccountName(d.clientId());
            if (holders.contains(account)) {
                continue;
            }
            if (roleRep == null) {
                roleRep = admin.call("reading role " + role + " of realm " + realmName,
                        () -> realm.roles().get(role).toRepresentation());
            }
            RoleRepresentation grant = roleRep;
            String clientUuid = Objects.requireNonNull(clients.get(d.clientId())).getId();
            admin.run("granting " + role + " to the service account of " + d.clientId() + " in realm " + realmName, () -> {
                UserRepresentation user = realm.clients().get(clientUuid).getServiceAccountUser();
                realm.users().get(user.getId()).roles().realmLevel().add(List.of(grant));
            });
            created.add("role " + role + " of " + account);
        }
    }
}
