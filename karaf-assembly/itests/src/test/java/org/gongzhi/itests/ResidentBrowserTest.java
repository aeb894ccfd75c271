package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The residents' reporting page (码上办 / 随手拍, {@code /report/<district>/}) in a real browser at a
 * phone's size, against our distribution with PostgreSQL and the department simulator playing the
 * SMS provider: a resident opens the page from a grid's QR code, signs in with the one-time code
 * read from the simulator's outbox, reports with a photo, follows the case, rates it once the
 * centre closed it (through the staff API) and asks to reopen it; then signs out.
 *
 * <p>Shares {@link Browser} with {@link ConsoleBrowserTest}: screenshots under
 * {@code target/screenshots/resident-*}, axe-core results under {@code target/axe/resident-*};
 * the first load's JS and CSS (bytes on the wire, gzip) in {@code target/resident-first-load.json}.
 */
public class ResidentBrowserTest {

    private static final String DISTRICT = "jizhou";
    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    /** 阳明小区网格 of the demo district Jizhou (tenants/jizhou/grids.yaml): the QR code's grid. */
    private static final String GRID = "360802001001001";
    private static final String GRID_NAME = "阳明小区网格";
    /** Issue 14's budget for the first load of the resident page: JS and CSS, gzip. */
    private static final long FIRST_LOAD_BUDGET = 150_000;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Browser.Violation> FINDINGS = new ArrayList<>();

    private static BootedPlatform platform;
    private static Browser browser;
    private static Api api;
    /** Reads the residents' codes from the SMS simulator the platform was booted with. */
    private static Residents residents;

    @BeforeClass
    public static void boot() throws Exception {
        platform = BootedPlatform.shared();
        api = platform.api();
        residents = Residents.of(platform.httpPort());
        browser = Browser.open("http://127.0.0.1:" + platform.httpPort());
    }

    @AfterClass
    public static void stop() throws IOException {
        Browser.finish(browser, "resident-", FINDINGS);
    }

    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    // ---- serving ------------------------------------------------------------------------------

    @Test
    public void thePageIsServedWithItsOwnPolicyAndRoutes() throws Exception {
        String base = browser.base();
        HttpResponse<String> bare = send(base + "/report");
        assertEquals(302, bare.statusCode());
        assertEquals("/report/", bare.headers().firstValue("Location").orElse(""));
        for (String route : List.of("/report/", "/report/jizhou/", "/report/jizhou/mine", "/report/jizhou/mine/3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c48")) {
            HttpResponse<String> page = send(base + route);
            assertEquals(route, 200, page.statusCode());
            assertTrue(route, page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy, policy.contains("default-src 'self'") && policy.contains("img-src 'self' blob: data:")
                    && policy.contains("connect-src 'self';"));
            assertEquals("geolocation=(self)", page.headers().firstValue("Permissions-Policy").orElse(""));
            assertTrue("the resident page, not the console: " + page.body(), page.body().contains("/report/assets/"));
            assertFalse(page.body().contains("/console/assets/"));
        }
        Matcher script = Pattern.compile("src=\"(/report/assets/[^\"]+\\.js)\"").matcher(send(base + "/report/jizhou/").body());
        assertTrue(script.find());
        HttpResponse<String> asset = HTTP.send(HttpRequest.newBuilder(URI.create(base + script.group(1)))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asset.statusCode());
        assertEquals("gzip", asset.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(asset.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertEquals(404, send(base + "/report/assets/none.js").statusCode());
    }

    // ---- the resident's whole way ---------------------------------------------------------------

    @Test
    public void aResidentReportsFromAQrCodeFollowsRatesAndReopens() throws Exception {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Path photo = jpeg("resident-photo.jpg");
        browser.emulatePhone(PHONE_WIDTH, PHONE_HEIGHT);

        // a fresh browser opens the grid's QR code: the first load within its budget
        browser.go("/report/" + DISTRICT + "/?grid=" + GRID);
        browser.await("[data-test=sign-in]");
        firstLoad();
        assertEquals("zh-CN", browser.driver().executeScript("return document.documentElement.lang"));
        checkPage("resident-sign-in");

        // phone → code by SMS (read from the simulator's outbox) → signed in
        browser.type("phone", phone);
        browser.click("[data-test=get-code]");
        browser.await("[data-test=code-sent]");
        assertFalse("the code button counts down", browser.await("[data-test=get-code]").isEnabled());
        browser.type("code", residents.code(phone, 0));
        browser.click("[data-test=sign-in-submit]");
        browser.await("[data-test=report-form][data-channel=qr-code]");
        browser.await("[data-test=qr-grid][data-grid='" + GRID + "']");
        assertTrue(browser.await("[data-test=qr-grid]").getText().contains(GRID_NAME));
        assertEquals("the session lives in this tab only", List.of(), browser.driver().executeScript(
                "return Object.keys(localStorage).filter(k => k.startsWith('gongzhi.resident'))"));
        assertEquals(1L, browser.driver().executeScript(
                "return Object.keys(sessionStorage).filter(k => k.startsWith('gongzhi.resident')).length"));
        browser.await("[data-test=pin-map]");
        checkPage("resident-form");

        // nothing filled: the page says what is missing
        browser.click("[data-test=submit]");
        browser.await("#category-error");
        browser.await("#description-error");

        // the category by search, a photo from the "camera", a pin on the map, a description
        browser.type("category-search", "垃圾箱");
        browser.click("[data-category=CM0104]");
        browser.await("[data-test=category-chosen][data-code=CM0104]");
        browser.driver().findElement(By.cssSelector("[data-test=photo-input]")).sendKeys(photo.toAbsolutePath().toString());
        browser.await("[data-test=photo][data-state=done]");
        pinTheQrGrid();
        browser.type("description", "阳明小区 3 栋旁的垃圾桶满了两天，有异味。");
        assertFalse("publication consent is off by default", browser.await("[data-test=public-consent]").isSelected());
        assertFalse("keeping capture facts is off by default", browser.await("[data-test=keep-capture]").isSelected());
        checkPage("resident-form-filled");

        browser.click("[data-test=submit]");
        WebElement created = browser.await("[data-test=created]");
        String id = created.getAttribute("data-case");
        String number = browser.await("[data-test=case-number]").getText().replace("案件编号", "").strip();
        checkPage("resident-created");

        // the centre sees it as the resident sent it
        Api.Reply staff = api.get(JIZHOU + "/cases/" + id);
        assertEquals(staff.body().toString(), 200, staff.status());
        assertEquals(number, staff.text("number"));
        assertEquals("qr-code", staff.text("channel"));
        assertEquals("CM0104", staff.text("categoryCode"));
        assertEquals(GRID, staff.text("gridCode"));
        assertEquals(phone, staff.text("reporterPhone"));
        assertFalse(staff.body().path("publicCase").asBoolean(true));
        assertTrue("the photo is on the case: " + staff.body().path("attachments"),
                staff.body().path("attachments").toString().contains("evidence:"));

        // my reports
        browser.click("[data-test=to-mine]");
        browser.await("[data-test=mine-item][data-case='" + id + "'] [data-stage=submitted]");
        checkPage("resident-mine");

        // the centre runs the loop and closes it, with a public note for the resident
        String path = JIZHOU + "/cases/" + id;
        step(path, Map.of("action", "register"), "registered");
        step(path, Map.of("action", "dispatch", "leadDepartment", "CG"), "dispatched");
        step(path, Map.of("action", "accept"), "handling");
        step(path, Map.of("action", "feedback", "note", "已清运", "publicNote", "已清运，垃圾桶已更换"), "feedback");
        step(path, Map.of("action", "verify-pass"), "verified");
        step(path, Map.of("action", "close"), "closed");

        // the resident sees it closed, with the note and the photo (a blob: URL fetched with the token), and rates it
        browser.click("[data-test=mine-item][data-case='" + id + "']");
        browser.await("[data-test=detail][data-status=closed]");
        assertEquals(number, browser.await("[data-test=detail-number]").getText());
        assertTrue(browser.await("[data-test=notes]").getText().contains("已清运，垃圾桶已更换"));
        browser.until("the report's photo shown", d -> d.findElements(By.cssSelector("[data-test=photos-report] img")).stream()
                .anyMatch(img -> img.getAttribute("src").startsWith("blob:")
                        && Boolean.TRUE.equals(browser.driver().executeScript("return arguments[0].naturalWidth > 0", img))));
        browser.await("[data-test=rate]");
        checkPage("resident-detail-closed");

        List<WebElement> stars = browser.all("[data-test=rate-stars] .el-rate__item");
        assertEquals(5, stars.size());
        stars.get(1).click();
        browser.type("rate-comment", "处理及时，但垃圾桶位置不合理");
        browser.click("[data-test=rate-submit]");
        browser.await("[data-test=rated][data-score='2']");
        assertEquals(2, api.get(path).body().path("satisfaction").asInt());

        // two stars: not satisfied, so it may be reopened with a reason
        browser.click("[data-test=reopen-open]");
        browser.type("reopen-reason", "垃圾桶还是放在单元门口，气味很大");
        browser.click("[data-test=reopen-submit]");
        browser.await("[data-test=reopened]");
        String status = api.get(path).text("status");
        assertFalse("reopened: " + status, List.of("closed", "evaluated").contains(status));
        checkPage("resident-reopened");

        // signing out forgets the session
        browser.click("[data-test=sign-out]");
        browser.await("[data-test=sign-in]");
        assertEquals(0L, browser.driver().executeScript(
                "return Object.keys(sessionStorage).filter(k => k.startsWith('gongzhi.resident')).length"));

        List<Browser.Violation> blocking = FINDINGS.stream().filter(Browser.Violation::blocking).toList();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * What the browser fetched for the page's first load (a fresh profile, so an empty cache): the
     * scripts and style sheets, bytes on the wire (gzip), against the budget; written to
     * {@code target/resident-first-load.json}. No identity-server script among them.
     */
    @SuppressWarnings("unchecked")
    private static void firstLoad() throws IOException {
        browser.quiet();
        List<Map<String, Object>> files = (List<Map<String, Object>>) browser.driver().executeScript(
                "return performance.getEntriesByType('resource')"
                        + ".filter(e => /\\.(js|css)$/.test(new URL(e.name).pathname))"
                        + ".map(e => ({ name: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))");
        long encoded = files.stream().mapToLong(f -> ((Number) f.get("encoded")).longValue()).sum();
        long decoded = files.stream().mapToLong(f -> ((Number) f.get("decoded")).longValue()).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("page", "/report/" + DISTRICT + "/?grid=" + GRID);
        figures.put("jsCssGzipBytes", encoded);
        figures.put("jsCssBytes", decoded);
        figures.put("budgetBytes", FIRST_LOAD_BUDGET);
        figures.put("files", files);
        Files.createDirectories(Path.of("target"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of("target", "resident-first-load.json").toFile(), figures);
        assertFalse("files were fetched: " + files, files.isEmpty());
        assertTrue("every file from /report/: " + files, files.stream().allMatch(f -> String.valueOf(f.get("name")).startsWith("/report/")));
        assertTrue("no identity-server script: " + files, files.stream().noneMatch(f -> String.valueOf(f.get("name")).contains("keycloak")));
        assertTrue("first load of the resident page: " + encoded + " bytes of JS and CSS (gzip), budget " + FIRST_LOAD_BUDGET,
                encoded > 0 && encoded <= FIRST_LOAD_BUDGET);
    }

    /** Taps the middle of the QR code's grid (highlighted on the map) and waits until the page names it. */
    private static void pinTheQrGrid() {
        WebElement map = browser.await("[data-test=pin-map]");
        // measure once the map stands still in the middle of the screen (a photo above it may still be settling)
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", map);
        browser.until("the map in view", d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", map));
        WebElement grid = map.findElement(By.cssSelector("path.area.on"));
        org.openqa.selenium.Rectangle m = map.getRect();
        org.openqa.selenium.Rectangle g = grid.getRect();
        int dx = g.getX() + g.getWidth() / 2 - (m.getX() + m.getWidth() / 2);
        int dy = g.getY() + g.getHeight() / 2 - (m.getY() + m.getHeight() / 2);
        new Actions(browser.driver()).moveToElement(map, dx, dy).click().perform();
        browser.await("[data-test=pin]");
        browser.until("the pin placed in " + GRID_NAME, d -> d.findElement(By.cssSelector("[data-test=located]")).getText().contains(GRID_NAME));
    }

    /** One step of the closed loop through the staff API (as Jizhou's district administrator). */
    private static void step(String path, Map<String, Object> body, String status) throws Exception {
        Api.Reply reply = api.post(path + "/transitions", body);
        assertEquals(reply.body().toString(), 200, reply.status());
        assertEquals(status, reply.text("status"));
    }

    /** A JPEG photo made for the test, under target/. */
    private static Path jpeg(String name) throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(70, 110, 160), 640, 480, new Color(200, 170, 90)));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(40, 120, 60));
        g.fillRect(260, 200, 120, 200);
        g.dispose();
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, "jpg", file.toFile()));
        assertNotNull(ImageIO.read(file.toFile()));
        return file;
    }

    /** axe-core on the current page (findings kept for the end) and screenshots at a laptop's and a phone's size. */
    private static void checkPage(String name) {
        FINDINGS.addAll(browser.axe(name));
        browser.screenshots(name);
    }

    private static HttpResponse<String> send(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
