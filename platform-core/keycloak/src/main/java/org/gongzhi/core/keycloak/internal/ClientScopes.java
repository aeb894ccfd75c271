package org.gongzhi.core.keycloak.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The client scopes our clients get: the realm's default OpenID Connect scopes (with at least
 * {@code basic}, {@code profile}, {@code roles}, {@code email}) plus {@value Representations#API_SCOPE},
 * and {@code service_account} for clients with a service account; optional ones as the realm's.
 * Listing them explicitly makes Keycloak use exactly these, so {@code gongzhi-api} is added to our
 * clients only, never to clients an administrator creates later.
 *
 * @param realmDefaults the realm's default default client scopes (OpenID Connect)
 * @param realmOptional the realm's default optional client scopes (OpenID Connect)
 * @param existing      names of every client scope of the realm
 */
record ClientScopes(List<String> realmDefaults, List<String> realmOptional, Set<String> existing) {

    ClientScopes {
        realmDefaults = List.copyOf(realmDefaults);
        realmOptional = List.copyOf(realmOptional);
        existing = Set.copyOf(existing);
    }

    List<String> defaults(boolean serviceAccount) {
        Set<String> names = new LinkedHashSet<>(realmDefaults);
        Representations.REQUIRED_SCOPES.stream().sorted().filter(existing::contains).forEach(names::add);
        if (serviceAccount && existing.contains(Representations.SERVICE_ACCOUNT_SCOPE)) {
            names.add(Representations.SERVICE_ACCOUNT_SCOPE);
        }
        names.add(Representations.API_SCOPE);
        return new ArrayList<>(names);
    }

    List<String> optional() {
        return realmOptional.stream().filter(s -> !realmDefaults.contains(s)).toList();
    }
}
