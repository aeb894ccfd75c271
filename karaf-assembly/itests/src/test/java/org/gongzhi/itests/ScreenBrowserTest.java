package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.gongzhi.caseloader.CaseLoader;

/**
 * The big screen (大屏) in a real browser (Debian's headless Chromium through Selenium) against our
 * distribution with real PostgreSQL and Keycloak: the wall screens' kiosk accounts ({@code screen}
 * in Jizhou's realm and in the city's) sign in on Keycloak's page, the district's wall and the
 * city's are shot at 1920×1080 (and the district's at a 4K wall's 3840×2160) under
 * {@code target/screenshots/screen-*.png}, the map is drilled down and back by clicking the canvas,
 * a case created through the API must show in the live feed within a second, and the first paint
 * (address → figures drawn) is measured into {@code target/screen-first-paint.json}.
 *
 * <p>The district holds {@code gongzhi.screen.cases} cases of the last year (default {@value #DEFAULT_CASES},
 * written by the bulk case loader) and {@value #TODAY_CASES} more created through the API before the class.
 * The parts that need endpoints built on other branches of issue 15 (the figures, the event stream)
 * are skipped by assumption while the platform answers them with 404.
 */
public class ScreenBrowserTest {

    static final int DEFAULT_CASES = 10_000;
    static final int TODAY_CASES = 60;
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    private static final String PASSWORD = Tokens.DEMO_PASSWORD;
    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String SCREEN = "screen";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every axe-core finding of the run (target/axe/screen-summary.txt) and those the running test has not judged yet. */
    private static final List<Browser.Violation> FINDINGS = new ArrayList<>();
    private static final List<Browser.Violation> PENDING = new ArrayList<>();
    private static final String[] GRIDS = {"360802001001001", "360802001001002", "360802001001003", "360802001002001",
        "360802002001001", "360802005001001", "360802005001002", "360802100201001", "360802101201001", "360802101201002"};
    private static final String[] CATEGORIES = {"CM0101", "CM0103", "CM0201", "CM0302", "LS0101", "LS0201", "CG0101", "CG0201"};

    private static BootedPlatform platform;
    private static Browser browser;
    private static Api api;

    @BeforeClass
    public static void boot() throws Exception {
        platform = BootedPlatform.startForBrowser("screen");
        api = platform.api();
        CaseLoader.Loaded loaded = platform.loadCases("jizhou", Integer.getInteger("gongzhi.screen.cases", DEFAULT_CASES), 365);
        System.out.println("MEASURE screen load: " + loaded);
        seed(TODAY_CASES);
        browser = Browser.open("http://127.0.0.1:" + platform.httpPort());
        // charts drawn at once (the screen honours prefers-reduced-motion): screenshots show final figures, not a frame of an animation
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        browser.emulateScreen(WIDTH, HEIGHT);
    }

    @AfterClass
    public static void stop() throws IOException {
        Browser.finish(browser, "screen-", FINDINGS);
        if (platform != null) {
            platform.close();
        }
    }

    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    @Before
    public void nobodySignedIn() {
        PENDING.clear();
        browser.forgetSessions();
        browser.emulateScreen(WIDTH, HEIGHT);
    }

    // ---- the kiosk account and its sign-in ---------------------------------------------------

    @Test
    public void theWallAccountsAreReadOnlyAndGetAnOfflineToken() throws Exception {
        for (String realm : List.of("jizhou", Tokens.CITY_REALM)) {
            Api.Reply grant = Tokens.grant(realm, Map.of("grant_type", "password", "client_id", "gongzhi-web",
                    "username", SCREEN, "password", PASSWORD, "scope", "openid offline_access"));
            assertEquals(realm + ": " + grant.body(), 200, grant.status());
            JsonNode access = claims(grant.text("access_token"));
            assertTrue(realm + " screen holds screen-viewer: " + access, access.path("realm_access").path("roles").toString()
                    .contains("\"screen-viewer\""));
            assertFalse(access.path("realm_access").path("roles").toString().contains("city-admin"));
            // a wall's sign-in outlives Keycloak's SSO session: the refresh token is an offline token
            assertEquals(realm, "Offline", claims(grant.text("refresh_token")).path("typ").asText());
        }
        // read-only: the wall account of Jizhou reads no case and may not report one
        String token = Tokens.grant("jizhou", Map.of("grant_type", "password", "client_id", "gongzhi-web",
                "username", SCREEN, "password", PASSWORD)).text("access_token");
        Api wall = api.withToken(token);
        Api.Reply cases = wall.get(JIZHOU + "/cases");
        assertTrue("no case list for a wall: " + cases.status() + " " + cases.body(),
                cases.status() == 403 || (cases.status() == 200 && cases.body().path("items").isEmpty()));
        Api.Reply report = wall.post(JIZHOU + "/cases", Map.of("title", "大屏不能上报", "categoryCode", "CM0101",
                "channel", "hotline", "gridCode", GRIDS[0]));
        assertEquals(report.body().toString(), 403, report.status());
        assertEquals(200, wall.get(JIZHOU + "/grids/map").status());
    }

    @Test
    public void aWallAccountSeesOnlyAPolitePageInTheConsole() {
        for (String district : List.of("jizhou", "city")) {
            browser.forgetSessions();
            browser.go("/console/");
            browser.click("a[data-district='" + district + "']");
            browser.keycloakLogin(SCREEN, PASSWORD);
            WebElement page = browser.await("[data-test=no-console][data-screen-only=true]");
            assertEquals("no menu for a wall account", List.of(), browser.all("[data-menu]"));
            String wall = browser.await("[data-test=open-screen]").getAttribute("href");
            assertTrue(wall, wall.endsWith("/screen/" + district + "/"));
            assertFalse(page.getText().contains("居民"));
            axe("screen-no-console-" + district);
            browser.screenshots("screen-no-console-" + district);
            browser.emulateScreen(WIDTH, HEIGHT);
        }
        assertNoBlockingFindings();
    }

    @Test
    public void theScreenIsServedWithAStrictPolicy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/screen/jizhou/", "/screen/city/", "/screen")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(browser.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(path, 200, page.statusCode());
            assertTrue(path, page.body().contains("/screen/assets/"));
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy, policy.contains("script-src 'self';") && policy.contains("img-src 'self' data: blob:;")
                    && policy.contains("connect-src 'self' " + Tokens.keycloakUrl().replaceAll("/+$", "")) && policy.contains("frame-ancestors 'none'"));
            assertFalse("nothing from the internet: " + policy, policy.contains("https:") || policy.contains(" http: "));
        }
    }

    // ---- the district's wall ------------------------------------------------------------------

    @Test
    public void theDistrictWallAt1080pAnd4K() throws Exception {
        signInToWall("jizhou");
        assumeFigures(JIZHOU + "/screen");
        awaitDrawn();
        JsonNode figures = wallApi("jizhou").get(JIZHOU + "/screen").body();
        assertEquals("1.000", browser.await("[data-test=stage]").getAttribute("data-scale"));
        assertTrue("the figures show the district's open cases: " + figures.path("open"),
                figureValue("fig-open") >= figures.path("open").asLong() - 5);
        assertTrue(browser.all("[data-test=feed] li[data-event]").size() > 0);
        assertFalse(browser.present("[data-test=wartime-header]"));
        assertEquals("normal", browser.await("[data-test=mode-badge]").getAttribute("data-mode"));
        browser.until("the map drawn", d -> !d.findElements(By.cssSelector("[data-test=grid-map] canvas")).isEmpty());
        axe("screen-jizhou");
        browser.shoot("screen-jizhou-1920", WIDTH, HEIGHT);

        // a 4K wall: the same canvas at twice the size
        browser.emulateScreen(3840, 2160);
        browser.until("scaled to 4K", d -> "2.000".equals(d.findElement(By.cssSelector("[data-test=stage]")).getAttribute("data-scale")));
        browser.shoot("screen-jizhou-3840", 3840, 2160);
        browser.emulateScreen(WIDTH, HEIGHT);

        // English from the address
        browser.go("/screen/jizhou/?lang=en");
        awaitDrawn();
        browser.until("English", d -> d.findElement(By.cssSelector("[data-test=screen-header] h1")).getText().contains("Command centre"));
        browser.shoot("screen-jizhou-en-1920", WIDTH, HEIGHT);
        assertNoBlockingFindings();
    }

    @Test
    public void theMapDrillsDownByClicksAndBackUp() throws Exception {
        signInToWall("jizhou");
        assumeFigures(JIZHOU + "/screen");
        awaitDrawn();
        WebElement street = browser.until("a street one can open", d -> d.findElements(By.cssSelector("[data-test=map-panel] button.key[data-x]"))
                .stream().filter(WebElement::isEnabled).findFirst().orElse(null));
        String code = street.getAttribute("data-region");
        clickOnMap(street);
        browser.await("[data-test=map-panel][data-level='1'][data-path='" + code + "']");
        browser.until("the street's communities drawn", d -> d.findElements(By.cssSelector("[data-test=map-panel] button.key[data-x]"))
                .stream().allMatch(b -> b.getAttribute("data-region").startsWith(code)));
        browser.shoot("screen-jizhou-street", WIDTH, HEIGHT);
        List<WebElement> communities = browser.all("[data-test=map-panel] button.key[data-x]").stream().filter(WebElement::isEnabled).toList();
        if (!communities.isEmpty()) {
            String community = communities.get(0).getAttribute("data-region");
            clickOnMap(communities.get(0));
            browser.await("[data-test=map-panel][data-level='2'][data-path='" + code + "/" + community + "']");
            browser.click("[data-test=map-up]");
        }
        browser.await("[data-test=map-panel][data-level='1']");
        browser.click("[data-test=map-up]");
        browser.await("[data-test=map-panel][data-level='0']");
        assertFalse(browser.present("[data-test=map-up]"));
    }

    @Test
    public void aNewCaseShowsOnTheFeedWithinASecond() throws Exception {
        signInToWall("jizhou");
        assumeFigures(JIZHOU + "/screen");
        assumeTrue("no event stream yet (GET …/events answers no text/event-stream)", streams(JIZHOU + "/events", wallToken("jizhou")));
        awaitDrawn();
        browser.until("the live stream open", d -> "open".equals(d.findElement(By.cssSelector("[data-test=screen-header] [data-live]"))
                .getAttribute("data-live")));
        long reportedBefore = figureValue("fig-reported");
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // the browser notes (on the machine's clock) when the case's line appears in the feed
            browser.driver().executeScript("window.__gzSeen = {}; new MutationObserver(() => {"
                    + " for (const li of document.querySelectorAll('[data-test=feed] li[data-case-number]')) {"
                    + "   const n = li.getAttribute('data-case-number'); if (n && !window.__gzSeen[n]) window.__gzSeen[n] = performance.timeOrigin + performance.now(); }"
                    + " }).observe(document.body, { childList: true, subtree: true });");
            long sent = System.currentTimeMillis();
            Api.Reply created = api.as("jz-dispatcher").post(JIZHOU + "/cases", caseBody(i));
            long answered = System.currentTimeMillis();
            assertEquals(created.body().toString(), 201, created.status());
            String number = created.text("number");
            Number seen = browser.until("case " + number + " in the feed", d -> (Number) browser.driver()
                    .executeScript("return window.__gzSeen[arguments[0]] || null", number));
            long latency = seen.longValue() - answered;
            latencies.add(latency);
            System.out.printf("MEASURE screen feed: case %s shown %d ms after the API answered (%d ms after the request)%n",
                    number, latency, seen.longValue() - sent);
        }
        browser.until("the reported counter bumped by five", d -> figureValue("fig-reported") >= reportedBefore + 5);
        browser.shoot("screen-jizhou-live", WIDTH, HEIGHT);
        long worst = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue("a new case on the wall within 1 s of its commit: " + latencies, worst < 1000);
    }

    @Test
    public void theWallTurnsToTheEmergencyLayoutAndBack() throws Exception {
        signInToWall("jizhou");
        assumeFigures(JIZHOU + "/screen");
        Api admin = api.as("jz-admin");
        assumeTrue("no operating mode yet (GET …/mode answers 404)", admin.get(JIZHOU + "/mode").status() != 404);
        assumeTrue("no event stream yet", streams(JIZHOU + "/events", wallToken("jizhou")));
        awaitDrawn();
        try {
            Api.Reply war = admin.put(JIZHOU + "/mode", JSON.writeValueAsString(Map.of("mode", "wartime", "reason", "大屏测试：防汛应急响应")));
            assertEquals(war.body().toString(), 200, war.status());
            // the switch reaches the wall over the stream (event: mode), not with the next figures
            long switched = System.currentTimeMillis();
            browser.await("[data-test=district-screen][data-mode=wartime] [data-test=wartime-header]");
            long shown = System.currentTimeMillis() - switched;
            assertTrue(browser.await("[data-test=wartime-facts]").getText().contains("防汛应急响应"));
            browser.await("[data-test=duty-roster]");
            browser.await("[data-test=command-post]");
            assertFalse(browser.present("[data-test=mode-badge]"));
            System.out.printf("MEASURE screen wartime layout shown %d ms after the switch answered%n", shown);
            // a case of a category the plan routes to the command post: prominent in the command post's column
            String category = null;
            for (JsonNode c : admin.get(JIZHOU + "/mode").body().path("plan").path("commandPostCategories")) {
                if (category == null && c.asText().matches("[A-Z]{2}\\d{2}(\\d{2})?")) {
                    // a major class (CG07) stands for its categories: report under its first one
                    category = c.asText().length() == 4 ? c.asText() + "01" : c.asText();
                }
            }
            if (category != null) {
                Map<String, Object> body = caseBody(0);
                body.put("categoryCode", category);
                Api.Reply created = api.as("jz-dispatcher").post(JIZHOU + "/cases", body);
                assertEquals(created.body().toString(), 201, created.status());
                browser.await("[data-test=command-post] li[data-case-number='" + created.text("number") + "']");
            }
            axe("screen-jizhou-wartime");
            browser.shoot("screen-jizhou-wartime-1920", WIDTH, HEIGHT);
        } finally {
            Api.Reply back = admin.put(JIZHOU + "/mode", JSON.writeValueAsString(Map.of("mode", "normal", "reason", "大屏测试结束")));
            assertEquals(back.body().toString(), 200, back.status());
        }
        browser.await("[data-test=district-screen][data-mode=normal] [data-test=mode-badge][data-mode=normal]");
        assertFalse(browser.present("[data-test=duty-roster]"));
        assertNoBlockingFindings();
    }

    // ---- the city's wall ---------------------------------------------------------------------

    @Test
    public void theCityWallPutsTheDistrictsSideBySide() throws Exception {
        signInToWall("city");
        assumeFigures("/api/v1/city/screen");
        awaitDrawn();
        JsonNode city = wallApi(Tokens.CITY_REALM).get("/api/v1/city/screen").body();
        List<String> shown = browser.all("[data-test=city-screen] li.card[data-district]").stream()
                .map(e -> e.getAttribute("data-district")).toList();
        List<String> expected = new ArrayList<>();
        city.path("districts").forEach(d -> expected.add(d.path("tenant").asText()));
        assertEquals(expected, shown);
        assertTrue(shown.contains("jizhou"));
        assertEquals(expected.size(), browser.all("[data-test=city-screen] li.card [data-test=mode-badge]").size());
        // the feed is full from the first figures (the districts' newest events), not empty until the next event
        JsonNode newest = city.path("recent").path(city.path("recent").size() - 1);
        assertTrue("the city's figures carry the newest events: " + city.path("recent"), !newest.isMissingNode());
        // in the list, not necessarily in view: the sweep's reminders may have come through the stream since the
        // figures were made, newer and above it (a panel shows seven lines)
        String newestLine = "[data-test=feed] li[data-event='" + newest.path("id").asText() + "']";
        browser.until("the figures' newest event in the feed", d -> !d.findElements(By.cssSelector(newestLine)).isEmpty());
        if (streams("/api/v1/city/events", wallToken(Tokens.CITY_REALM))) {
            // the city's stream: a case reported in Jizhou shows on the city's wall
            browser.until("the city's stream open", d -> "open".equals(d.findElement(By.cssSelector("[data-test=screen-header] [data-live]"))
                    .getAttribute("data-live")));
            Api.Reply created = api.as("jz-dispatcher").post(JIZHOU + "/cases", caseBody(3));
            assertEquals(created.body().toString(), 201, created.status());
            WebElement line = browser.await("[data-test=feed] li[data-case-number='" + created.text("number") + "']");
            assertTrue(line.getText(), line.getText().contains("吉州区"));
        }
        axe("screen-city");
        browser.shoot("screen-city-1920", WIDTH, HEIGHT);
        assertNoBlockingFindings();
    }

    // ---- first paint ------------------------------------------------------------------------------

    @Test
    public void theFirstPaintIsMeasured() throws Exception {
        signInToWall("jizhou");
        assumeFigures(JIZHOU + "/screen");
        awaitDrawn();
        ScreenFirstPaint.measure(browser, "/screen/jizhou/", 5, ScreenFirstPaint.RESULT);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Opens the wall of {@code district} ({@code city} for the city's) and signs in on Keycloak's page as its {@code screen} account. */
    private static void signInToWall(String district) {
        browser.go("/screen/" + district + "/");
        browser.keycloakLogin(SCREEN, PASSWORD);
        browser.until("back on the wall of " + district, d -> browser.path().startsWith("/screen/" + district + "/")
                && !d.findElements(By.cssSelector("[data-test=" + ("city".equals(district) ? "city" : "district") + "-screen]")).isEmpty());
        assertFalse("Keycloak's answer left in the address bar: " + browser.path(), browser.path().contains("code="));
    }

    private static void awaitDrawn() {
        browser.until("the figures drawn", d -> d.findElement(By.tagName("html")).getAttribute("data-drawn") != null);
        browser.frames();
    }

    /** Skips the test while the figures endpoint (built on the screen-figures branch) is not on this platform. */
    private static void assumeFigures(String path) throws Exception {
        int status = wallApi(path.startsWith("/api/v1/city") ? Tokens.CITY_REALM : "jizhou").get(path).status();
        assumeTrue("no screen figures yet (GET " + path + " answers " + status + ")", status != 404 && status != 405);
        assertEquals(path, 200, status);
    }

    private static String wallToken(String realm) throws Exception {
        return Tokens.grant(realm, Map.of("grant_type", "password", "client_id", "gongzhi-web", "username", SCREEN,
                "password", PASSWORD)).text("access_token");
    }

    private static Api wallApi(String realm) throws Exception {
        return api.withToken(wallToken(realm));
    }

    /** Whether {@code path} answers an event stream to {@code token} (headers only; the stream is closed at once). */
    private static boolean streams(String path, String token) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
    }

    /** The number a big figure shows (digits only: "1,204" → 1204). */
    private static long figureValue(String test) {
        String text = browser.driver().findElement(By.cssSelector("[data-test=" + test + "] .value")).getText().replaceAll("[^0-9]", "");
        return text.isEmpty() ? -1 : Long.parseLong(text);
    }

    /**
     * Clicks the map's canvas where a region is drawn: at its keyboard button's centre (the buttons sit over
     * their regions and let the mouse through), so the click reaches ECharts as a wall's visitor's would.
     */
    private static void clickOnMap(WebElement key) {
        WebElement canvas = browser.await("[data-test=grid-map]");
        int x = Integer.parseInt(key.getAttribute("data-x"));
        int y = Integer.parseInt(key.getAttribute("data-y"));
        new Actions(browser.driver()).moveToElement(canvas, x - canvas.getSize().getWidth() / 2, y - canvas.getSize().getHeight() / 2)
                .click().perform();
    }

    private static Map<String, Object> caseBody(int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "大屏测试 " + i);
        body.put("categoryCode", CATEGORIES[i % CATEGORIES.length]);
        body.put("channel", i % 3 == 0 ? "hotline" : "grid-worker");
        body.put("gridCode", GRIDS[i % GRIDS.length]);
        return body;
    }

    /** {@code n} cases in Jizhou through the API (four at a time), a third of them dispatched to a department. */
    private static void seed(int n) throws Exception {
        long start = System.nanoTime();
        Api dispatcher = api.as("jz-dispatcher");
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                work.add(pool.submit(() -> {
                    Api.Reply created = dispatcher.post(JIZHOU + "/cases", caseBody(k));
                    if (created.status() != 201) {
                        failed.incrementAndGet();
                        return null;
                    }
                    if (k % 3 == 0) {
                        dispatcher.post(JIZHOU + "/cases/" + created.text("id") + "/transitions",
                                Map.of("action", "register-dispatch", "leadDepartment", k % 2 == 0 ? "CG" : "HW"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("cases refused while seeding", 0, failed.get());
        System.out.printf("MEASURE screen seed: %d cases in Jizhou through the API in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    private static JsonNode claims(String jwt) throws IOException {
        assertNotNull("a token", jwt);
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** axe-core on the current page; its findings are kept for the summary and judged by {@link #assertNoBlockingFindings}. */
    private static void axe(String name) {
        List<Browser.Violation> found = browser.axe(name);
        FINDINGS.addAll(found);
        PENDING.addAll(found);
    }

    private static void assertNoBlockingFindings() {
        List<Browser.Violation> blocking = PENDING.stream().filter(Browser.Violation::blocking).toList();
        PENDING.clear();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }
}
