package org.gongzhi.core.identity;

import java.util.Objects;

/**
 * A bearer token was refused. The {@link #reason()} is for logs, metrics and tests; a caller
 * answering an HTTP request should not tell the client more than "401 invalid token", except
 * for {@link Reason#KEYS_UNAVAILABLE}, which is not the client's fault (503).
 *
 * @since 1.0
 */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** Not a compact JWS (missing, empty, oversized, unparsable, not JSON, no subject or expiry). */
        MALFORMED,
        /** {@code alg: none}: an unsecured JWT. */
        UNSIGNED,
        /** The signature does not verify, or the algorithm is not RS256 (HMAC included). */
        BAD_SIGNATURE,
        /** {@code exp} is past (beyond the allowed clock skew). */
        EXPIRED,
        /** {@code nbf} is still ahead (beyond the allowed clock skew). */
        NOT_YET_VALID,
        /** The issuer is not the realm of a trusted tenant. */
        WRONG_ISSUER,
        /** {@code aud} does not include the platform's API audience. */
        WRONG_AUDIENCE,
        /** The realm's JWKS has no key with the token's {@code kid}, even after a refetch. */
        UNKNOWN_KEY,
        /**
         * The realm's JWKS could not be fetched (Keycloak unreachable or answering an error): the
         * token could not be checked. Not the client's fault; answer 503, not 401.
         */
        KEYS_UNAVAILABLE
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public InvalidTokenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "InvalidTokenException[" + reason + "]: " + getMessage();
    }
}
