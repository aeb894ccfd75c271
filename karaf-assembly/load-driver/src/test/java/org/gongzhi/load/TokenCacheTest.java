package org.gongzhi.load;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The token cache against a stand-in for Keycloak's token endpoint on 127.0.0.1, on a clock the test moves. */
public class TokenCacheTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Credentials LOGIN = new Credentials("jz-admin", "p&ss=wörd +1");

    private HttpServer server;
    private ExecutorService pool;
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final AtomicInteger grants = new AtomicInteger();
    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile int expiresIn = 300;
    /** When set, the next answers are this status with this body instead of a token. */
    private volatile int refuseStatus;
    private volatile String refuseBody;
    /** When set, grants wait for it before answering. */
    private volatile CountDownLatch gate;
    /** Set once the stand-in has answered a grant with anything but a token. */
    private volatile boolean refused;
    /**
     * Counted down by the first reading of the clock after a refusal was answered: the cache reads it to date the
     * refusal, which fixes the clock time its back-off counts from (and records the refusal right after).
     */
    private final CountDownLatch refusalDated = new CountDownLatch(1);

    @Before
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/realms/jizhou/protocol/openid-connect/token", this::grant);
        server.start();
    }

    @After
    public void stop() {
        if (gate != null) {
            gate.countDown();
        }
        server.stop(0);
        pool.shutdownNow();
    }

    private void grant(HttpExchange x) throws IOException {
        String body;
        try (InputStream in = x.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        forms.add(form);
        contentTypes.add(x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("Content-Type"));
        int n = grants.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = refuseStatus == 0 ? 200 : refuseStatus;
        String answer = refuseStatus == 0
                ? "{\"access_token\":\"tok-" + n + "\",\"expires_in\":" + expiresIn
                        + ",\"refresh_expires_in\":1800,\"token_type\":\"Bearer\",\"scope\":\"profile email\"}"
                : refuseBody;
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        if (status != 200) {
            refused = true; // before the answer leaves: the cache cannot read the clock for it any earlier
        }
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private TokenCache cache(int port) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new TokenCache(http, URI.create("http://127.0.0.1:" + port + "/"), "jizhou", LOGIN,
                Duration.ofSeconds(5), this::now);
    }

    /** The clock the cache reads: the test's, noting the first reading after a refusal. */
    private long now() {
        long now = clock.get();
        if (refused) {
            refusalDated.countDown();
        }
        return now;
    }

    private TokenCache cache() {
        return cache(server.getAddress().getPort());
    }

    private void advance(long seconds) {
        clock.addAndGet(seconds * SECOND);
    }

    /** Calls {@code token()} (the token stays valid, so it never waits) until it answers {@code expected}. */
    private static void awaitToken(TokenCache cache, String expected) {
        await("token " + expected).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5)).untilAsserted(() -> assertEquals(expected, cache.token()));
    }

    /** Waits until the stand-in Keycloak has received {@code n} grant requests. */
    private void awaitGrants(int n) {
        await(n + " grant requests").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5)).until(() -> grants.get() >= n);
    }

    @Test
    public void sendsThePasswordGrantOnceAndCaches() throws Exception {
        TokenCache cache = cache();
        assertEquals("tok-1", cache.token());
        assertEquals("tok-1", cache.token());
        assertEquals(1, grants.get());
        assertEquals(Map.of("grant_type", "password", "client_id", "gongzhi-web", "username", "jz-admin",
                "password", "p&ss=wörd +1"), forms.get(0));
        assertEquals("POST application/x-www-form-urlencoded", contentTypes.get(0));
        assertEquals("http://127.0.0.1:8080/realms/donghu/protocol/openid-connect/token",
                TokenCache.tokenUri(URI.create("http://127.0.0.1:8080"), "donghu").toString());
    }

    @Test
    public void renewsInTheBackgroundWhenLessThanAMinuteRemains() throws Exception {
        TokenCache cache = cache();
        assertEquals("tok-1", cache.token());
        advance(239); // 61 s left
        assertEquals("tok-1", cache.token());
        assertEquals(1, grants.get());

        gate = new CountDownLatch(1); // hold the renewal at Keycloak
        advance(2); // 59 s left: renew, but keep answering the valid token meanwhile
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(callers.submit(cache::token));
            }
            for (Future<String> a : answers) {
                assertEquals("tok-1", a.get(2, TimeUnit.SECONDS)); // nobody waits for the renewal
            }
        } finally {
            callers.shutdownNow();
        }
        awaitGrants(2); // the renewal reaches Keycloak, and is held there
        assertEquals(2, grants.get()); // one renewal for all 32 callers
        gate.countDown();
        awaitToken(cache, "tok-2");
        assertEquals(2, grants.get());

        advance(239); // the new token counts from its own grant: 61 s left
        assertEquals("tok-2", cache.token());
        assertEquals(2, grants.get());
    }

    @Test
    public void anExpiredTokenIsReplacedBeforeItIsUsed() throws Exception {
        TokenCache cache = cache();
        assertEquals("tok-1", cache.token());
        advance(300); // expired without a renewal (no call in the last minute)
        assertEquals("tok-2", cache.token());
        assertEquals(2, grants.get());
    }

    @Test
    public void shortLivedTokensAreRenewedAtHalfTheirLife() throws Exception {
        expiresIn = 60;
        TokenCache cache = cache();
        assertEquals("tok-1", cache.token());
        advance(29);
        assertEquals("tok-1", cache.token());
        assertEquals(1, grants.get());
        advance(2);
        awaitToken(cache, "tok-2");
    }

    @Test
    public void aRefusedGrantSaysWhy() throws Exception {
        refuseStatus = 401;
        refuseBody = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}";
        TokenCache cache = cache();
        TokenException e = assertThrows(TokenException.class, cache::token);
        String m = e.getMessage();
        assertTrue(m, m.contains("HTTP 401 invalid_grant: Invalid user credentials"));
        assertTrue(m, m.contains("user jz-admin in realm jizhou"));
        assertTrue(m, m.contains("/realms/jizhou/protocol/openid-connect/token"));
        assertTrue(m, !m.contains("wörd"));

        refuseBody = "<html>proxy error</html>";
        assertThrows(TokenException.class, cache::token); // within the back-off: the same failure, no new grant
        assertEquals(1, grants.get());
        advance(5);
        refuseStatus = 502;
        e = assertThrows(TokenException.class, cache::token);
        assertTrue(e.getMessage(), e.getMessage().contains("HTTP 502 <html>proxy error</html>"));
        assertEquals(2, grants.get());

        refuseStatus = 0;
        advance(5);
        assertEquals("tok-3", cache.token());
    }

    @Test
    public void aFailedRenewalKeepsTheValidTokenAndIsRetriedLater() throws Exception {
        TokenCache cache = cache();
        assertEquals("tok-1", cache.token());
        refuseStatus = 503;
        refuseBody = "";
        advance(250);
        assertEquals("tok-1", cache.token());
        awaitGrants(2);
        // the cache has dated the refusal on the clock: the back-off runs from now, before the clock moves on
        assertTrue("the refusal was never dated", refusalDated.await(10, TimeUnit.SECONDS));
        assertEquals("tok-1", cache.token()); // backing off: no new grant for 5 s
        assertEquals(2, grants.get());

        refuseStatus = 0;
        advance(5);
        awaitToken(cache, "tok-3");
        advance(46); // 250 + 5 + 46 = 301 s after the first grant: tok-1 would have expired, tok-3 has not
        assertEquals("tok-3", cache.token());
    }

    @Test
    public void noKeycloakIsAClearFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TokenException e = assertThrows(TokenException.class, cache(port)::token);
        assertTrue(e.getMessage(), e.getMessage().contains("cannot connect"));
        assertTrue(e.getMessage(), e.getMessage().contains("127.0.0.1:" + port));
    }
}
