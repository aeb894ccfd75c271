package org.gongzhi.core.keycloak.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.gongzhi.core.service.IdentityUnavailableException;
import org.gongzhi.core.tenant.TenantDefinition;
import org.junit.Test;

import com.sun.net.httpserver.HttpServer;

/** What callers see when Keycloak is not there, fails, or refuses the administrator. */
public class UnavailableKeycloakTest {

    @Test
    public void connectionRefusedIsATransientUnavailability() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        KeycloakProvisioning provisioning = new KeycloakProvisioning(settings("http://127.0.0.1:" + port, "secret"));
        try {
            TenantDefinition district = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
            assertThatThrownBy(() -> provisioning.provisionDistrict(district))
                    .isInstanceOf(IdentityUnavailableException.class)
                    .hasMessageStartingWith("身份服务不可用 (identity server unavailable): cannot reach http://127.0.0.1:" + port)
                    .hasMessageNotContaining("secret")
                    .satisfies(e -> assertThat(StartupProvisioning.worthRetrying(e)).isTrue());
            assertThatThrownBy(() -> provisioning.removeDistrict("jizhou")).isInstanceOf(IdentityUnavailableException.class);
            assertThatThrownBy(() -> provisioning.setDistrictEnabled("jizhou", false))
                    .isInstanceOf(IdentityUnavailableException.class);
        } finally {
            provisioning.close();
        }
    }

    @Test
    public void answers5xxAreATransientUnavailability() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"error\":\"starting\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        KeycloakProvisioning provisioning = new KeycloakProvisioning(
                settings("http://127.0.0.1:" + server.getAddress().getPort(), "secret"));
        try {
            assertThatThrownBy(() -> provisioning.provisionCity(List.of()))
                    .isInstanceOf(IdentityUnavailableException.class)
                    .hasMessageContaining("身份服务不可用 (identity server unavailable)")
                    .hasMessageContaining("503")
                    .satisfies(e -> assertThat(StartupProvisioning.worthRetrying(e)).isTrue());
        } finally {
            provisioning.close();
            server.stop(0);
        }
    }

    @Test
    public void aWrongAdminPasswordIsRefusedAndNotRetried() {
        TestKeycloak keycloak = TestKeycloak.get();
        KeycloakProvisioning provisioning = new KeycloakProvisioning(settings(keycloak.url, "not-the-password"));
        try {
            assertThatThrownBy(() -> provisioning.provisionCity(List.of()))
                    .isInstanceOf(IdentityUnavailableException.class)
                    .hasMessageStartingWith("身份服务拒绝了管理员凭据 (identity server refused the administrative credentials)")
                    .hasMessageContaining("invalid_grant")
                    .hasMessageNotContaining("not-the-password")
                    .satisfies(e -> assertThat(StartupProvisioning.worthRetrying(e)).isFalse());
        } finally {
            provisioning.close();
        }
    }

    private static ProvisioningSettings settings(String url, String password) {
        return new ProvisioningSettings(url, "master", "admin-cli", "admin", password, null,
                TestKeycloak.REDIRECT_URIS, false, DemoTenants.source(), Duration.ofSeconds(5));
    }
}
