package org.gongzhi.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client of the platform's REST API, as any integrator would write one, with a
 * Keycloak bearer token on every request.
 *
 * <p>Whose token: {@link #as(String)} fixes the caller (a demo user such as {@code jz-grid1}),
 * {@link #withToken(String)} a raw token, {@link #anonymous()} none. The default client acts as
 * the district administrator of the district the path names ({@code jz-admin} for
 * {@code /api/v1/tenants/jizhou/…}), and as the city administrator for every other path — the
 * tests that are not about identity run the loop as the district's own centre.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DISTRICT_PATH = Pattern.compile("/api/v1/tenants/(donghu|jizhou|jiangbei)(/.*)?");
    private static final Map<String, String> PREFIX = Map.of("donghu", "dh", "jizhou", "jz", "jiangbei", "jb");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** Path → bearer token (null: send none). */
    private final Function<String, String> bearer;

    Api(int port) {
        this("http://127.0.0.1:" + port, Api::defaultToken);
    }

    private Api(String base, Function<String, String> bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The token the default client sends for {@code path}. */
    static String defaultToken(String path) {
        Matcher m = DISTRICT_PATH.matcher(path.split("\\?")[0]);
        return Tokens.of(m.matches() ? PREFIX.get(m.group(1)) + "-admin" : "city-admin");
    }

    /** This API as demo user {@code username}. */
    Api as(String username) {
        return new Api(base, path -> Tokens.of(username));
    }

    /** This API with {@code token} as the bearer token. */
    Api withToken(String token) {
        return new Api(base, path -> token);
    }

    /** This API without any token. */
    Api anonymous() {
        return new Api(base, path -> null);
    }

    record Reply(int status, JsonNode body, String contentType, String etag) {
        String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, Map.of());
    }

    Reply post(String path, String json, Map<String, String> headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** POST of a raw body with its own media type (e.g. {@code text/csv; charset=GBK}). */
    Reply post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), Map.of());
    }

    /** A binary answer: the status, the body's bytes and the response headers that matter here. */
    record Bytes(int status, byte[] body, String contentType, String cacheControl) {
    }

    /** GET of a binary resource (a photo, a PDF). */
    Bytes bytes(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        String token = bearer.apply(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Cache-Control").orElse(""));
    }

    /** POST of one file as the {@code file} part of a multipart/form-data form. */
    Reply postFile(String path, String fileName, String partType, byte[] content) throws IOException, InterruptedException {
        String boundary = "gongzhi-" + System.nanoTime();
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return post(path, form.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), Map.of());
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), Map.of());
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsString(body));
    }

    private Reply send(HttpRequest.Builder request, Map<String, String> headers) throws IOException, InterruptedException {
        headers.forEach(request::header);
        HttpRequest built = request.copy().build();
        String token = headers.containsKey("Authorization") ? null : bearer.apply(built.uri().getRawPath()
                + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode node = body == null || body.isBlank() ? JSON.nullNode() : parse(body);
        return new Reply(response.statusCode(), node, response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("ETag").orElse(null));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
