package org.gongzhi.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the platform and its Keycloak on 127.0.0.1: a token endpoint per realm issuing
 * {@code token-<n>} for the client-credentials grant, and the updates endpoint recording every post. The next
 * answers of the updates endpoint can be scripted ({@link #answers}).
 */
final class PlatformStub implements AutoCloseable {

    /** One post to the updates endpoint. */
    record Post(String path, String authorization, String idempotencyKey, JsonNode body, int answered) {
    }

    final List<Post> posts = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> grants = new CopyOnWriteArrayList<>();
    /** Statuses to answer the next update posts with, in order; 204 once empty. */
    final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    volatile int expiresIn = 300;
    /** How many of the next grants are answered 503 (Keycloak still starting). */
    final AtomicInteger tokenFailures = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    PlatformStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/realms/", this::token);
        server.createContext("/api/v1/tenants/", this::update);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUrl() {
        return url() + "/realms/{tenant}/protocol/openid-connect/token";
    }

    /** The token issued last, as the simulator must present it. */
    String lastToken() {
        return "token-" + tokens.get();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("path", x.getRequestURI().getPath());
        for (String pair : read(x).split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        grants.add(form);
        if (tokenFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(x, 503, "{\"error\":\"starting\"}");
            return;
        }
        if ("wrong".equals(form.get("client_secret"))) {
            answer(x, 401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client secret\"}");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            answer(x, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        answer(x, 200, "{\"access_token\":\"token-" + tokens.incrementAndGet() + "\",\"expires_in\":" + expiresIn
                + ",\"token_type\":\"Bearer\"}");
    }

    private void update(HttpExchange x) throws IOException {
        JsonNode body = Json.MAPPER.readTree(read(x));
        Integer scripted = answers.poll();
        int status = scripted != null ? scripted : 204;
        posts.add(new Post(x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("Authorization"),
                x.getRequestHeaders().getFirst("Idempotency-Key"), body, status));
        if (status == 204) {
            x.sendResponseHeaders(204, -1);
            x.close();
        } else {
            answer(x, status, "{\"status\":" + status + "}");
        }
    }

    private static String read(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
