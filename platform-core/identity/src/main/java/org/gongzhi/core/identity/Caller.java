package org.gongzhi.core.identity;

import java.util.Objects;
import java.util.Set;

/**
 * A caller whose bearer token was verified.
 *
 * @param tenantId   the tenant whose Keycloak realm issued the token: the realm name, except
 *                   that the city realm {@code gongzhi-city} is tenant {@code city}; never null
 * @param subject    the token's {@code sub}: Keycloak's stable user id (for a service account,
 *                   the id of the client's service-account user); never null
 * @param username   {@code preferred_username} (a service account's is
 *                   {@code service-account-<client id>}); null if the token has none
 * @param roles      the realm roles ({@code realm_access.roles}), e.g. {@code dispatcher},
 *                   {@code grid-worker}; unmodifiable, empty if none
 * @param clientId   the client the token was issued to ({@code azp}): the people's public
 *                   client or a department system's confidential client; null if absent
 * @param department the department code (职能部门, e.g. {@code CG}) from the token's
 *                   {@code department} claim, which department systems' service accounts (and
 *                   department handlers) carry; null for everyone else
 * @param grids      the grid codes the caller works in (网格员), from the token's {@code grids}
 *                   claim (a string or an array of strings); unmodifiable, empty if none
 * @since 1.0 ({@code grids} since 1.1)
 */
public record Caller(String tenantId, String subject, String username, Set<String> roles, String clientId,
        String department, Set<String> grids) {

    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        grids = grids == null ? Set.of() : Set.copyOf(grids);
    }

    /** Whether the caller holds the realm role. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
