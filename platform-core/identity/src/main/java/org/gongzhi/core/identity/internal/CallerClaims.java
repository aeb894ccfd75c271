package org.gongzhi.core.identity.internal;

import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.identity.InvalidTokenException;
import org.gongzhi.core.identity.InvalidTokenException.Reason;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Reads the {@link Caller} from a verified Keycloak access token: {@code sub},
 * {@code preferred_username}, {@code realm_access.roles}, {@code azp}, {@code department} and {@code grids}.
 */
final class CallerClaims {

    static final String USERNAME = "preferred_username";
    static final String REALM_ACCESS = "realm_access";
    static final String ROLES = "roles";
    static final String CLIENT_ID = "azp";
    /** The department code (e.g. {@code CG}) of a department system's service account or handler. */
    static final String DEPARTMENT = "department";
    /** The grid codes a grid worker works in. */
    static final String GRIDS = "grids";

    private CallerClaims() {
    }

    static Caller caller(String tenantId, JWTClaimsSet claims) throws InvalidTokenException {
        try {
            return new Caller(tenantId, claims.getSubject(), claims.getStringClaim(USERNAME), roles(claims),
                    claims.getStringClaim(CLIENT_ID), claims.getStringClaim(DEPARTMENT), grids(claims));
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED, "a claim has the wrong type: " + e.getMessage(), e);
        }
    }

    private static Set<String> grids(JWTClaimsSet claims) throws ParseException {
        Object value = claims.getClaim(GRIDS);
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String single) {
            return Set.of(single);
        }
        List<String> list = claims.getStringListClaim(GRIDS);
        return list == null ? Set.of() : Set.copyOf(list);
    }

    private static Set<String> roles(JWTClaimsSet claims) throws ParseException {
        Map<String, Object> realmAccess = claims.getJSONObjectClaim(REALM_ACCESS);
        if (realmAccess == null || !(realmAccess.get(ROLES) instanceof List<?> list)) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : list) {
            if (role instanceof String name) {
                roles.add(name);
            }
        }
        return roles;
    }
}
