package org.gongzhi.itests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Gets real access tokens from the test's Keycloak, as a user (password grant on the people's
 * client {@code gongzhi-web}) or a department system (client credentials), and caches them until
 * shortly before they expire.
 */
final class Tokens {

    /** The demo accounts' password (tenants/*&#47;people.yaml, demo only). */
    static final String DEMO_PASSWORD = "Gongzhi-demo-2026";
    static final String CITY_REALM = "gongzhi-city";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Cached(String token, Instant renewAt) {
    }

    private Tokens() {
    }

    static String keycloakUrl() {
        return System.getProperty("gongzhi.test.keycloak.url");
    }

    /** The realm of a demo user: the district of its prefix, the city for {@code city-…}. */
    static String realmOf(String username) {
        if (username.startsWith("city-")) {
            return CITY_REALM;
        }
        return switch (username.substring(0, username.indexOf('-'))) {
            case "dh" -> "donghu";
            case "jz" -> "jizhou";
            case "jb" -> "jiangbei";
            default -> throw new IllegalArgumentException("no demo realm for " + username);
        };
    }

    /** A token of demo user {@code username} with the demo password. */
    static String of(String username) {
        return CACHE.compute("user:" + username, (k, c) -> fresh(c) ? c
                : request(realmOf(username), Map.of("grant_type", "password", "client_id", "gongzhi-web",
                        "username", username, "password", DEMO_PASSWORD))).token();
    }

    /** A token of department system {@code clientId} of {@code realm} (client credentials). */
    static String ofDepartment(String realm, String clientId, String secret) {
        return CACHE.compute("client:" + realm + "/" + clientId, (k, c) -> fresh(c) ? c
                : request(realm, Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", secret))).token();
    }

    /** The raw token response of a grant; status and body, never cached. */
    static Api.Reply grant(String realm, Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(r.statusCode(), JSON.readTree(r.body()), "", null);
    }

    /**
     * Whether demo user {@code username} can sign in now (a password grant answered 200 within
     * {@code within}); never cached, never throws.
     */
    static boolean canSignIn(String username, Duration within) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/"
                            + realmOf(username) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id",
                            "gongzhi-web", "username", username, "password", DEMO_PASSWORD))))
                    .timeout(within).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean fresh(Cached c) {
        return c != null && Instant.now().isBefore(c.renewAt());
    }

    private static Cached request(String realm, Map<String, String> form) {
        try {
            Api.Reply reply = grant(realm, form);
            if (reply.status() != 200) {
                throw new IllegalStateException("no token from realm " + realm + ": " + reply.status() + " " + reply.body());
            }
            JsonNode body = reply.body();
            long lifetime = body.path("expires_in").asLong(60);
            return new Cached(body.get("access_token").asText(), Instant.now().plusSeconds(Math.max(1, lifetime - 30)));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + keycloakUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
