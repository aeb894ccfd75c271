package org.gongzhi.core.keycloak.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asks a Keycloak realm for tokens, as the platform's clients would. */
final class TokenClient {

    /** The token endpoint's answer. */
    record Answer(int status, Map<String, Object> body) {
        boolean ok() {
            return status == 200 && body.get("access_token") != null;
        }

        String accessToken() {
            return (String) body.get("access_token");
        }

        /** The access token's claims (not verified: the validator tests do that). */
        Map<String, Object> claims() {
            String[] parts = accessToken().split("\\.");
            return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;

    TokenClient(String keycloakUrl) {
        this.url = keycloakUrl;
    }

    Answer password(String realm, String clientId, String username, String password) {
        return post(realm, Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password, "scope", "openid"));
    }

    Answer clientCredentials(String realm, String clientId, String secret) {
        return post(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private Answer post(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Map<String, Object> parsed = text == null || text.isBlank() || !text.strip().startsWith("{")
                    ? new LinkedHashMap<>(Map.of("raw", String.valueOf(text))) : json(text);
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
