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

/** The three calls of the REST API the driver makes, over one shared {@link HttpClient} (HTTP/1.1, keep-alive). */
final class ApiClient {

    /** Status and body of one answer; {@code status} 0 means no answer (I/O failure or timeout). */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final Duration timeout;
    private final String actor;

    ApiClient(URI base, Duration requestTimeout, String actor) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = base.toString();
        this.timeout = requestTimeout;
        this.actor = actor;
    }

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
        return post("/api/v1/tenants/" + t.tenant() + "/cases", body, idempotencyKey);
    }

    /** {@code POST …/cases/{id}/transitions} with {@code body} (action and its fields). */
    Reply transition(TenantProfile t, String caseId, Map<String, Object> body) throws InterruptedException {
        return post("/api/v1/tenants/" + t.tenant() + "/cases/" + caseId + "/transitions", body, null);
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

    private Reply post(String path, Map<String, Object> body, String idempotencyKey) throws InterruptedException {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) throws InterruptedException {
        request.timeout(timeout).header("Accept", "application/json").header("X-Gongzhi-Actor", actor);
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Reply(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
