package org.gongzhi.core.keycloak.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs the accounts of the definition's people that existed already: the definition's realm
 * roles are added where missing (none is ever removed), {@code department} and {@code grids}
 * are made equal to the definition (they decide what the person's tokens may do), {@code phone}
 * is set only where it is missing (people may change it). Names, e-mail address, enabled and the
 * password are never touched: people and administrators own them once the account exists.
 */
final class PeopleRepair {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleRepair.class);

    private final AdminConnection admin;

    PeopleRepair(AdminConnection admin) {
        this.admin = admin;
    }

    void repair(RealmPlan plan, Set<String> existingUsers, Created created) {
        RealmResource realm = admin.realm(plan.realm());
        Map<String, RoleRepresentation> roles = null;
        for (PersonDefinition p : plan.people()) {
            if (!existingUsers.contains(p.username())) {
                continue;
            }
            String where = " of user " + p.username() + " in realm " + plan.realm();
            UserRepresentation user = admin.call("reading" + where,
                    () -> realm.users().searchByUsername(p.username(), true)).stream()
                    .filter(u -> p.username().equals(u.getUsername()))
                    .findFirst().orElse(null);
            if (user == null) {
                // skipped by the import because another account has the same e-mail address
                LOG.warn("Realm {}: user {} was not created: another account has e-mail address {}", plan.realm(),
                        p.username(), p.email());
                continue;
            }
            UserResource resource = realm.users().get(user.getId());
            Map<String, List<String>> attributes = repairedAttributes(p, user.getAttributes());
            if (attributes != null) {
                user.setAttributes(attributes);
                admin.run("updating the attributes" + where, () -> resource.update(user));
                created.add("attributes of user " + p.username());
            }
            Set<String> held = admin.call("reading the roles" + where, () -> resource.roles().realmLevel().listAll())
                    .stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
            List<Role> missing = p.roles().stream().filter(r -> !held.contains(r.id())).toList();
            if (!missing.isEmpty()) {
                if (roles == null) {
                    roles = realmRoles(realm, plan.realm());
                }
                Map<String, RoleRepresentation> known = roles;
                List<RoleRepresentation> grant = missing.stream()
                        .map(r -> Objects.requireNonNull(known.get(r.id()), r.id())).toList();
                admin.run("granting roles" + where, () -> resource.roles().realmLevel().add(grant));
                created.add("roles of user " + p.username());
            }
        }
    }

    private Map<String, RoleRepresentation> realmRoles(RealmResource realm, String realmName) {
        Map<String, RoleRepresentation> byName = new HashMap<>();
        admin.call("reading the roles of realm " + realmName, () -> realm.roles().list())
                .forEach(r -> byName.put(r.getName(), r));
        return byName;
    }

    /**
     * The attributes the account must have, or null when it has them: department and grids as
     * defined (removed when the definition has none), phone added when missing, every other
     * attribute kept.
     */
    static Map<String, List<String>> repairedAttributes(PersonDefinition p, Map<String, List<String>> actual) {
        Map<String, List<String>> current = actual == null ? Map.of() : actual;
        Map<String, List<String>> wanted = Representations.attributes(p);
        Map<String, List<String>> result = new HashMap<>(current);
        boolean changed = false;
        for (String owned : List.of(Representations.DEPARTMENT, Representations.GRIDS)) {
            List<String> want = wanted.get(owned);
            List<String> have = current.get(owned);
            if (want == null && have != null && !have.isEmpty()) {
                result.remove(owned);
                changed = true;
            } else if (want != null && (have == null || !new ArrayList<>(have).equals(want))) {
                result.put(owned, want);
                changed = true;
            }
        }
        List<String> phone = wanted.get(Representations.PHONE);
        List<String> havePhone = current.get(Representations.PHONE);
        if (phone != null && (havePhone == null || havePhone.isEmpty())) {
            result.put(Representations.PHONE, phone);
            changed = true;
        }
        return changed ? result : null;
    }
}
