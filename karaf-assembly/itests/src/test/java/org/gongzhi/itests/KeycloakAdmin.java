package org.gongzhi.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the identity tests do to Keycloak and its tokens from outside the platform: a few admin
 * REST calls (as the test Keycloak's bootstrap administrator) and forged tokens.
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakAdmin() {
    }

    private static String adminToken() throws IOException, InterruptedException {
        Api.Reply r = Tokens.grant("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", System.getProperty("gongzhi.test.keycloak.admin.user"),
                "password", System.getProperty("gongzhi.test.keycloak.admin.password")));
        return r.body().get("access_token").asText();
    }

    /** {@code method} on {@code /admin/realms/…}; returns status and parsed body. */
    static Api.Reply call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Tokens.keycloakUrl() + "/admin/realms" + path))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        return new Api.Reply(r.statusCode(), parsed, "", null);
    }

    /**
     * Creates (once) a public client with direct grants in {@code realm} whose default scopes are
     * exactly {@code scopes}, and with the given access-token lifespan in seconds (0 = realm default).
     */
    static void publicClient(String realm, String clientId, int lifespanSeconds, String... scopes)
            throws IOException, InterruptedException {
        ObjectNode client = JSON.createObjectNode().put("clientId", clientId).put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
        ArrayNode defaults = client.putArray("defaultClientScopes");
        for (String s : scopes) {
            defaults.add(s);
        }
        if (lifespanSeconds > 0) {
            client.putObject("attributes").put("access.token.lifespan", Integer.toString(lifespanSeconds));
        }
        int status = call("POST", "/" + realm + "/clients", client).status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("client " + clientId + " not created: " + status);
        }
    }

    /**
     * Makes sure {@code realm} has user {@code username} (demo password) holding realm role {@code role}:
     * creates the user if absent, adds the role if missing. Idempotent, so a user the provisioning
     * already created from a people.yaml is kept as it is.
     */
    static void userWithRole(String realm, String username, String role) throws IOException, InterruptedException {
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("firstName", "测试").put("lastName", "大屏").put("email", username + "@" + realm + ".example.cn")
                .put("emailVerified", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", Tokens.DEMO_PASSWORD)
                .put("temporary", false);
        int created = call("POST", "/" + realm + "/users", user).status();
        if (created != 201 && created != 409) {
            throw new IllegalStateException("user " + username + " not created: " + created);
        }
        Api.Reply found = call("GET", "/" + realm + "/users?exact=true&username=" + username, null);
        String id = found.body().get(0).get("id").asText();
        Api.Reply roleRep = call("GET", "/" + realm + "/roles/" + role, null);
        if (roleRep.status() != 200) {
            throw new IllegalStateException("realm " + realm + " has no role " + role + ": " + roleRep.status());
        }
        ArrayNode roles = JSON.createArrayNode().add(roleRep.body());
        int mapped = call("POST", "/" + realm + "/users/" + id + "/role-mappings/realm", roles).status();
        if (mapped != 204) {
            throw new IllegalStateException("role " + role + " not given to " + username + ": " + mapped);
        }
    }

    /** The decoded claims of a compact JWS. */
    static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** The token's header and claims with {@code alg: none} and no signature. */
    static String unsigned(String token) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** The token's header (same kid) and claims, signed with a key Keycloak never had. */
    static String signedByStranger(String token) throws Exception {
        String[] parts = token.split("\\.");
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(gen.generateKeyPair().getPrivate());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    /** The token with {@code role} added to its realm roles, the original signature kept. */
    static String withExtraRole(String token, String role) throws IOException {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) claims(token);
        ((ArrayNode) claims.with("realm_access").withArray("roles")).add(role);
        return parts[0] + "." + b64(JSON.writeValueAsString(claims)) + "." + parts[2];
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
