package org.gongzhi.core.keycloak.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.keycloak.admin.client.resource.ClientScopeResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

/**
 * The realm itself, its {@value Representations#API_SCOPE} client scope with three mappers and the
 * user-profile attributes: created when missing, mappers and attributes repaired. Existing realm
 * settings (display name, locales, enabled) are left as they are: they may have been changed on
 * purpose, and whether a district is enabled is {@code setDistrictEnabled}'s business.
 */
final class RealmSetup {

    /** What the later steps need to know about the realm. */
    record State(String defaultRole, String apiScopeId, ClientScopes scopes) {
    }

    private final AdminConnection admin;

    RealmSetup(AdminConnection admin) {
        this.admin = admin;
    }

    State ensure(RealmPlan plan, Created created) {
        String name = plan.realm();
        Optional<RealmRepresentation> existing = read(name);
        if (existing.isEmpty()) {
            if (create(plan)) {
                created.add("realm " + name);
            }
            existing = read(name);
        }
        RealmRepresentation rep = existing.orElseThrow(() -> KeycloakFailure.status("reading realm " + name,
                admin.url(), 404, "the realm vanished right after it was created", null));
        String defaultRole = rep.getDefaultRole() != null ? rep.getDefaultRole().getName() : "default-roles-" + name;
        RealmResource realm = admin.realm(name);
        List<ClientScopeRepresentation> all = allScopes(realm, name);
        Optional<ClientScopeRepresentation> scope = apiScope(all);
        if (scope.isEmpty()) {
            createApiScope(realm, name, created);
            all = allScopes(realm, name);
            scope = apiScope(all);
        } else {
            repairScopeMappers(realm, name, scope.get(), created);
        }
        String scopeId = scope.orElseThrow(() -> KeycloakFailure.status("reading client scopes of " + name,
                admin.url(), 404, "client scope " + Representations.API_SCOPE + " missing after creation", null))
                .getId();
        ensureUserProfile(realm, name, created);
        return new State(defaultRole, scopeId, scopes(realm, name, all));
    }

    /** The realm's representation, empty when there is no such realm. */
    Optional<RealmRepresentation> read(String name) {
        return admin.call("reading realm " + name, () -> {
            try {
                return Optional.of(admin.realm(name).toRepresentation());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Creates the realm; false when another caller created it meanwhile (409). */
    private boolean create(RealmPlan plan) {
        return admin.call("creating realm " + plan.realm(), () -> {
            try {
                admin.keycloak().realms().create(Representations.realm(plan));
                return true;
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 409) {
                    return false;
                }
                throw e;
            }
        });
    }

    private void createApiScope(RealmResource realm, String name, Created created) {
        String what = "creating client scope " + Representations.API_SCOPE + " in realm " + name;
        if (admin.created(what, admin.call(what, () -> realm.clientScopes().create(Representations.apiScope())))) {
            created.add("client scope " + Representations.API_SCOPE);
        }
    }

    private List<ClientScopeRepresentation> allScopes(RealmResource realm, String name) {
        return admin.call("reading client scopes of realm " + name, () -> realm.clientScopes().findAll());
    }

    private static Optional<ClientScopeRepresentation> apiScope(List<ClientScopeRepresentation> all) {
        return all.stream().filter(s -> Representations.API_SCOPE.equals(s.getName())).findFirst();
    }

    private void repairScopeMappers(RealmResource realm, String name, ClientScopeRepresentation scope,
                                    Created created) {
        Map<String, ProtocolMapperRepresentation> actual = scope.getProtocolMappers() == null ? Map.of()
                : scope.getProtocolMappers().stream()
                        .collect(Collectors.toMap(ProtocolMapperRepresentation::getName, Function.identity(), (a, b) -> a));
        ClientScopeResource resource = realm.clientScopes().get(scope.getId());
        for (ProtocolMapperRepresentation expected : Representations.apiScopeMappers()) {
            ProtocolMapperRepresentation found = actual.get(expected.getName());
            if (Representations.matches(expected, found)) {
                continue;
            }
            String what = "mapper " + expected.getName() + " of client scope " + Representations.API_SCOPE;
            if (found == null) {
                admin.created("creating " + what + " in realm " + name,
                        admin.call("creating " + what, () -> resource.getProtocolMappers().createMapper(expected)));
            } else {
                expected.setId(found.getId());
                admin.run("repairing " + what + " in realm " + name,
                        () -> resource.getProtocolMappers().update(found.getId(), expected));
            }
            created.add(what);
        }
    }

    private void ensureUserProfile(RealmResource realm, String name, Created created) {
        UPConfig config = admin.call("reading the user profile of realm " + name,
                () -> realm.users().userProfile().getConfiguration());
        boolean changed = false;
        for (UPAttribute expected : Representations.profileAttributes()) {
            UPAttribute found = config.getAttribute(expected.getName());
            if (found == null || found.isMultivalued() != expected.isMultivalued()) {
                if (found != null) {
                    found.setMultivalued(expected.isMultivalued());
                } else {
                    config.addOrReplaceAttribute(expected);
                }
                created.add("user profile attribute " + expected.getName());
                changed = true;
            }
        }
        if (changed) {
            admin.run("updating the user profile of realm " + name, () -> realm.users().userProfile().update(config));
        }
    }

    private ClientScopes scopes(RealmResource realm, String name, List<ClientScopeRepresentation> all) {
        Set<String> existing = all.stream().map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
        return admin.call("reading the default client scopes of realm " + name,
                () -> new ClientScopes(oidcNames(realm.getDefaultDefaultClientScopes()),
                        oidcNames(realm.getDefaultOptionalClientScopes()), existing));
    }

    private static List<String> oidcNames(List<ClientScopeRepresentation> scopes) {
        return scopes.stream()
                .filter(s -> s.getProtocol() == null || Representations.OIDC.equals(s.getProtocol()))
                .map(ClientScopeRepresentation::getName)
                .toList();
    }
}
