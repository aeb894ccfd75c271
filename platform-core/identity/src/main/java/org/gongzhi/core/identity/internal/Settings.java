package org.gongzhi.core.identity.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The validator's configuration, checked.
 *
 * @param keycloakUrl      Keycloak's base URL as it names itself in {@code iss}, without a trailing slash
 * @param tenants          the tenants whose realms are trusted
 * @param audience         the {@code aud} every token must carry
 * @param jwksCacheTtl     how long a realm's JWKS is used before it is fetched again
 * @param jwksRefetchRate  at most two fetches of one realm's JWKS per this interval (an unknown
 *                         {@code kid} triggers a refetch; this keeps forged kids from hammering Keycloak)
 * @param clockSkew        allowed difference between Keycloak's clock and ours for {@code exp}/{@code nbf}
 */
record Settings(String keycloakUrl, Set<String> tenants, String audience, Duration jwksCacheTtl,
        Duration jwksRefetchRate, Duration clockSkew) {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final Duration MIN_CACHE_TTL = Duration.ofSeconds(10);

    Settings {
        keycloakUrl = Objects.requireNonNull(keycloakUrl, "keycloakUrl").strip().replaceAll("/+$", "");
        URI uri = URI.create(keycloakUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("keycloakUrl must be an http(s) URL: " + keycloakUrl);
        }
        tenants = Set.copyOf(tenants);
        tenants.forEach(RealmNames::requireTenantId);
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
        audience = audience.strip();
        if (jwksCacheTtl.compareTo(MIN_CACHE_TTL) < 0) {
            throw new IllegalArgumentException("jwksCacheSeconds must be at least " + MIN_CACHE_TTL.toSeconds());
        }
        if (jwksRefetchRate.isNegative() || jwksRefetchRate.isZero() || jwksRefetchRate.compareTo(jwksCacheTtl) >= 0) {
            throw new IllegalArgumentException("jwksRefetchSeconds must be positive and less than jwksCacheSeconds");
        }
        Objects.requireNonNull(clockSkew, "clockSkew");
    }

    static Settings of(KeycloakTokenValidator.Config config) {
        return new Settings(config.keycloakUrl(), tenantIds(config.tenants()), config.audience(),
                Duration.ofSeconds(config.jwksCacheSeconds()), Duration.ofSeconds(config.jwksRefetchSeconds()),
                CLOCK_SKEW);
    }

    /**
     * Tenant ids from configuration: a Karaf {@code .cfg} delivers {@code tenants = city, jizhou}
     * as one string, a typed {@code .config} as an array; both are accepted.
     */
    static Set<String> tenantIds(String[] values) {
        Set<String> ids = new LinkedHashSet<>();
        if (values != null) {
            Arrays.stream(values)
                    .filter(Objects::nonNull)
                    .flatMap(v -> Arrays.stream(v.split("[,\\s]+")))
                    .filter(s -> !s.isEmpty())
                    .forEach(ids::add);
        }
        return ids;
    }

    /** Whether a realm verifier built for {@code other} can serve this configuration unchanged. */
    boolean sameVerification(Settings other) {
        return keycloakUrl.equals(other.keycloakUrl) && audience.equals(other.audience)
                && jwksCacheTtl.equals(other.jwksCacheTtl) && jwksRefetchRate.equals(other.jwksRefetchRate)
                && clockSkew.equals(other.clockSkew);
    }
}
