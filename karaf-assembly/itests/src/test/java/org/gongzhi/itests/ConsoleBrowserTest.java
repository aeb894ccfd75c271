package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.awaitility.Awaitility;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's headless Chromium through Selenium) against our
 * distribution with real PostgreSQL and Keycloak: people sign in on Keycloak's own page and work
 * through the UI only; what they did is checked afterwards through the REST API.
 *
 * <p>Runs in the test JVM: the platform is booted once for the class by Pax Exam in server mode
 * ({@link BootedPlatform}). Screenshots of the pages go to {@code target/screenshots/}, axe-core's
 * results to {@code target/axe/} (a summary of every finding in {@code target/axe/summary.txt}).
 */
public class ConsoleBrowserTest {

    private static final String PASSWORD = Tokens.DEMO_PASSWORD;
    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final Pattern COORDINATES = Pattern.compile("\\d+\\.\\d+, \\d+\\.\\d+");
    /** Every axe-core finding of the run (written to target/axe/summary.txt) and those the running test has not judged yet. */
    private static final List<Browser.Violation> FINDINGS = new ArrayList<>();
    private static final List<Browser.Violation> PENDING = new ArrayList<>();

    private static BootedPlatform platform;
    private static Browser browser;
    private static Api api;
    /** The case the closed-loop test ran through the console (null until it ran). */
    private static String loopCase;

    @BeforeClass
    public static void boot() throws Exception {
        platform = BootedPlatform.shared();
        api = platform.api();
        browser = Browser.open("http://127.0.0.1:" + platform.httpPort());
    }

    @AfterClass
    public static void stop() throws IOException {
        Browser.finish(browser, "", FINDINGS);
    }

    /** A failed test leaves what the browser showed in target/screenshots/failed-<test>.png and .html. */
    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    @Before
    public void nobodySignedIn() {
        PENDING.clear();
        browser.forgetSessions();
    }

    // ---- the closed loop ----------------------------------------------------------------------

    @Test
    public void aHotlineCaseGoesRoundTheWholeLoopInTheConsole() throws Exception {
        String title = "浏览器测试：路口暴露垃圾 " + UUID.randomUUID().toString().substring(0, 8);
        String feedbackNote = "已清运，路面已冲洗干净";

        // a hotline seat (the dispatcher) takes a call and registers it from the new-case page
        browser.signIn("jizhou", "jz-dispatcher", PASSWORD);
        browser.click("[data-menu=new-case]");
        browser.await("[data-test=new-case-form]");
        browser.choose("[data-test=field-category]", "· CM0101");
        browser.type("field-title", title);
        browser.type("field-reporterName", "测试来电人");
        browser.type("field-reporterPhone", "13800001234");
        placeOnAGrid();
        browser.click("[data-test=submit]");
        WebElement created = browser.await("[data-test=created]");
        String id = created.getAttribute("data-case");
        Matcher number = Pattern.compile("案件编号\\s*(\\S+)").matcher(created.getText());
        assertTrue("the new case's number is shown: " + created.getText(), number.find());

        // the dispatcher registers and dispatches it to the city-management bureau (CG)
        browser.click("[data-test=open-created]");
        awaitCase(id, "reported");
        step("register-dispatch", () -> browser.choose("[data-test=field-leadDepartment]", "(CG)"), id, "dispatched");
        browser.signOut();

        // the bureau's handler finds it in the department's cases, accepts it and reports back
        browser.signIn("jizhou", "jz-cg", PASSWORD);
        openFromInbox(id);
        step("accept", () -> { }, id, "handling");
        step("feedback", () -> browser.type("field-note", feedbackNote), id, "feedback");
        browser.signOut();

        // the dispatcher verifies the result and closes the case
        browser.signIn("jizhou", "jz-dispatcher", PASSWORD);
        openFromInbox(id);
        step("verify-pass", () -> { }, id, "verified");
        step("close", () -> { }, id, "closed");
        browser.awaitGone(".el-message");
        browser.screenshots("case-closed");
        loopCase = id;

        // what the API says happened
        Api dispatcher = api.as("jz-dispatcher");
        Api.Reply kase = dispatcher.get(JIZHOU + "/cases/" + id);
        assertEquals(kase.body().toString(), 200, kase.status());
        assertEquals("closed", kase.text("status"));
        assertEquals(number.group(1), kase.text("number"));
        assertEquals(title, kase.text("title"));
        assertEquals("hotline", kase.text("channel"));
        assertEquals("CM0101", kase.text("categoryCode"));
        assertEquals("测试来电人", kase.text("reporterName"));
        assertEquals("13800001234", kase.text("reporterPhone"));
        assertEquals("CG", kase.text("leadDepartment"));
        assertTrue("placed on the map: " + kase.body(), kase.body().hasNonNull("longitude") && kase.body().hasNonNull("latitude"));

        Api.Reply journal = dispatcher.get(JIZHOU + "/cases/" + id + "/journal");
        assertEquals(200, journal.status());
        List<String> steps = new ArrayList<>();
        String feedback = null;
        for (JsonNode e : journal.body()) {
            steps.add(e.path("action").asText() + " by " + e.path("actor").asText());
            if (e.path("action").asText().equals("feedback")) {
                feedback = e.path("note").asText();
            }
        }
        assertEquals(List.of("report by jz-dispatcher", "register by jz-dispatcher", "dispatch by jz-dispatcher",
                "accept by jz-cg", "feedback by jz-cg", "verify-pass by jz-dispatcher", "close by jz-dispatcher"), steps);
        assertEquals(feedbackNote, feedback);
    }

    // ---- who must not get in ------------------------------------------------------------------

    @Test
    public void aDonghuUserNeverSeesAJizhouCase() throws Exception {
        String id = loopCase != null ? loopCase : caseThroughTheApi("跨区测试：占道经营");
        String title = api.as("jz-dispatcher").get(JIZHOU + "/cases/" + id).text("title");

        // the Jizhou address signs in to Jizhou's realm, where a Donghu account does not exist
        browser.go("/console/jizhou/cases/" + id);
        browser.keycloakLogin("dh-dispatcher", PASSWORD);
        browser.until("Keycloak refuses a Donghu account in Jizhou's realm", d -> d.getCurrentUrl().contains("/realms/jizhou/")
                && !d.findElements(By.cssSelector("#input-error, .kc-feedback-text, #kc-error-message")).isEmpty());
        assertFalse(browser.driver().getPageSource().contains(title));

        // Donghu's own console with Jizhou's case id: not found
        browser.signIn("donghu", "dh-dispatcher", PASSWORD);
        browser.go("/console/donghu/cases/" + id);
        browser.await("[data-test=case-missing]");
        assertFalse(browser.driver().getPageSource().contains(title));
        assertFalse("Keycloak's answer left in the address bar: " + browser.path(), browser.path().contains("code="));
        browser.screenshots("case-missing");

        // and the API with Donghu's token
        Api donghu = api.as("dh-dispatcher");
        assertEquals(404, donghu.get(JIZHOU + "/cases/" + id).status());
        assertEquals(404, donghu.get("/api/v1/tenants/donghu/cases/" + id).status());
    }

    @Test
    public void aResidentCannotUseTheConsole() {
        browser.signIn("jizhou", "jz-resident1", PASSWORD);
        browser.await("[data-test=no-console]");
        assertEquals("no menu for a resident", List.of(), browser.all("[data-menu]"));
        browser.go("/console/jizhou/cases");
        browser.await("[data-test=no-console]");
        assertEquals(List.of(), browser.all("[data-menu]"));
        checkPage("no-console");
        assertAccessible();
    }

    // ---- the city administrator ---------------------------------------------------------------

    @Test
    public void theCityAdministratorCreatesASuspendsItAndEnablesAPlugin() throws Exception {
        String district = "qy" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        browser.signIn("city", "city-admin", PASSWORD);
        assumeTrue("the city's district page is not built yet (no [data-test=create-district] on /console/city/districts)",
                appears("[data-test=create-district]", Duration.ofSeconds(15)));
        Api city = api.as("city-admin");
        definitionAvailable(city, district);
        try {
            browser.go("/console/city/districts");
            browser.click("[data-test=create-district]");
            browser.select("[data-test=definition]", district);
            browser.click("[data-test=create-submit]");
            String row = "[data-district='" + district + "']";
            browser.await(row + " [data-status=active]");
            assertEquals("active", city.get("/api/v1/city/districts/" + district).text("status"));

            // a plugin (district model) enabled for the new district in its models dialog
            browser.click(row + " [data-test=models]");
            String toggle = "[data-model=old-man-studios] [aria-checked]";
            assertEquals("false", browser.await("[data-model=old-man-studios]").findElement(By.cssSelector("[aria-checked]"))
                    .getAttribute("aria-checked"));
            browser.click("[data-model=old-man-studios] .el-switch, [data-model=old-man-studios] [role=switch]");
            browser.until("old-man-studios switched on", d -> "true".equals(
                    d.findElement(By.cssSelector(toggle)).getAttribute("aria-checked")));
            Awaitility.await("old-man-studios enabled").atMost(Duration.ofSeconds(10)).until(() -> city
                    .get("/api/v1/city/districts/" + district).body().path("enabledModels").toString().contains("old-man-studios"));
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.awaitGone("[data-model=old-man-studios]");

            // and suspended with a reason
            browser.click(row + " [data-test=suspend]");
            browser.type("reason", "浏览器测试：数据核查");
            browser.click("[data-test=confirm]");
            browser.await(row + " [data-status=suspended]");
            Api.Reply suspended = city.get("/api/v1/city/districts/" + district);
            assertEquals("suspended", suspended.text("status"));
            assertEquals("浏览器测试：数据核查", suspended.text("statusReason"));
            checkPage("city-districts");
            assertAccessible();
        } finally {
            city.delete("/api/v1/city/districts/" + district + "?force=true");
        }
    }

    @Test
    public void theCitySwitchesEveryDistrictToWartimeAndBackWithAReason() throws Exception {
        browser.signIn("city", "city-admin", PASSWORD);
        assumeTrue("the city's district page is not built yet", appears("[data-test=city-mode]", Duration.ofSeconds(15)));
        Api city = api.as("city-admin");
        try {
            browser.go("/console/city/districts");
            browser.await("[data-test=city-mode-state][data-mode=normal]");
            browser.click("[data-test=city-to-wartime]");
            browser.click("[data-test=city-mode-confirm]");
            browser.await("[data-test=city-mode-dialog] .el-form-item__error"); // no reason: refused in the form, nothing sent
            assertEquals("normal", city.get(JIZHOU + "/mode").text("mode"));

            browser.type("city-mode-reason-input", "浏览器测试：全市防汛Ⅱ级应急响应");
            browser.click("[data-test=city-mode-confirm]");
            browser.await("[data-test=city-mode-state][data-mode=wartime]");
            browser.await("[data-district=jizhou] [data-mode=wartime]");
            JsonNode jizhou = city.get(JIZHOU + "/mode").body();
            assertEquals("wartime", jizhou.path("mode").asText());
            assertEquals("浏览器测试：全市防汛Ⅱ级应急响应", jizhou.path("reason").asText());
            assertEquals("city-admin", jizhou.path("switchedBy").asText());
            checkPage("city-wartime");
            assertAccessible();

            browser.click("[data-test=city-to-normal]");
            browser.type("city-mode-reason-input", "浏览器测试：应急响应结束");
            browser.click("[data-test=city-mode-confirm]");
            browser.await("[data-test=city-mode-state][data-mode=normal]");
            assertEquals("normal", city.get(JIZHOU + "/mode").text("mode"));
        } finally {
            // the other tests of this class expect the normal rules
            city.put("/api/v1/city/mode", "{\"mode\":\"normal\",\"reason\":\"浏览器测试结束\"}");
        }
    }

    // ---- plugin pages -------------------------------------------------------------------------

    @Test
    public void aPluginPageShowsForItsDistrictOnlyAndGoesWithItsFeature() throws Exception {
        Api.Reply listed = api.as("jz-dispatcher").get(JIZHOU + "/console/pages");
        assumeTrue("the platform has no plugin pages yet (GET …/console/pages answers 404)", listed.status() != 404);
        assertEquals(listed.body().toString(), 200, listed.status());
        assumeTrue("no plugin of Jizhou contributes a console page yet", listed.body().size() > 0);
        String model = listed.body().get(0).path("model").asText();
        String entry = "[data-menu='plugin:" + model + "/" + listed.body().get(0).path("id").asText() + "']";
        String anyOfModel = "[data-menu^='plugin:" + model + "/']";

        browser.signIn("jizhou", "jz-dispatcher", PASSWORD);
        browser.click(entry);
        browser.until("the plugin page mounted", d -> !d.findElements(By.cssSelector(".plugin-page > *")).isEmpty());
        checkPage("plugin-page");

        browser.forgetSessions();
        browser.signIn("donghu", "dh-dispatcher", PASSWORD);
        awaitPluginPagesListed("donghu");
        assertEquals("Donghu's menu has no page of " + model, List.of(), browser.all(anyOfModel));

        KarafFeatures features = new KarafFeatures(platform.etc());
        String feature = "gongzhi-plugin-" + model;
        features.uninstall(feature);
        try {
            Awaitility.await(model + "'s pages unlisted").atMost(Duration.ofSeconds(30)).until(() -> !api.as("jz-dispatcher")
                    .get(JIZHOU + "/console/pages").body().toString().contains("\"" + model + "\""));
            browser.forgetSessions();
            browser.signIn("jizhou", "jz-dispatcher", PASSWORD);
            awaitPluginPagesListed("jizhou");
            assertEquals("no page of the uninstalled " + model, List.of(), browser.all(anyOfModel));
        } finally {
            features.install(feature);
            Awaitility.await(model + "'s pages back").atMost(Duration.ofSeconds(60)).until(() -> api.as("jz-dispatcher")
                    .get(JIZHOU + "/console/pages").body().toString().contains("\"" + model + "\""));
        }
    }

    // ---- supervision and notifications ---------------------------------------------------------

    @Test
    public void aDispatcherSupervisesTheDepartmentAnswersAndItsBellRisesAndFalls() throws Exception {
        String id = caseThroughTheApi("督办测试：人行道井盖缺失");
        Api dispatcher = api.as("jz-dispatcher");
        Api.Reply registered = dispatcher.post(JIZHOU + "/cases/" + id + "/transitions", Map.of("action", "register"));
        assertEquals(registered.body().toString(), 200, registered.status());
        Api.Reply dispatched = dispatcher.post(JIZHOU + "/cases/" + id + "/transitions", Map.of("action", "dispatch", "leadDepartment", "CG"));
        assertEquals(dispatched.body().toString(), 200, dispatched.status());
        Api cg = api.as("jz-cg");
        assertEquals(200, cg.post(JIZHOU + "/me/notifications/read-all", "").status());
        assertEquals("the bureau's handler starts with nothing unread", 0, unread(cg));
        String reason = "群众多次反映，请三日内处置并说明进展 " + UUID.randomUUID().toString().substring(0, 8);
        String answer = "已安排人员今日更换井盖，设置围挡警示";

        // the dispatcher opens the case, sees no supervision yet and issues a 督办 with a reason (the deadline proposed)
        browser.signIn("jizhou", "jz-dispatcher", PASSWORD);
        browser.go("/console/jizhou/cases/" + id);
        awaitCase(id, "dispatched");
        browser.await("[data-test=supervision-empty]");
        browser.click("[data-test=supervise]");
        browser.await("[data-test=supervise-submit]");
        browser.click("[data-test=supervise-submit]");
        browser.until("a reason is required", d -> d.findElement(By.cssSelector("[data-test=supervise-dialog]")).getText().contains("请填写督办事由"));
        browser.type("supervise-reason", reason);
        checkPage("case-supervise-dialog");
        browser.click("[data-test=supervise-submit]");
        WebElement order = browser.await("[data-test=supervision] [data-kind=order][data-answered=false]");
        assertTrue(order.getText(), order.getText().contains(reason) && order.getText().contains("督办"));
        browser.until("the order journaled", d -> d.findElement(By.cssSelector("[data-test=journal]")).getText().contains(reason));
        browser.awaitGone(".el-message");
        showSupervision();
        checkPage("case-supervision");
        browser.signOut();

        // the order reached the bureau's handler: one unread notification, shown by the bell
        assertEquals("the order is one notification for the handler", 1, unread(cg));
        // the handler's browser is in New York: the panel still shows Beijing time, as the journal does
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
        browser.signIn("jizhou", "jz-cg", PASSWORD);
        browser.await("[data-test=bell][data-unread='1']");
        assertEquals("1", browser.await("[data-test=bell-count]").getText());
        browser.click("[data-test=bell]");
        WebElement notice = browser.await("[data-test=notify-panel] li[data-case='" + id + "'][data-read=false]");
        browser.until("the notice listed", d -> !notice.getText().isBlank());
        checkPage("notifications");
        notice.findElement(By.cssSelector("[data-test=notify-open]")).click();

        // opening it read it and led to the case, where the handler answers the order
        awaitCase(id, "dispatched");
        // the case's facts and journal are in the district's time as well, not New York's (13 h apart)
        String reportedAt = inBeijing(dispatcher.get(JIZHOU + "/cases/" + id).body().path("reportedAt").asText());
        browser.until("reported at " + reportedAt + " Beijing time on the case page",
                d -> d.findElement(By.cssSelector("[data-test=facts]")).getText().contains(reportedAt)
                        && d.findElement(By.cssSelector("[data-test=journal]")).getText().contains(reportedAt));
        browser.await("[data-test=bell][data-unread='0']");
        assertTrue(browser.all("[data-test=bell-count]").isEmpty());
        assertEquals("read through the bell", 0, unread(cg));

        // a second order while the handler has the page open: pushed to the bell within a second or two of its
        // commit (ADR 0031), not at the next 30 s poll; read elsewhere (another device), the bell falls the same way
        browser.await("[data-test=bell][data-live=true]");
        String second = "请同步上报围挡设置情况 " + UUID.randomUUID().toString().substring(0, 8);
        long issued = System.nanoTime();
        Api.Reply pushed = dispatcher.post(JIZHOU + "/cases/" + id + "/supervision",
                Map.of("reason", second, "deadline", tomorrowAtSixInBeijing()));
        assertEquals(pushed.body().toString(), 201, pushed.status());
        browser.await("[data-test=bell][data-unread='1']");
        long riseMillis = Duration.ofNanos(System.nanoTime() - issued).toMillis();
        assertTrue("the bell rose " + riseMillis + " ms after the order, not by a poll", riseMillis < 5_000);
        assertEquals(200, cg.post(JIZHOU + "/me/notifications/read-all", "").status());
        issued = System.nanoTime();
        browser.await("[data-test=bell][data-unread='0']");
        long fallMillis = Duration.ofNanos(System.nanoTime() - issued).toMillis();
        assertTrue("the bell fell " + fallMillis + " ms after the read elsewhere", fallMillis < 5_000);
        System.out.println("Bell pushed: rose " + riseMillis + " ms after the order's 201, fell " + fallMillis
                + " ms after read-all");

        browser.click("[data-test=supervision-reply]");
        browser.type("answer-text", answer);
        browser.click("[data-test=answer-submit]");
        WebElement answered = browser.await("[data-test=supervision] [data-kind=order][data-answered=true]");
        assertTrue(answered.getText(), answered.getText().contains(answer) && answered.getText().contains("jz-cg"));
        WebElement secondOrder = browser.await("[data-test=supervision] [data-kind=order][data-answered=false]");
        assertTrue("the deadline in Beijing time, as the journal states it: " + secondOrder.getText(),
                secondOrder.getText().contains(tomorrowAtSixInBeijing().substring(0, 10) + " 18:00"));
        browser.until("the answer journaled", d -> d.findElement(By.cssSelector("[data-test=journal]")).getText().contains(answer));
        browser.awaitGone(".el-message");
        showSupervision();
        checkPage("case-supervision-answered");

        // the handler sets quiet hours from the bell's settings (SMS and e-mail wait until they end)
        browser.click("[data-test=bell]");
        browser.click("[data-test=notify-preferences-open]");
        browser.await("[data-test=notify-save]");
        browser.awaitGone("[data-test=notify-preferences] .el-loading-mask");
        browser.click("[data-test=notify-quiet]");
        browser.await("[data-test=notify-preferences] .el-date-editor, [data-test=notify-preferences] .el-select");
        checkPage("notify-preferences");
        browser.click("[data-test=notify-save]");
        browser.awaitGone("[data-test=notify-save]");
        JsonNode preferences = cg.get(JIZHOU + "/me/notification-preferences").body();
        assertEquals(preferences.toString(), "22:00", preferences.path("quietHours").path("start").asText());
        assertEquals(preferences.toString(), "07:30", preferences.path("quietHours").path("end").asText());
        assertTrue(preferences.toString(), preferences.path("channels").toString().contains("inbox"));

        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));

        // the answer told the dispatcher who issued the order
        JsonNode told = dispatcher.get(JIZHOU + "/me/notifications?unread=true&limit=200").body();
        assertTrue(told.toString(), told.path("items").findValuesAsText("event").contains("supervision.order.answered")
                && told.toString().contains(id));

        // what the API says
        JsonNode records = api.as("jz-dispatcher").get(JIZHOU + "/cases/" + id + "/supervision").body();
        assertEquals(records.toString(), 2, records.size());
        assertEquals("order", records.get(0).path("kind").asText());
        assertEquals("jz-dispatcher", records.get(0).path("issuedBy").asText());
        assertEquals(reason, records.get(0).path("reason").asText());
        assertEquals(answer, records.get(0).path("answer").asText());
        assertEquals("jz-cg", records.get(0).path("answeredBy").asText());
        assertTrue(records.toString(), records.get(0).hasNonNull("deadline"));
        assertAccessible();
    }

    // ---- the responsibility list ------------------------------------------------------------------

    // ---- every main page: axe-core and screenshots --------------------------------------------

    @Test
    public void theMainPagesPassAxeAndAreShotAtBothSizes() throws Exception {
        browser.go("/console/");
        browser.await("a[data-district=jizhou]");
        checkPage("start");

        browser.signIn("jizhou", "jz-dispatcher", PASSWORD);
        awaitInbox();
        checkPage("inbox");

        String id = caseThroughTheApi("环境测试：道路不洁");
        browser.go("/console/jizhou/cases/" + id);
        awaitCase(id, "reported");
        browser.until("the journal shown", d -> !d.findElements(By.cssSelector("[data-test=journal] [data-action]")).isEmpty());
        checkPage("case");
        browser.click("[data-step=register-dispatch]");
        browser.await("[data-test=field-leadDepartment]");
        checkPage("case-step-dialog");

        browser.go("/console/jizhou/new");
        browser.await("[data-test=new-case-form]");
        browser.until("the map drawn", d -> !d.findElements(By.cssSelector("[data-test=grid-map] canvas")).isEmpty());
        checkPage("new-case");

        browser.signOut();
        browser.signIn("jizhou", "jz-admin", PASSWORD);
        for (String page : List.of("kpis", "reports", "dispatches", "posters", "supervision")) {
            browser.click("[data-menu=" + page + "]");
            browser.until(page + " open", d -> browser.path().startsWith("/console/jizhou/" + page));
            browser.await("#main .page-title");
            checkPage(page);
        }

        browser.forgetSessions();
        browser.signIn("city", "city-admin", PASSWORD);
        for (String page : List.of("city-districts", "city-kpis", "city-reports", "city-escalations")) {
            browser.click("[data-menu=" + page + "]");
            browser.until(page + " open", d -> browser.path().startsWith("/console/city/" + page.substring(5)));
            browser.await("#main .page-title");
            checkPage(page);
        }
        assertAccessible();
    }

    // ---- the first load --------------------------------------------------------------------

    /** Issue 13's targets, checked in every build: see {@link ConsoleFirstLoadBenchmark} (target/console-first-load.json). */
    @Test
    public void theFirstLoadWithAnEmptyCacheMeetsItsTargets() throws Exception {
        ConsoleFirstLoadBenchmark.measure(browser.base());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** axe-core on the current page (its findings collected) and screenshots at both sizes. */
    private static void checkPage(String name) {
        List<Browser.Violation> found = browser.axe(name);
        FINDINGS.addAll(found);
        PENDING.addAll(found);
        browser.screenshots(name);
    }

    /** Fails on the serious and critical axe-core findings of the pages this test checked. */
    private static void assertAccessible() {
        List<Browser.Violation> blocking = PENDING.stream().filter(Browser.Violation::blocking).toList();
        PENDING.clear();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }

    /**
     * Clicks the new-case page's map until the click lands in one of the district's grids (the
     * boundaries are illustrative rectangles with gaps between them): from the centre outwards, each
     * click waited for until its locate request answered and the page drew the outcome.
     */
    private static void placeOnAGrid() {
        WebElement map = browser.await("[data-test=grid-map]");
        browser.until("the map drawn", d -> !map.findElements(By.tagName("canvas")).isEmpty());
        int halfWidth = map.getSize().getWidth() / 2 - 10;
        int halfHeight = map.getSize().getHeight() / 2 - 10;
        List<int[]> offsets = new ArrayList<>();
        for (int dx = -halfWidth; dx <= halfWidth; dx += 30) {
            for (int dy = -halfHeight; dy <= halfHeight; dy += 30) {
                offsets.add(new int[] {dx, dy});
            }
        }
        offsets.sort(Comparator.comparingInt(o -> o[0] * o[0] + o[1] * o[1]));
        String located = "";
        for (int[] o : offsets.subList(0, Math.min(offsets.size(), 60))) {
            long before = browser.requestsDone(JIZHOU + "/grids/locate");
            browser.clickAt(map, o[0], o[1]);
            browser.until("the clicked position located", d -> browser.requestsDone(JIZHOU + "/grids/locate") > before);
            browser.frames();
            located = browser.await("[data-test=located]").getText();
            if (located.contains("所在网格") && COORDINATES.matcher(located).find()) {
                return;
            }
        }
        throw new AssertionError("no click on the map landed in a grid; the last said: " + located);
    }

    private static void awaitCase(String id, String status) {
        browser.await("section.case[data-case='" + id + "'][data-status='" + status + "']");
    }

    private static void awaitInbox() {
        browser.await("[data-test=cases]");
        browser.awaitGone("[data-test=cases] .el-loading-mask");
    }

    /** Opens the case from the signed-in user's inbox (its number links to the case page). */
    private static void openFromInbox(String id) {
        awaitInbox();
        browser.click("a[data-case='" + id + "']");
        browser.await("section.case[data-case='" + id + "']");
    }

    /** One step on the case page: its button, its form filled by {@code fill}, sent, and the new status shown. */
    private static void step(String step, Runnable fill, String id, String status) {
        browser.click("[data-step='" + step + "']");
        browser.await("[data-test=step-submit]");
        fill.run();
        browser.click("[data-test=step-submit]");
        awaitCase(id, status);
        browser.awaitGone("[data-test=step-submit]");
    }

    /** Whether {@code css} shows up within {@code within}. */
    private static boolean appears(String css, Duration within) {
        try {
            new WebDriverWait(browser.driver(), within).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Waits until the console has fetched the district's plugin pages and drawn the menu. */
    private static void awaitPluginPagesListed(String district) {
        browser.await("[data-menu=inbox]");
        String url = browser.base() + "/api/v1/tenants/" + district + "/console/pages";
        browser.until("the plugin pages of " + district + " fetched", d -> Boolean.TRUE.equals(browser.driver().executeScript(
                "return performance.getEntriesByName(arguments[0]).some(e => e.responseEnd > 0)", url)));
        browser.frames();
    }

    /** Scrolls the case page's supervision panel into view (on a phone it follows the facts and the map). */
    private static void showSupervision() {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", browser.await("[data-test=supervision]"));
        browser.frames();
    }

    /** The unread count of {@code user}'s in-app notifications. */
    /** Tomorrow at 18:00 in Beijing time, as ISO 8601 with its offset. */
    /** An instant as the console writes it: {@code yyyy-MM-dd HH:mm} in Beijing time. */
    private static String inBeijing(String instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.OffsetDateTime.parse(instant).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")));
    }

    private static String tomorrowAtSixInBeijing() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1) + "T18:00:00+08:00";
    }

    private static long unread(Api user) throws Exception {
        Api.Reply count = user.get(JIZHOU + "/me/notifications/unread-count");
        assertEquals(count.body().toString(), 200, count.status());
        return count.body().path("unread").asLong();
    }

    /** A reported case of Jizhou created through the API (by the dispatcher, as a hotline call). */
    private static String caseThroughTheApi(String title) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("categoryCode", "CM0103");
        body.put("channel", "hotline");
        body.put("gridCode", "360802001001001");
        Api.Reply created = api.as("jz-dispatcher").post(JIZHOU + "/cases", body);
        assertEquals(created.body().toString(), 201, created.status());
        return created.text("id");
    }

    /**
     * Makes {@code id} a definition the city may create a district from: posted with Jizhou's
     * departments and grids, then deleted (its directory stays under {@code tenants/}).
     */
    private static void definitionAvailable(Api city, String id) throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        Path jizhou = Path.of("..", "..", "tenants", "jizhou");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("tenant", Map.of("name", "青原区", "nameEn", "Qingyuan District", "city", "吉安市",
                "adminCode", "360803", "plugins", List.of("three-colour-grid")));
        body.put("departments", yaml.readTree(jizhou.resolve("departments.yaml").toFile()).get("departments"));
        body.put("grid", yaml.readTree(jizhou.resolve("grids.yaml").toFile()).get("grid"));
        body.put("people", List.of(Map.of("username", id + "-admin", "firstName", "测试", "lastName", "王",
                "email", id + "-admin@qingyuan.example.cn", "roles", List.of("district-admin"))));
        body.put("defaultPassword", PASSWORD);
        Api.Reply created = city.post("/api/v1/city/districts", body);
        assertEquals(created.body().toString(), 201, created.status());
        assertEquals(204, city.delete("/api/v1/city/districts/" + id + "?force=true").status());
        assertTrue(city.get("/api/v1/city/districts/definitions").body().toString().contains(id));
    }
}
