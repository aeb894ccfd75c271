package org.gongzhi.core.identity.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of Keycloak the validator talks to: {@code /realms/<realm>/protocol/openid-connect/certs}
 * on 127.0.0.1, a real HTTP server (the JDK's). Serves the public halves of the keys published for
 * each realm, counts the requests per realm, and can be made to fail.
 */
final class KeycloakStub implements AutoCloseable {

    private static final Pattern CERTS = Pattern.compile("/realms/([^/]+)/protocol/openid-connect/certs");

    private final HttpServer server;
    private final Map<String, String> jwks = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    KeycloakStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/", this::handle);
        server.start();
    }

    /** Base URL as Keycloak would name itself in {@code iss}, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the realm's JWKS holds (the public halves of) exactly these keys. */
    void publish(String realm, JWK... keys) {
        jwks.put(realm, new JWKSet(List.of(keys)).toPublicJWKSet().toString());
        failures.remove(realm);
    }

    /** From now on the realm's JWKS answers this HTTP status with no body. */
    void fail(String realm, int status) {
        failures.put(realm, status);
    }

    /** JWKS requests received for the realm so far. */
    int requests(String realm) {
        AtomicInteger count = requests.get(realm);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = CERTS.matcher(exchange.getRequestURI().getPath());
            if (!m.matches() || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String realm = m.group(1);
            requests.computeIfAbsent(realm, r -> new AtomicInteger()).incrementAndGet();
            Integer failure = failures.get(realm);
            String body = jwks.get(realm);
            if (failure != null || body == null) {
                exchange.sendResponseHeaders(failure != null ? failure : 404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
