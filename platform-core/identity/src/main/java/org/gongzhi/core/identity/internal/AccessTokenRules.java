package org.gongzhi.core.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.gongzhi.core.identity.InvalidTokenException.Reason;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;

/**
 * The claims a realm's access token must have once its signature verified: an expiry that has not
 * passed, no {@code nbf} still ahead (both with the clock skew), the realm as issuer, the
 * platform's audience and a subject. Each refusal names its {@link Reason}.
 */
final class AccessTokenRules implements JWTClaimsSetVerifier<SecurityContext> {

    /** A refusal with its reason, carried through nimbus's {@code process} as a {@link BadJWTException}. */
    static final class Refused extends BadJWTException {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private final String issuer;
    private final String audience;
    private final Duration clockSkew;

    AccessTokenRules(String issuer, String audience, Duration clockSkew) {
        this.issuer = issuer;
        this.audience = audience;
        this.clockSkew = clockSkew;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new Refused(Reason.MALFORMED, "the token has no expiry (exp)");
        }
        if (!exp.toInstant().plus(clockSkew).isAfter(now)) {
            throw new Refused(Reason.EXPIRED, "the token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(clockSkew).isAfter(now)) {
            throw new Refused(Reason.NOT_YET_VALID, "the token is not valid before " + nbf.toInstant());
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new Refused(Reason.WRONG_ISSUER, "the token was issued by " + claims.getIssuer() + ", not " + issuer);
        }
        List<String> aud = claims.getAudience();
        if (!aud.contains(audience)) {
            throw new Refused(Reason.WRONG_AUDIENCE, "the token's audience " + aud + " does not include " + audience);
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new Refused(Reason.MALFORMED, "the token has no subject (sub)");
        }
    }
}
