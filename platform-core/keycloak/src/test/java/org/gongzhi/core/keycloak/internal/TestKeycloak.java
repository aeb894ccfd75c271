package org.gongzhi.core.keycloak.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.gongzhi.core.identity.TokenValidator;
import org.gongzhi.core.identity.internal.KeycloakTokenValidator;
import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * The real Keycloak of the tests: {@link LocalKeycloak#shared()} (one per JVM, started on first
 * use), or the server named by {@code -Dgongzhi.test.keycloakUrl} with
 * {@code -Dgongzhi.test.adminUser}/{@code -Dgongzhi.test.adminPassword}.
 */
final class TestKeycloak {

    static final List<String> REDIRECT_URIS = ProvisioningSettings.list(
            new String[] { ProvisioningSettings.DEFAULT_REDIRECT_URIS });

    private static TestKeycloak instance;

    final String url;
    final String adminUser;
    final String adminPassword;
    private Keycloak admin;

    private TestKeycloak(String url, String adminUser, String adminPassword) {
        this.url = url;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    static synchronized TestKeycloak get() {
        if (instance == null) {
            String url = System.getProperty("gongzhi.test.keycloakUrl", "");
            if (url.isBlank()) {
                LocalKeycloak keycloak = LocalKeycloak.shared();
                instance = new TestKeycloak(keycloak.url(), keycloak.adminUser(), keycloak.adminPassword());
            } else {
                instance = new TestKeycloak(url, System.getProperty("gongzhi.test.adminUser", "admin"),
                        System.getProperty("gongzhi.test.adminPassword", ""));
            }
        }
        return instance;
    }

    /** Settings of a provisioning that logs in as the bootstrap administrator. */
    ProvisioningSettings settings() {
        return new ProvisioningSettings(url, "master", "admin-cli", adminUser, adminPassword, null, REDIRECT_URIS,
                false, DemoTenants.source(), Duration.ofSeconds(10));
    }

    KeycloakProvisioning provisioning() {
        return new KeycloakProvisioning(settings());
    }

    /** An admin client of the test's own, to look at and change what the provisioning did. */
    synchronized Keycloak admin() {
        if (admin == null) {
            admin = KeycloakBuilder.builder().serverUrl(url).realm("master").clientId("admin-cli")
                    .username(adminUser).password(adminPassword).build();
        }
        return admin;
    }

    TokenClient tokens() {
        return new TokenClient(url);
    }

    /** The platform's token validator trusting the given tenants ("city" = realm gongzhi-city). */
    TokenValidator validator(String... tenants) {
        return new KeycloakTokenValidator(new ValidatorConfig(url, tenants));
    }

    Path tenants() {
        return DemoTenants.source();
    }

    /** The validator's configuration, as ConfigurationAdmin would hand it over. */
    @SuppressWarnings("all")
    private record ValidatorConfig(String keycloakUrl, String[] tenants) implements KeycloakTokenValidator.Config {
        @Override
        public String audience() {
            return "gongzhi-api";
        }

        @Override
        public int jwksCacheSeconds() {
            return 300;
        }

        @Override
        public int jwksRefetchSeconds() {
            return 30;
        }

        @Override
        public int verifiedTokenSeconds() {
            return 60;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return KeycloakTokenValidator.Config.class;
        }
    }
}
