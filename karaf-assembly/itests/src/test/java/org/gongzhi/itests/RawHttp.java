package org.gongzhi.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends requests byte for byte as given (raw query, any Content-Type, any body) with a demo user's
 * token, over HTTP/1.1 to the platform on loopback.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RawHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, String contentType, String text, JsonNode json) {
        boolean isProblem() {
            return contentType.startsWith("application/problem+json") && json != null && json.isObject();
        }

        String field() {
            return json == null || json.get("field") == null ? null : json.get("field").asText();
        }
    }

    Answer send(HostileRequest r) throws IOException, InterruptedException {
        return send(r.operation().method(), r.pathAndQuery(), r.user() == null ? null : Callers.token(r.user()),
                r.headers(), r.body());
    }

    Answer send(String method, String pathAndQuery, String token, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        HttpResponse<java.io.InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String text;
        try (java.io.InputStream in = response.body()) {
            // a live event stream never ends: its first frame is the answer (the stream closes with the input stream)
            text = contentType.startsWith("text/event-stream") ? firstFrame(in)
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode json = null;
        try {
            json = text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException notJson) {
            // stays null: an HTML error page, say
        }
        return new Answer(response.statusCode(), contentType, text, json);
    }

    /** The text up to the first blank line (one server-sent event), at most 64 KB. */
    private static String firstFrame(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        int previous = -1;
        for (int c; frame.size() < 65_536 && (c = in.read()) != -1; previous = c) {
            if (c == '\n' && previous == '\n') {
                break;
            }
            frame.write(c);
        }
        return frame.toString(StandardCharsets.UTF_8);
    }
}
