package org.gongzhi.core.keycloak.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The provisioning's configuration, checked. Exactly one way to log in as administrator: a user
 * with a password (password grant of {@code adminClientId}, usually {@code admin-cli}) or a
 * confidential client's service account ({@code adminClientSecret}, client-credentials grant).
 *
 * @param keycloakUrl              Keycloak's base URL without a trailing slash
 * @param adminRealm               realm the administrator logs in to, usually {@code master}
 * @param adminClientId            client used to log in
 * @param adminUser                administrator's user name, null with a client secret
 * @param adminPassword            administrator's password, null with a client secret
 * @param adminClientSecret        secret of a service-account client, null with a user
 * @param publicClientRedirectUris redirect URIs of the people's client {@code gongzhi-web}
 * @param publicClientWebOrigins   origins allowed to call Keycloak from a browser (CORS) for that client:
 *                                 {@code +} derives them from exact redirect URIs; a redirect URI with a
 *                                 wildcard port needs its origins listed (the web console's address)
 * @param provisionAtStart         whether the start-up job provisions the city and every district
 * @param tenantsDirectory         where {@code common/city-people.yaml} is read
 * @param startupWait              how long the start-up job waits for Keycloak to become reachable
 */
record ProvisioningSettings(String keycloakUrl, String adminRealm, String adminClientId, String adminUser,
                            String adminPassword, String adminClientSecret, List<String> publicClientRedirectUris,
                            List<String> publicClientWebOrigins, boolean provisionAtStart, Path tenantsDirectory,
                            Duration startupWait) {

    static final String DEFAULT_REDIRECT_URIS = "http://127.0.0.1:*,http://localhost:*";

    ProvisioningSettings {
        keycloakUrl = Objects.requireNonNull(keycloakUrl, "keycloakUrl").strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(keycloakUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keycloakUrl is not a URL: " + keycloakUrl, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("keycloakUrl must be an http(s) URL: " + keycloakUrl);
        }
        adminRealm = orDefault(adminRealm, "master");
        adminClientId = orDefault(adminClientId, "admin-cli");
        adminUser = blankToNull(adminUser);
        adminPassword = blankToNull(adminPassword);
        adminClientSecret = blankToNull(adminClientSecret);
        if (adminClientSecret == null && (adminUser == null || adminPassword == null)) {
            throw new IllegalArgumentException("set adminUser and adminPassword, or adminClientSecret of a "
                    + "service-account client (adminClientId)");
        }
        if (adminClientSecret != null && adminUser != null) {
            throw new IllegalArgumentException("set either adminUser/adminPassword or adminClientSecret, not both");
        }
        publicClientRedirectUris = List.copyOf(publicClientRedirectUris);
        if (publicClientRedirectUris.isEmpty()) {
            throw new IllegalArgumentException("publicClientRedirectUris must name at least one URI");
        }
        publicClientWebOrigins = publicClientWebOrigins.isEmpty() ? List.of("+") : List.copyOf(publicClientWebOrigins);
        Objects.requireNonNull(tenantsDirectory, "tenantsDirectory");
        if (startupWait.isNegative()) {
            throw new IllegalArgumentException("startupWaitSeconds must not be negative");
        }
    }

    /** With the web origins derived from the redirect URIs ({@code +}). */
    ProvisioningSettings(String keycloakUrl, String adminRealm, String adminClientId, String adminUser,
                         String adminPassword, String adminClientSecret, List<String> publicClientRedirectUris,
                         boolean provisionAtStart, Path tenantsDirectory, Duration startupWait) {
        this(keycloakUrl, adminRealm, adminClientId, adminUser, adminPassword, adminClientSecret,
                publicClientRedirectUris, List.of("+"), provisionAtStart, tenantsDirectory, startupWait);
    }

    /** From the component's configuration; {@code karafHome} locates the default tenants directory. */
    static ProvisioningSettings of(ProvisioningConfig c, String karafHome) {
        String dir = blankToNull(c.tenantsDirectory());
        return new ProvisioningSettings(c.keycloakUrl(), c.adminRealm(), c.adminClientId(), c.adminUser(),
                c.adminPassword(), c.adminClientSecret(), list(c.publicClientRedirectUris()),
                list(c.publicClientWebOrigins()), c.provisionAtStart(),
                dir != null ? Path.of(dir) : Path.of(karafHome == null ? "." : karafHome, "tenants"),
                Duration.ofSeconds(c.startupWaitSeconds()));
    }

    /** Whether the administrator logs in with a client secret (client-credentials grant). */
    boolean serviceAccountLogin() {
        return adminClientSecret != null;
    }

    /**
     * Values from configuration: a Karaf {@code .cfg} delivers {@code a, b} as one string, a typed
     * {@code .config} as an array; both are accepted.
     */
    static List<String> list(String[] values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values)
                .filter(Objects::nonNull)
                .flatMap(v -> Arrays.stream(v.split("[,\\s]+")))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static String orDefault(String value, String fallback) {
        String v = blankToNull(value);
        return v == null ? fallback : v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never shows the password or the secret. */
    @Override
    public String toString() {
        return "ProvisioningSettings[" + keycloakUrl + ", realm " + adminRealm + ", client " + adminClientId
                + (serviceAccountLogin() ? " (service account)" : ", user " + adminUser) + "]";
    }
}
