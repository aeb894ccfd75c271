package org.gongzhi.core.identity.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.security.Key;
import java.util.List;
import java.util.concurrent.ExecutorService;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Verifies the tokens of one tenant's realm: RS256 signatures against the realm's JWKS, then the
 * {@link AccessTokenRules}. The JWKS is fetched when first needed (not at construction, so
 * Keycloak may start later), cached for the configured time, refreshed ahead of expiry in the
 * background, refetched (rate-limited) when a token names an unknown key id, and kept through a
 * Keycloak outage (ten times the cache time). Thread-safe.
 */
final class RealmVerifier implements Closeable {

    /** No key of the realm's JWKS matches the token's {@code kid}, even after a refetch. */
    static final class UnknownKey extends KeySourceException {
        private static final long serialVersionUID = 1L;

        UnknownKey(String kid) {
            super("no RS256 signing key with kid " + kid + " in the realm's JWKS");
        }
    }

    static final int HTTP_TIMEOUT_MILLIS = 2_000;
    static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;
    /** How long a request waits for another thread's fetch of the same JWKS. */
    static final long CACHE_REFRESH_TIMEOUT_MILLIS = 5_000;

    private final String tenantId;
    private final String issuer;
    private final JWKSource<SecurityContext> keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    RealmVerifier(String tenantId, Settings settings, ExecutorService refresher) {
        this.tenantId = tenantId;
        this.issuer = RealmNames.issuer(settings.keycloakUrl(), tenantId);
        long ttl = settings.jwksCacheTtl().toMillis();
        this.keys = JWKSourceBuilder.<SecurityContext>create(url(RealmNames.jwksUrl(issuer)),
                        new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES))
                .cache(ttl, CACHE_REFRESH_TIMEOUT_MILLIS)
                .refreshAheadCache(refreshAhead(ttl), null, refresher, false, null, false)
                .rateLimited(settings.jwksRefetchRate().toMillis())
                .retrying(true)
                .outageTolerant(true)
                .build();

        JWSVerificationKeySelector<SecurityContext> rs256 = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys);
        processor.setJWSKeySelector((header, context) -> {
            List<? extends Key> candidates = rs256.selectJWSKeys(header, context);
            if (candidates.isEmpty()) {
                throw new UnknownKey(header.getKeyID());
            }
            return candidates;
        });
        processor.setJWTClaimsSetVerifier(new AccessTokenRules(issuer, settings.audience(), settings.clockSkew()));
    }

    String tenantId() {
        return tenantId;
    }

    String issuer() {
        return issuer;
    }

    /** The token's verified claims; nimbus's exceptions (and {@link UnknownKey}, {@link AccessTokenRules.Refused}) otherwise. */
    JWTClaimsSet verify(SignedJWT token) throws BadJOSEException, JOSEException {
        return processor.process(token, null);
    }

    @Override
    public void close() throws IOException {
        if (keys instanceof Closeable closeable) {
            closeable.close();
        }
    }

    /** Refresh ahead a tenth of the time to live, between 1 s and 30 s; always within the TTL with the refresh timeout. */
    static long refreshAhead(long ttlMillis) {
        long ahead = Math.max(1_000, Math.min(30_000, ttlMillis / 10));
        return Math.min(ahead, ttlMillis - CACHE_REFRESH_TIMEOUT_MILLIS);
    }

    private static URL url(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }
}
