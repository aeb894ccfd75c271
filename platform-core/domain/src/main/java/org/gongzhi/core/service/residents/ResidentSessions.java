package org.gongzhi.core.service.residents;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Residents signed in with a one-time code sent by SMS (居民会话): they have no Keycloak account.
 * Implemented by the resident bundle (sessions kept in PostgreSQL, so every platform node agrees);
 * called by resources outside it that serve residents (their evidence uploads). Thread-safe; blocks
 * on the database.
 *
 * @since 1.6
 */
@ProviderType
public interface ResidentSessions {

    /**
     * The live session of {@code token} in district {@code tenantId}; empty for an unknown, expired
     * or revoked token, and for a token of another district.
     */
    Optional<ResidentSession> find(String tenantId, String token);

    /** The token of an {@code Authorization: Bearer <token>} header value; empty for none or another scheme. */
    static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
