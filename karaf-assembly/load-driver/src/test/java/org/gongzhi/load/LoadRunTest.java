package org.gongzhi.load;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Runs the driver for about a second against a stub of the API and of Keycloak's token endpoint on 127.0.0.1
 * (ephemeral port). The stub API answers 401 to a call without the bearer token issued for its tenant.
 */
public class LoadRunTest {

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY each answer waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServer server;
    private ExecutorService pool;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String failAction;
    private volatile int failStatus = 409;
    /** Tenants whose token endpoint refuses the password. */
    private final Map<String, Boolean> refuseLogin = new ConcurrentHashMap<>();
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    @Before
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newFixedThreadPool(8);
        server.setExecutor(pool);
        server.createContext("/api/v1/", this::handle);
        server.createContext("/realms/", this::token);
        server.start();
    }

    @After
    public void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** {@code /realms/{tenant}/protocol/openid-connect/token}: a token per tenant, unless its login is refused. */
    private void token(HttpExchange x) throws IOException {
        String body;
        try (InputStream in = x.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String tenant = x.getRequestURI().getPath().replaceAll("^/realms/([^/]+)/protocol/openid-connect/token$", "$1");
        count("token");
        if (refuseLogin.containsKey(tenant) || !body.contains("grant_type=password")) {
            answer(x, 401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");
        } else {
            String token = "tok-" + tenant + "-" + UUID.randomUUID();
            issued.put(tenant, token);
            answer(x, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String body;
        try (InputStream in = x.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = x.getRequestURI().getPath();
        String tenant = path.replaceAll("^/api/v1/tenants/([^/]+)/.*", "$1");
        String bearer = x.getRequestHeaders().getFirst("Authorization");
        int status;
        String answer;
        if (path.equals("/api/v1/health")) {
            status = 200;
            answer = "{\"status\":\"UP\"}";
        } else if (bearer == null || !bearer.equals("Bearer " + issued.get(tenant))) {
            count("unauthorized");
            x.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"gongzhi\", error=\"invalid_token\"");
            status = 401;
            answer = "";
        } else if (path.endsWith("/cases") && x.getRequestHeaders().getFirst("Idempotency-Key") != null) {
            count("intake");
            status = 201;
            answer = "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"reported\",\"version\":0}";
        } else if (path.endsWith("/transitions")) {
            String action = body.replaceAll(".*\"action\":\"([a-z-]+)\".*", "$1");
            count(action);
            boolean fail = action.equals(failAction)
                    || action.equals("evaluate") && !body.contains("\"satisfaction\":5"); // as the platform's 422
            status = fail ? failStatus : 200;
            answer = fail ? "{\"title\":\"illegal transition\"}" : "{\"id\":\"x\",\"version\":1}";
        } else {
            status = 404;
            answer = "{}";
        }
        answer(x, status, answer);
    }

    private static void answer(HttpExchange x, int status, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void count(String what) {
        calls.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private Options options(String duration, String... extra) {
        String stub = "http://127.0.0.1:" + server.getAddress().getPort();
        String[] base = {"--base", stub, "--keycloak", stub, "--threads", "8",
            "--warmup", "200ms", "--duration", duration, "--request-timeout", "5s"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return Options.parse(all);
    }

    /** An API client whose accounts have logged in, as {@link Main} does before the run. */
    private static ApiClient api(Options o) throws Exception {
        Tokens tokens = Tokens.of(o);
        tokens.fetchAll();
        return new ApiClient(o.base(), o.requestTimeout(), tokens);
    }

    @Test
    public void closedLoopDrivesEveryCaseToClose() throws Exception {
        Options o = options("800ms", "--max-cases", "300");
        Report r = new LoadRun(o, api(o)).execute();
        assertEquals(0, r.errors());
        assertEquals(0, r.exitCode());
        assertTrue(r.casesCreated() > 0);
        assertEquals(r.casesCreated(), r.casesClosed());
        assertEquals(6 * r.casesClosed(), r.transitions());
        assertEquals(calls.get("intake").get(), r.casesStarted());
        assertTrue(r.casesStarted() <= 300);
        assertEquals(calls.get("intake").get(), calls.get("close").get());
        assertTrue(r.measuredSeconds() >= 0.8);
        assertEquals(0, r.authFailures());
        assertEquals(null, calls.get("unauthorized"));
        assertEquals(3, calls.get("token").get()); // one login per tenant, then the cached token
    }

    @Test
    public void withEvaluateTheLoopEndsWithTheEvaluationAndTheCpuOfTheNamedProcessesIsMeasured() throws Exception {
        long self = ProcessHandle.current().pid();
        Options o = options("800ms", "--max-cases", "300", "--evaluate", "--cpu-pids", "stub=" + self);
        Report r = new LoadRun(o, api(o)).execute();
        assertEquals(0, r.errors());
        assertTrue(r.casesClosed() > 0);
        assertEquals(r.casesCreated(), r.casesClosed());
        assertEquals(7 * r.casesClosed(), r.transitions());
        assertEquals(r.casesClosed(), r.perTransition().get("evaluate").count());
        assertEquals(calls.get("close").get(), calls.get("evaluate").get());
        assertEquals(List.of("stub", CpuMeter.DRIVER), List.copyOf(r.cpu().keySet()));
        // the stub serves in this JVM, so both figures are this JVM's CPU over the measured window (≈ 0.8 s)
        for (Report.Cpu c : r.cpu().values()) {
            assertTrue("cpu " + c, c.seconds() > 0 && c.seconds() < 2 * 2 * r.measuredSeconds());
            assertEquals(c.seconds() * 1000 / r.casesClosed(), c.msPerClosedCase(), 0.01);
        }
        assertTrue(ReportText.format(r).contains("cpu (measured)"));
    }

    @Test
    public void withoutEvaluateTheLoopEndsAtClose() throws Exception {
        Options o = options("500ms", "--max-cases", "50");
        Report r = new LoadRun(o, api(o)).execute();
        assertEquals(null, calls.get("evaluate"));
        assertFalse(r.perTransition().containsKey("evaluate"));
        assertEquals(null, r.cpu());
    }

    @Test
    public void openLoopKeepsTheRateAndTheCloseFraction() throws Exception {
        Options o = options("800ms", "--rate", "100", "--close-fraction", "0.5");
        Report r = new LoadRun(o, api(o)).execute();
        assertEquals(0, r.errors());
        long started = r.casesStarted();
        assertTrue("started " + started, started > 50);
        assertEquals(100, started + r.notStarted()); // 1 s in all at 100/s: due cases are started or reported late
        assertEquals(started, calls.get("intake").get());
        assertEquals(started / 2, calls.get("close").get()); // every second case is closed
        assertEquals(Math.max(0, started - 20), r.casesCreated()); // cases due in the first 0.2 s are warm-up
        assertTrue(r.intake().max() < 1000);
    }

    @Test
    public void failedTransitionsAreErrors() throws Exception {
        failAction = "verify-pass";
        Options o = options("30s", "--max-cases", "20"); // ends as soon as the 20 cases are done
        Report r = new LoadRun(o, api(o)).execute();
        assertEquals(20, r.errors());
        assertEquals(Map.of("HTTP 409", 20L), r.errorsByStatus());
        assertEquals("verify-pass", r.errorSamples().get(0).operation());
        assertEquals(0, r.casesClosed());
        assertEquals(null, calls.get("close"));
        assertEquals(1, r.exitCode());
        assertFalse(r.stoppedOnErrors());
    }

    @Test
    public void stopsEarlyAfterMaxErrors() throws Exception {
        failAction = "register";
        Options o = options("30s", "--max-errors", "5");
        Report r = new LoadRun(o, api(o)).execute();
        assertTrue(r.stoppedOnErrors());
        assertTrue("errors " + r.errors(), r.errors() >= 5 && r.errors() < 5 + o.threads());
        assertTrue(r.measuredSeconds() < 10);
        assertEquals(1, r.exitCode());
        assertTrue(ReportText.format(r).contains("STOPPED EARLY"));
    }

    @Test
    public void refusedCallsAreCountedApartFromTheErrors() throws Exception {
        failAction = "dispatch";
        failStatus = 403;
        Options o = options("30s", "--max-cases", "12");
        Report r = new LoadRun(o, api(o)).execute();
        assertEquals(0, r.errors());
        assertEquals(Map.of(), r.errorsByStatus());
        assertEquals(12, r.authFailures());
        assertEquals(Map.of("HTTP 403", 12L), r.authFailuresByStatus());
        assertEquals(1, r.exitCode());
        String text = ReportText.format(r);
        assertTrue(text, text.contains("AUTH REFUSED    12"));
        assertTrue(text, text.contains("errors          0\n"));
    }

    @Test
    public void aRejectedTokenIs401WithTheReasonFromTheHeader() throws Exception {
        Options o = options("30s", "--max-cases", "6", "--close-fraction", "0");
        ApiClient api = api(o);
        issued.put("donghu", "another"); // the platform no longer accepts donghu's token
        Report r = new LoadRun(o, api).execute();
        assertEquals(Map.of("HTTP 401", 2L), r.authFailuresByStatus()); // cases 1 and 4 go to donghu
        assertEquals(4, calls.get("intake").get()); // the others went through
        assertEquals(0, r.errors());
        assertTrue(r.errorSamples().get(0).body(), r.errorSamples().get(0).body().contains("invalid_token"));
    }

    @Test
    public void aRefusedLoginStopsBeforeTheRun() {
        refuseLogin.put("donghu", true);
        int port = server.getAddress().getPort();
        int exit = Main.run(new String[] {"--base", "http://127.0.0.1:" + port, "--keycloak",
            "http://127.0.0.1:" + port, "--health-timeout", "5s", "--duration", "1s"});
        assertEquals(Main.EXIT_SETUP, exit);
        assertEquals(null, calls.get("intake"));
        assertEquals(2, calls.get("token").get()); // jizhou, then donghu refused: stop
    }
}
