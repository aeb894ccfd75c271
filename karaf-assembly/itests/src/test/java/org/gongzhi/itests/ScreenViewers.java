package org.gongzhi.itests;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wall-screen accounts ({@code screen-viewer}, 大屏观看) made for a test through Keycloak's admin API, with the
 * demo password: the realm role is created where the realm lacks it (the city realm before the screens'
 * own provisioning), the user once.
 */
final class ScreenViewers {

    private ScreenViewers() {
    }

    /** Makes {@code username} a screen viewer of {@code realm} (Keycloak's realm name). */
    static void create(String realm, String username) throws IOException, InterruptedException {
        expect(KeycloakAdmin.call("POST", "/" + realm + "/roles", Map.of("name", "screen-viewer")), 201, 409);
        expect(KeycloakAdmin.call("POST", "/" + realm + "/users", Map.of("username", username, "enabled", true,
                "email", username + "@screen.gongzhi.test", "emailVerified", true, "firstName", "大屏", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", Tokens.DEMO_PASSWORD, "temporary", false)))),
                201, 409);
        JsonNode users = KeycloakAdmin.call("GET", "/" + realm + "/users?exact=true&username=" + username, null).body();
        String id = users.get(0).get("id").asText();
        JsonNode role = KeycloakAdmin.call("GET", "/" + realm + "/roles/screen-viewer", null).body();
        expect(KeycloakAdmin.call("POST", "/" + realm + "/users/" + id + "/role-mappings/realm", List.of(role)), 204);
    }

    private static void expect(Api.Reply reply, int... statuses) {
        for (int s : statuses) {
            if (reply.status() == s) {
                return;
            }
        }
        throw new IllegalStateException("Keycloak answered " + reply.status() + ": " + reply.body());
    }
}
