package org.gongzhi.core.identity.internal;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.identity.InvalidTokenException;
import org.gongzhi.core.identity.InvalidTokenException.Reason;
import org.gongzhi.core.identity.TokenValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Validates Keycloak bearer tokens for the tenants configured in {@code org.gongzhi.identity}.
 * The token's issuer chooses the realm (an issuer that is not a trusted tenant's realm is refused
 * before any key is fetched); that realm's {@link RealmVerifier} checks signature and claims;
 * {@link CallerClaims} reads the caller. A configuration change that only adds or removes tenants
 * keeps the other realms' cached keys.
 */
@Component(service = TokenValidator.class, configurationPid = KeycloakTokenValidator.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = KeycloakTokenValidator.Config.class)
public final class KeycloakTokenValidator implements TokenValidator {

    static final String PID = "org.gongzhi.identity";
    /** Keycloak's access tokens are 1–3 KB; anything this long is not one. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    @ObjectClassDefinition(name = "Gongzhi identity",
            description = "Validation of Keycloak-issued bearer tokens, one realm per tenant")
    public @interface Config {
        @AttributeDefinition(description = "Keycloak's base URL exactly as it appears in the tokens' iss, "
                + "before /realms/…, e.g. http://127.0.0.1:18080")
        String keycloakUrl();

        @AttributeDefinition(description = "Tenants whose realms are trusted (comma-separated): "
                + "'city' is realm gongzhi-city, a district's realm is its tenant id")
        String[] tenants() default { RealmNames.CITY_TENANT };

        @AttributeDefinition(description = "The audience (aud) every access token must include")
        String audience() default "gongzhi-api";

        @AttributeDefinition(description = "How long a realm's JWKS is cached, in seconds (at least 10)")
        int jwksCacheSeconds() default 300;

        @AttributeDefinition(description = "At most two JWKS fetches per realm in this many seconds "
                + "(unknown key ids trigger a refetch); less than jwksCacheSeconds")
        int jwksRefetchSeconds() default 30;

        @AttributeDefinition(description = "A token that passed every check is trusted again without a new "
                + "check for at most this many seconds (never past its exp); 0 checks every request")
        int verifiedTokenSeconds() default 60;
    }

    /** Default of {@link Config#verifiedTokenSeconds()}. */
    static final Duration VERIFIED_TOKEN_AGE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakTokenValidator.class);

    /** An immutable view of what is trusted: settings and one verifier per trusted issuer. */
    private record Trust(Settings settings, Map<String, RealmVerifier> byIssuer) {
    }

    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gongzhi-jwks-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Trust trust;
    private final VerifiedTokens verified;

    @Activate
    public KeycloakTokenValidator(Config config) {
        this(Settings.of(config), Duration.ofSeconds(Math.max(0, config.verifiedTokenSeconds())));
    }

    KeycloakTokenValidator(Settings settings) {
        this(settings, VERIFIED_TOKEN_AGE);
    }

    KeycloakTokenValidator(Settings settings, Duration verifiedTokenAge) {
        this.verified = new VerifiedTokens(verifiedTokenAge, Clock.systemUTC());
        this.trust = build(settings, Map.of());
        LOG.info("Trusting the Keycloak realms of tenants {} at {} (audience {})", settings.tenants(),
                settings.keycloakUrl(), settings.audience());
    }

    @Modified
    void modified(Config config) {
        reconfigure(Settings.of(config));
    }

    synchronized void reconfigure(Settings settings) {
        Trust old = trust;
        Map<String, RealmVerifier> reusable = settings.sameVerification(old.settings()) ? old.byIssuer() : Map.of();
        trust = build(settings, reusable);
        verified.clear();
        old.byIssuer().forEach((issuer, verifier) -> {
            if (trust.byIssuer().get(issuer) != verifier) {
                close(verifier);
            }
        });
        LOG.info("Now trusting the Keycloak realms of tenants {} at {} (audience {})", settings.tenants(),
                settings.keycloakUrl(), settings.audience());
    }

    @Deactivate
    synchronized void deactivate() {
        trust.byIssuer().values().forEach(KeycloakTokenValidator::close);
        refresher.shutdownNow();
    }

    @Override
    public Caller validate(String bearerToken) throws InvalidTokenException {
        Caller known = bearerToken == null ? null : verified.get(bearerToken);
        if (known != null) {
            return known;
        }
        SignedJWT token = parse(bearerToken);
        String issuer = issuer(token);
        RealmVerifier realm = trust.byIssuer().get(issuer);
        if (realm == null) {
            throw new InvalidTokenException(Reason.WRONG_ISSUER, "not a trusted tenant's realm: " + issuer);
        }
        JWTClaimsSet claims = verify(realm, token);
        Caller caller = CallerClaims.caller(realm.tenantId(), claims);
        verified.put(bearerToken, caller, claims.getExpirationTime().toInstant());
        return caller;
    }

    /** A compact JWS signed with RS256; anything else is refused before a key is looked at. */
    private static SignedJWT parse(String bearerToken) throws InvalidTokenException {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new InvalidTokenException(Reason.MALFORMED, "no token");
        }
        if (bearerToken.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException(Reason.MALFORMED, "the token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        try {
            Base64URL[] parts = JOSEObject.split(bearerToken.strip());
            Header header = Header.parse(parts[0]);
            if (Algorithm.NONE.equals(header.getAlgorithm())) {
                throw new InvalidTokenException(Reason.UNSIGNED, "unsecured token (alg none)");
            }
            if (!(header instanceof JWSHeader) || parts.length != 3) {
                throw new InvalidTokenException(Reason.MALFORMED, "not a signed token (JWS)");
            }
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
                throw new InvalidTokenException(Reason.BAD_SIGNATURE,
                        "algorithm " + header.getAlgorithm() + " is not accepted, only RS256");
            }
            return new SignedJWT(parts[0], parts[1], parts[2]);
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED, "not a JWT: " + e.getMessage(), e);
        }
    }

    /** The unverified issuer, used only to choose the realm whose keys must verify the token. */
    private static String issuer(SignedJWT token) throws InvalidTokenException {
        try {
            String issuer = token.getJWTClaimsSet().getIssuer();
            if (issuer == null) {
                throw new InvalidTokenException(Reason.WRONG_ISSUER, "the token names no issuer (iss)");
            }
            return issuer;
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED, "the token's claims are not a JSON object: " + e.getMessage(), e);
        }
    }

    private static JWTClaimsSet verify(RealmVerifier realm, SignedJWT token) throws InvalidTokenException {
        try {
            return realm.verify(token);
        } catch (AccessTokenRules.Refused e) {
            throw new InvalidTokenException(e.reason, e.getMessage(), e);
        } catch (BadJWSException e) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "the signature does not verify", e);
        } catch (RealmVerifier.UnknownKey e) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY, e.getMessage(), e);
        } catch (RateLimitReachedException e) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY,
                    "no cached key with kid " + token.getHeader().getKeyID() + " and the JWKS refetch is rate-limited", e);
        } catch (KeySourceException e) {
            throw new InvalidTokenException(Reason.KEYS_UNAVAILABLE,
                    "the keys of realm " + realm.issuer() + " could not be fetched: " + e.getMessage(), e);
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(Reason.MALFORMED, e.getMessage(), e);
        } catch (JOSEException e) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "the signature could not be checked: " + e.getMessage(), e);
        }
    }

    private Trust build(Settings settings, Map<String, RealmVerifier> reusable) {
        Map<String, RealmVerifier> byIssuer = new LinkedHashMap<>();
        for (String tenant : settings.tenants()) {
            String issuer = RealmNames.issuer(settings.keycloakUrl(), tenant);
            RealmVerifier verifier = reusable.get(issuer);
            byIssuer.put(issuer, verifier != null ? verifier : new RealmVerifier(tenant, settings, refresher));
        }
        if (byIssuer.isEmpty()) {
            LOG.warn("No tenant is configured in {}: every token will be refused", PID);
        }
        return new Trust(settings, Collections.unmodifiableMap(byIssuer));
    }

    private static void close(RealmVerifier verifier) {
        try {
            verifier.close();
        } catch (IOException e) {
            LOG.warn("Closing the key cache of {} failed", verifier.issuer(), e);
        }
    }
}
