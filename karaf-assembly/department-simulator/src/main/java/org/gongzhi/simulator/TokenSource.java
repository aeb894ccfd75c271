package org.gongzhi.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Access tokens of the department systems from Keycloak's client-credentials grant, one per tenant and
 * department, kept until 30 s before they expire (half their lifetime for tokens shorter than a minute).
 * Concurrent callers for the same client wait for one grant.
 */
final class TokenSource {

    static final long MARGIN_SECONDS = 30;

    /**
     * The grant failed; {@code retryable} is false when asking again cannot help: no secret configured, or
     * Keycloak refused the client (400, 401, 403).
     */
    static final class TokenException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        TokenException(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }

    private static final class Cached {
        String token;
        long renewAt;
    }

    private final HttpClient http;
    private final Template tokenUrl;
    private final Template clientId;
    private final ClientSecrets secrets;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    TokenSource(HttpClient http, Template tokenUrl, Template clientId, ClientSecrets secrets, Duration timeout,
                LongSupplier nanoTime) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.secrets = secrets;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    String token(String tenant, String department) throws TokenException {
        Cached c = cache.computeIfAbsent(key(tenant, department), k -> new Cached());
        synchronized (c) {
            if (c.token != null && nanoTime.getAsLong() - c.renewAt < 0) {
                return c.token;
            }
            c.token = null;
            grant(tenant, department, c);
            return c.token;
        }
    }

    /** Forgets the token (after a 401), so that the next call asks Keycloak again. */
    void invalidate(String tenant, String department) {
        Cached c = cache.get(key(tenant, department));
        if (c != null) {
            synchronized (c) {
                c.token = null;
            }
        }
    }

    String clientId(String tenant, String department) {
        return clientId.expandLowerCase(tenant, department);
    }

    private void grant(String tenant, String department, Cached into) throws TokenException {
        String id = clientId(tenant, department);
        String secret = secrets.secretFor(tenant, department);
        if (secret == null) {
            throw new TokenException("no client secret for " + tenant + "." + department
                    + " (add it to --secrets-file or give --client-secret)", false);
        }
        URI uri = URI.create(tokenUrl.expand(tenant, department));
        String form = "grant_type=client_credentials&client_id=" + enc(id) + "&client_secret=" + enc(secret);
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("token endpoint " + uri + " not reachable: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted", true);
        }
        JsonNode body = parse(r.body());
        if (r.statusCode() != 200 || body == null || !body.path("access_token").isTextual()) {
            String why = body == null ? abbreviate(r.body())
                    : body.path("error").asText("") + " " + body.path("error_description").asText("");
            // 400/401/403 (invalid_client, unauthorized_client …): a wrong secret or client does not mend itself;
            // a realm not yet provisioned (404) or a Keycloak still starting (5xx) may
            int status = r.statusCode();
            boolean retryable = status != 400 && status != 401 && status != 403;
            throw new TokenException("token endpoint " + uri + " refused client " + id + ": HTTP " + status
                    + " " + why.trim(), retryable);
        }
        long lifetime = Math.max(1, body.path("expires_in").asLong(60));
        long keep = lifetime >= 2 * MARGIN_SECONDS ? lifetime - MARGIN_SECONDS : lifetime / 2;
        into.token = body.get("access_token").textValue();
        into.renewAt = nanoTime.getAsLong() + Duration.ofSeconds(keep).toNanos();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String key(String tenant, String department) {
        return tenant + "\n" + department;
    }
}
