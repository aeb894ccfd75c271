package org.gongzhi.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calls of the REST API the driver makes, over one shared {@link HttpClient} (HTTP/1.1, keep-alive).
 * Every call but {@code health} carries {@code Authorization: Bearer} with the tenant's token from {@link Tokens}.
 */
final class ApiClient {

    /** {@link Reply#status()} of a call that was not sent: no access token could be had. */
    static final int NO_TOKEN = -1;
    /** {@link Reply#status()} of a call without an answer: I/O failure or timeout. */
    static final int NO_ANSWER = 0;

    /** Status and body of one answer; {@code status} {@value #NO_ANSWER} or {@value #NO_TOKEN}: none. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** 401 or 403: the token or the account's roles were refused — a setup problem, not load. */
        boolean authFailure() {
            return status == 401 || status == 403;
        }

        /** {@code HTTP 409}, {@code no answer}, {@code no token}. */
        static String label(int status) {
            return switch (status) {
                case NO_ANSWER -> "no answer";
                case NO_TOKEN -> "no token";
                default -> "HTTP " + status;
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final Duration timeout;
    private final Tokens tokens;

    ApiClient(URI base, Duration requestTimeout, Tokens tokens) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = base.toString();
        this.timeout = requestTimeout;
        this.tokens = tokens;
    }

    /** The one call without a token. */
    Reply health() throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET());
    }

    /** {@code POST …/cases} with a fresh {@code Idempotency-Key}. */
    Reply intake(TenantProfile t, String idempotencyKey, String title) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("categoryCode", t.categoryCode());
        body.put("channel", "grid-worker");
        body.put("gridCode", t.gridCode());
        if (t.longitude() != null && t.latitude() != null) {
            body.put("longitude", t.longitude());
            body.put("latitude", t.latitude());
        }
        body.put("address", "压力测试地址 (load-driver)");
        return post(t, "/cases", body, idempotencyKey);
    }

    /** {@code POST …/cases/{id}/transitions} with {@code body} (action and its fields). */
    Reply transition(TenantProfile t, String caseId, Map<String, Object> body) throws InterruptedException {
        return post(t, "/cases/" + caseId + "/transitions", body, null);
    }

    /** {@code GET …/dispatches?state=S&limit=1}: its {@code total} is the number of the tenant's dispatches in S. */
    Reply dispatchCount(TenantProfile t, String state) throws InterruptedException {
        try {
            return send(authorised(t, "/dispatches?state=" + state + "&limit=1").GET());
        } catch (TokenException e) {
            return new Reply(NO_TOKEN, e.getMessage());
        }
    }

    /** The number {@code field} of a JSON answer, or -1 when it has none. */
    static long number(String body, String field) {
        try {
            JsonNode n = JSON.readTree(body).get(field);
            return n != null && n.canConvertToLong() ? n.asLong() : -1;
        } catch (JsonProcessingException | RuntimeException e) {
            return -1;
        }
    }

    /** The {@code id} field of a case answer, or null when the body is not a case. */
    static String caseId(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("id");
            return id == null || !id.isTextual() || !id.asText().matches("[0-9a-fA-F-]{36}") ? null : id.asText();
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** {@code POST /api/v1/tenants/{tenant}{path}} as the tenant's account; not sent when it has no token. */
    private Reply post(TenantProfile t, String path, Map<String, Object> body, String idempotencyKey)
            throws InterruptedException {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request;
        try {
            request = authorised(t, path);
        } catch (TokenException e) {
            return new Reply(NO_TOKEN, e.getMessage());
        }
        request.header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A request to {@code /api/v1/tenants/{tenant}{path}} with the tenant's token. */
    private HttpRequest.Builder authorised(TenantProfile t, String path) throws InterruptedException, TokenException {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + t.tenant() + path))
                .header("Authorization", "Bearer " + tokens.token(t.tenant()));
    }

    private Reply send(HttpRequest.Builder request) throws InterruptedException {
        request.timeout(timeout).header("Accept", "application/json");
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = r.body();
            if (r.statusCode() == 401 || r.statusCode() == 403) { // the reason of a refused token is in this header
                String challenge = r.headers().firstValue("WWW-Authenticate").orElse(null);
                if (challenge != null) {
                    body = "[WWW-Authenticate: " + challenge + "] " + (body == null ? "" : body);
                }
            }
            return new Reply(r.statusCode(), body);
        } catch (IOException e) {
            return new Reply(NO_ANSWER, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
