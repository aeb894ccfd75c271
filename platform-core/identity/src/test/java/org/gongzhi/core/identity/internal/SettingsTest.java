package org.gongzhi.core.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Set;

import org.junit.Test;

public class SettingsTest {

    private static KeycloakTokenValidator.Config config(String url, String[] tenants, int cacheSeconds, int refetchSeconds) {
        return new KeycloakTokenValidator.Config() {
            @Override public Class<? extends Annotation> annotationType() { return KeycloakTokenValidator.Config.class; }
            @Override public String keycloakUrl() { return url; }
            @Override public String[] tenants() { return tenants; }
            @Override public String audience() { return "gongzhi-api"; }
            @Override public int jwksCacheSeconds() { return cacheSeconds; }
            @Override public int jwksRefetchSeconds() { return refetchSeconds; }
            @Override public int verifiedTokenSeconds() { return 60; }
        };
    }

    @Test
    public void tenantsComeAsOneCommaSeparatedStringOrAsAnArray() {
        assertThat(Settings.tenantIds(new String[] { "city, jizhou,donghu  jiangbei" }))
                .containsExactly("city", "jizhou", "donghu", "jiangbei");
        assertThat(Settings.tenantIds(new String[] { "city", "jizhou" })).containsExactly("city", "jizhou");
        assertThat(Settings.tenantIds(new String[] { "" })).isEmpty();
        assertThat(Settings.tenantIds(null)).isEmpty();
    }

    @Test
    public void configurationBecomesSettings() {
        Settings settings = Settings.of(config("http://127.0.0.1:18080/ ", new String[] { "city,jizhou" }, 300, 30));

        assertThat(settings.keycloakUrl()).isEqualTo("http://127.0.0.1:18080");
        assertThat(settings.tenants()).containsExactlyInAnyOrder("city", "jizhou");
        assertThat(settings.audience()).isEqualTo("gongzhi-api");
        assertThat(settings.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.jwksRefetchRate()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    public void theComponentStartsFromItsConfiguration() {
        KeycloakTokenValidator validator = new KeycloakTokenValidator(config("https://id.example.org", new String[] { "city" }, 300, 30));
        validator.deactivate();
    }

    @Test
    public void nonsenseIsRefused() {
        assertThatThrownBy(() -> Settings.of(config("ftp://x", new String[] { "city" }, 300, 30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Settings.of(config("http://x", new String[] { "Jizhou" }, 300, 30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Settings.of(config("http://x", new String[] { "gongzhi-city" }, 300, 30)))
                .hasMessageContaining("city");
        assertThatThrownBy(() -> Settings.of(config("http://x", new String[] { "city" }, 5, 2)))
                .hasMessageContaining("jwksCacheSeconds");
        assertThatThrownBy(() -> Settings.of(config("http://x", new String[] { "city" }, 60, 60)))
                .hasMessageContaining("jwksRefetchSeconds");
    }

    @Test
    public void realmsAndIssuers() {
        assertThat(RealmNames.issuer("http://kc", "city")).isEqualTo("http://kc/realms/gongzhi-city");
        assertThat(RealmNames.issuer("http://kc", "jizhou")).isEqualTo("http://kc/realms/jizhou");
        assertThat(RealmNames.jwksUrl("http://kc/realms/jizhou")).isEqualTo("http://kc/realms/jizhou/protocol/openid-connect/certs");
        assertThat(new Settings("http://kc", Set.of(), "a", Duration.ofSeconds(10), Duration.ofSeconds(9), Duration.ZERO)
                .tenants()).isEmpty();
    }

    @Test
    public void refreshAheadStaysWithinTheTimeToLive() {
        assertThat(RealmVerifier.refreshAhead(300_000)).isEqualTo(30_000);
        assertThat(RealmVerifier.refreshAhead(60_000)).isEqualTo(6_000);
        assertThat(RealmVerifier.refreshAhead(10_000)).isEqualTo(1_000);
    }
}
