package org.gongzhi.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** Reading request bodies and queries and writing JSON answers on the JDK server. */
final class Exchanges {

    static final int MAX_BODY = 1 << 20;

    private Exchanges() {
    }

    /** The request body, or {@code null} when it is longer than {@link #MAX_BODY}. */
    static byte[] body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        }
    }

    /** The request body as JSON, or {@code null} when it is missing, too long or not JSON. */
    static JsonNode jsonBody(HttpExchange x) throws IOException {
        byte[] body = body(x);
        try {
            return body == null ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The parameters of a raw query string, decoded; malformed ones are left out as if absent. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    try {
                        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        // ignored, like an absent parameter
                    }
                }
            }
        }
        return out;
    }

    static void json(HttpExchange x, int status, Object body) throws IOException {
        send(x, status, "application/json; charset=utf-8", Json.bytes(body));
    }

    static void problem(HttpExchange x, Problem p) throws IOException {
        send(x, p.status(), "application/problem+json; charset=utf-8", Json.bytes(p));
    }

    static void methodNotAllowed(HttpExchange x, String... allowed) throws IOException {
        x.getResponseHeaders().set("Allow", String.join(", ", Arrays.asList(allowed)));
        problem(x, Problem.of(405, "method-not-allowed", "不支持的方法 (method not allowed)",
                x.getRequestMethod() + " is not allowed here; use " + String.join(" or ", allowed), null));
    }

    static void notFound(HttpExchange x) throws IOException {
        problem(x, Problem.of(404, "not-found", "资源不存在 (not found)", "no such path: " + x.getRequestURI().getPath(),
                null));
    }

    private static void send(HttpExchange x, int status, String type, byte[] bytes) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
