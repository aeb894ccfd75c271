package org.gongzhi.core.identity.internal;

import java.util.regex.Pattern;

/**
 * Tenant ↔ Keycloak realm ↔ issuer. A district's realm is named by its tenant id; the city's
 * realm is {@code gongzhi-city} and its tenant id is {@code city}. A realm literally named
 * {@code city} belongs to no tenant.
 */
final class RealmNames {

    static final String CITY_TENANT = "city";
    static final String CITY_REALM = "gongzhi-city";

    /** Tenant ids as the tenant definitions use them: lower case, digits and hyphens. */
    private static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private RealmNames() {
    }

    static String realmOf(String tenantId) {
        return CITY_TENANT.equals(tenantId) ? CITY_REALM : tenantId;
    }

    /** The {@code iss} of the tenant's tokens: {@code <keycloakUrl>/realms/<realm>}. */
    static String issuer(String keycloakUrl, String tenantId) {
        return keycloakUrl + "/realms/" + realmOf(tenantId);
    }

    /** Where the realm publishes its signing keys. */
    static String jwksUrl(String issuer) {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** @throws IllegalArgumentException for an id that cannot name a tenant's realm */
    static String requireTenantId(String tenantId) {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("not a tenant id: '" + tenantId + "' (lower case letters, digits, hyphens)");
        }
        if (CITY_REALM.equals(tenantId)) {
            throw new IllegalArgumentException("'" + CITY_REALM + "' is the city's realm; its tenant id is '" + CITY_TENANT + "'");
        }
        return tenantId;
    }
}
