package org.gongzhi.core.keycloak.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.PersonDefinition;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.ws.rs.core.Response;

/**
 * Creates every missing role, client and account of a realm in one request: Keycloak's partial
 * import with {@code ifResourceExists=SKIP}, which adds what is absent and leaves what exists
 * untouched (so an existing person's password is never reset). Its answer tells what it added;
 * what it skipped is checked by {@link ClientRepair} and {@link PeopleRepair}.
 */
final class MissingImport {

    /** Keycloak's answer to a partial import (only what we read). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(List<Result> results) {
    }

    /** One resource of the answer: action ADDED/SKIPPED/OVERWRITTEN, type REALM_ROLE/CLIENT/USER. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String action, String resourceType, String resourceName) {
        boolean added() {
            return "ADDED".equals(action);
        }
    }

    /** What existed already and so may need repairs. */
    record Outcome(Set<String> existingClients, Set<String> existingUsers) {
    }

    private final AdminConnection admin;

    MissingImport(AdminConnection admin) {
        this.admin = admin;
    }

    Outcome run(RealmPlan plan, RealmSetup.State state, List<String> redirectUris, List<String> webOrigins,
               Created created) {
        PartialImportRepresentation rep = new PartialImportRepresentation();
        rep.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
        RolesRepresentation roles = new RolesRepresentation();
        roles.setRealm(Representations.roles(plan));
        rep.setRoles(roles);
        List<ClientRepresentation> clients = new ArrayList<>();
        clients.add(Representations.publicClient(redirectUris, webOrigins, state.scopes()));
        List<UserRepresentation> users = new ArrayList<>();
        for (DepartmentDefinition d : plan.departments()) {
            clients.add(Representations.departmentClient(d, state.scopes()));
            users.add(Representations.serviceAccount(d, state.defaultRole()));
        }
        for (PersonDefinition p : plan.people()) {
            users.add(Representations.person(p, state.defaultRole()));
        }
        rep.setClients(clients);
        rep.setUsers(users);

        String what = "importing missing roles, clients and users into realm " + plan.realm();
        Results results = admin.call(what, () -> {
            Response response = admin.realm(plan.realm()).partialImport(rep);
            try (response) {
                if (response.getStatus() >= 300) {
                    throw KeycloakFailure.status(what, admin.url(), response.getStatus(),
                            KeycloakFailure.body(response), null);
                }
                return response.readEntity(Results.class);
            }
        });
        return outcome(plan, results == null || results.results() == null ? List.of() : results.results(), created);
    }

    /** Reports what was added (roles, clients, users, each in the definition's order) and returns what was skipped. */
    static Outcome outcome(RealmPlan plan, List<Result> unordered, Created created) {
        List<String> order = order(plan);
        List<Result> results = new ArrayList<>(unordered);
        results.sort(Comparator.comparingInt((Result r) -> TYPES.indexOf(r.resourceType()))
                .thenComparingInt(r -> order.indexOf(r.resourceName())));
        Set<String> addedClients = new HashSet<>();
        Set<String> existingClients = new HashSet<>();
        Set<String> existingUsers = new HashSet<>();
        for (Result r : results) {
            if ("CLIENT".equals(r.resourceType())) {
                (r.added() ? addedClients : existingClients).add(r.resourceName());
            }
        }
        for (Result r : results) {
            switch (r.resourceType() == null ? "" : r.resourceType()) {
                case "REALM_ROLE" -> {
                    if (r.added()) {
                        created.add("role " + r.resourceName());
                    }
                }
                case "CLIENT" -> {
                    if (r.added()) {
                        created.add("client " + r.resourceName());
                    }
                }
                case "USER" -> {
                    if (!r.added()) {
                        existingUsers.add(r.resourceName());
                    } else if (!isServiceAccountOf(r.resourceName(), addedClients)) {
                        created.add("user " + r.resourceName());
                    }
                }
                default -> {
                    // nothing else is imported
                }
            }
        }
        return new Outcome(Set.copyOf(existingClients), Set.copyOf(existingUsers));
    }

    private static final List<String> TYPES = List.of("REALM_ROLE", "CLIENT", "USER");

    /** Names in the definition's order: roles, the public client, departments, people. */
    private static List<String> order(RealmPlan plan) {
        List<String> names = new ArrayList<>();
        Representations.roles(plan).forEach(r -> names.add(r.getName()));
        names.add(Representations.PUBLIC_CLIENT);
        plan.departments().forEach(d -> names.add(d.clientId()));
        plan.people().forEach(p -> names.add(p.username()));
        return names;
    }

    /** A new client's service account is part of the client, not worth its own line. */
    private static boolean isServiceAccountOf(String username, Set<String> clients) {
        return clients.stream().anyMatch(c -> Representations.serviceAccountName(c).equals(username));
    }
}
