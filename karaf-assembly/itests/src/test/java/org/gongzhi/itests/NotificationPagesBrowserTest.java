package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's notification pages in a real browser (headless Chromium) against our distribution with real
 * PostgreSQL and Keycloak: the district administrator finds two dead letters in the outbox, replays one from its
 * row and the other as a selection, and overrides then resets a template (variables inserted, preview checked);
 * the templates' REST answers (roles, 400s naming the field) are checked beside. At a phone's width the
 * callbacks page's button and the case page's supervision button must be on screen. axe-core must find nothing
 * serious. Screenshots: target/screenshots/notifications*.png, notification-template*.png, phone-*.png.
 */
public class NotificationPagesBrowserTest {

    private static final String PASSWORD = Tokens.DEMO_PASSWORD;
    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String EVENT = "supervision.reminder.warning";
    private static final List<Browser.Violation> FINDINGS = new ArrayList<>();
    private static final String CONFIRM = ".el-message-box__btns .el-button--primary";

    private static BootedPlatform platform;
    private static Browser browser;
    private static Api api;

    @BeforeClass
    public static void boot() throws Exception {
        platform = BootedPlatform.shared();
        api = platform.api();
        browser = Browser.open("http://127.0.0.1:" + platform.httpPort());
    }

    @AfterClass
    public static void stop() throws IOException {
        Browser.finish(browser, "notification-pages-", FINDINGS);
    }

    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    @Test
    public void anAdministratorReplaysDeadLettersAndOverridesThenResetsATemplate() throws Exception {
        UUID one = deadLetter("短信服务商拒收：号码停机 (HTTP 400)");
        UUID two = deadLetter("邮件服务器拒收：邮箱不存在 (550)");
        KarafLog log = KarafLog.markEnd(platform.karafLog());

        browser.forgetSessions();
        browser.signIn("jizhou", "jz-admin", PASSWORD);
        browser.click("[data-menu=notifications]");
        browser.until("the outbox page open", d -> browser.path().startsWith("/console/jizhou/notifications"));
        browser.await("[data-test=notification-counts] tr[data-state=dead]");
        browser.click("[data-test=state-filter] [data-state=dead]");
        WebElement row = browser.await("tr[data-notification='" + one + "']");
        assertTrue(row.getText(), row.getText().contains("号码停机"));
        browser.await("tr[data-notification='" + two + "']");
        check("notifications");

        // one from its row
        browser.click("tr[data-notification='" + one + "'] [data-test=replay]");
        browser.click(CONFIRM);
        WebElement results = browser.await("[data-test=replay-results]");
        assertTrue(results.getText(), results.getText().contains("已重新排队 1 条"));
        browser.until("the replayed one left the dead letters",
                d -> d.findElements(By.cssSelector("tr[data-notification='" + one + "']")).isEmpty());

        // the other as a selection
        browser.click("tr[data-notification='" + two + "'] [data-test=select]");
        browser.click("[data-test=replay-selected]");
        browser.click(CONFIRM);
        browser.until("the selection replayed", d -> d.findElements(By.cssSelector("tr[data-notification='" + two + "']")).isEmpty()
                && d.findElement(By.cssSelector("[data-test=replay-results]")).getText().contains("已重新排队 1 条"));
        browser.awaitGone(".el-message-box");
        check("notifications-replayed");
        for (UUID id : List.of(one, two)) {
            browser.until("the log records the replay of " + id, d -> {
                try {
                    return log.linesSince().stream().anyMatch(l -> l.contains("Notification " + id + " of jizhou")
                            && l.contains("replayed by jz-admin (was dead)"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        // a template overridden with its variables, previewed, saved
        browser.click("[data-menu=notification-templates]");
        String tr = "tr[data-event='" + EVENT + "']";
        browser.await(tr + "[data-override=false]");
        browser.click(tr + " [data-test=edit]");
        browser.await("[data-test=template-dialog] [data-test=variables]");
        replaceText("field-subject", "吉州催办：${caseNumber}");
        replaceText("field-text", "请在 ${deadline} 前办结：");
        browser.click("[data-test=variables] [data-variable=category]");
        browser.until("the preview filled in", d -> d.findElement(By.cssSelector("[data-test=preview-text]")).getText()
                .equals("请在 2026-12-08 17:00 前办结：井盖缺失"));
        assertEquals("吉州催办：JZ-2026-000123", browser.await("[data-test=preview-subject]").getText());
        check("notification-template-dialog");
        browser.click("[data-test=template-save]");
        browser.awaitGone("[data-test=template-dialog]");
        browser.await(tr + "[data-override=true]");
        JsonNode saved = template(EVENT);
        assertTrue(saved.toString(), saved.get("override").asBoolean());
        assertEquals("请在 ${deadline} 前办结：${category}", saved.get("text").asText());
        browser.awaitGone(".el-message");
        check("notification-templates-overridden");

        // and reset to the shipped text
        browser.click(tr + " [data-test=reset]");
        browser.click(CONFIRM);
        browser.await(tr + "[data-override=false]");
        JsonNode reset = template(EVENT);
        assertTrue(reset.toString(), !reset.get("override").asBoolean());
        assertEquals(reset.get("shippedText").asText(), reset.get("text").asText());

        assertNoBlockingFindings();
    }

    @Test
    public void theTemplateAndOutboxEndpointsCheckRolesAndNameTheField() throws Exception {
        Api admin = api.as("jz-admin");
        Api dispatcher = api.as("jz-dispatcher");
        Api.Reply list = admin.get(JIZHOU + "/notification-templates");
        assertEquals(200, list.status());
        assertTrue(list.body().toString(), list.body().size() >= 9);
        assertEquals(403, dispatcher.get(JIZHOU + "/notification-templates").status());
        assertEquals(403, dispatcher.put(JIZHOU + "/notification-templates/" + EVENT, "{\"subject\":\"s\",\"text\":\"t\"}").status());
        assertEquals(403, dispatcher.delete(JIZHOU + "/notification-templates/" + EVENT).status());
        assertField("event", admin.put(JIZHOU + "/notification-templates/no.such.event", "{\"subject\":\"s\",\"text\":\"t\"}"));
        assertField("event", admin.delete(JIZHOU + "/notification-templates/no.such.event"));
        assertField("text", admin.put(JIZHOU + "/notification-templates/" + EVENT,
                "{\"subject\":\"s\",\"text\":\"请联系 ${reporterPhone}\"}"));
        assertField("subject", admin.put(JIZHOU + "/notification-templates/" + EVENT, "{\"subject\":\" \",\"text\":\"t\"}"));
        assertField("subject", admin.put(JIZHOU + "/notification-templates/" + EVENT,
                "{\"subject\":\"" + "长".repeat(201) + "\",\"text\":\"t\"}"));
        assertEquals(400, admin.put(JIZHOU + "/notification-templates/" + EVENT, "null").status());
        assertEquals(200, dispatcher.get(JIZHOU + "/notifications/counts").status());
        assertField("channel", dispatcher.get(JIZHOU + "/notifications?channel=fax"));
        Api.Reply sms = dispatcher.get(JIZHOU + "/notifications?channel=sms&state=dead");
        assertEquals(200, sms.status());
        for (JsonNode n : sms.body().get("items")) {
            assertEquals("sms", n.get("channel").asText());
            assertEquals("dead", n.get("state").asText());
        }
    }

    @Test
    public void onAPhoneTheCallbacksRecordButtonIsOnScreen() throws Exception {
        String closed = HotlineTickets.closed(api, HotlineTickets.ticket("NP"), "窄屏回访", "13922220009",
                "人民路井盖缺失", "已补装井盖");
        onAPhone(() -> {
            browser.go("/console/jizhou/callbacks");
            HotlineTickets.showCallbackRow(browser, api, closed);
            assertOnScreen("the callback's record button", "tr[data-case='" + closed + "'] [data-test=record]", true);
            browser.driver().executeScript("window.scrollTo(0, 0)");
            check("phone-callbacks");
        });
    }

    @Test
    public void onAPhoneTheCaseSupervisionPanelIsOnScreen() throws Exception {
        String open = openCase("窄屏督办：中山路路灯不亮");
        onAPhone(() -> {
            browser.go("/console/jizhou/cases/" + open);
            browser.await("[data-test=supervision-empty]");
            browser.await("[data-test=facts]");
            assertOnScreen("the supervision panel's button", "[data-test=supervise]", false);
            check("phone-case-supervision");
        });
    }

    // ---- helpers ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Steps {
        void run() throws Exception;
    }

    /** Signs the administrator in, then runs {@code steps} on a 360 × 740 phone screen; back to the desktop after. */
    private static void onAPhone(Steps steps) throws Exception {
        browser.forgetSessions();
        browser.signIn("jizhou", "jz-admin", PASSWORD);
        browser.emulatePhone(360, 740);
        try {
            steps.run();
        } finally {
            browser.emulateScreen(Browser.SIZES[0][0], Browser.SIZES[0][1]);
        }
        assertNoBlockingFindings();
    }

    /** A dead SMS (or e-mail) notification of Jizhou, written into the outbox as the delivery would leave it. */
    private static UUID deadLetter(String reason) throws Exception {
        UUID id = UUID.randomUUID();
        boolean email = reason.contains("邮件");
        try (Connection c = platform.database();
                PreparedStatement st = c.prepareStatement("insert into notification_outbox (notification_id, tenant_id, "
                        + "case_number, event, source_key, destination, channel, subject, body, state, attempts, created_at, "
                        + "next_attempt_at, last_error) values (?, 'jizhou', 'JZ-2026-900001', ?, ?, 'jz-admin', ?, "
                        + "'【催办】案件 JZ-2026-900001 即将超期', '【催办】案件 JZ-2026-900001 将于今天 17:00 到期', 'DEAD', 5, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            st.setObject(1, id);
            st.setString(2, EVENT);
            st.setString(3, "test:" + id);
            st.setString(4, email ? "EMAIL" : "SMS");
            st.setTimestamp(5, now);
            st.setTimestamp(6, now);
            st.setString(7, reason);
            assertEquals(1, st.executeUpdate());
        }
        return id;
    }

    private static JsonNode template(String event) throws Exception {
        Api.Reply list = api.as("jz-admin").get(JIZHOU + "/notification-templates");
        assertEquals(list.body().toString(), 200, list.status());
        for (JsonNode t : list.body()) {
            if (t.get("event").asText().equals(event)) {
                return t;
            }
        }
        throw new AssertionError("no template " + event + " in " + list.body());
    }

    private static void assertField(String field, Api.Reply reply) {
        assertEquals(reply.body().toString(), 400, reply.status());
        assertEquals(reply.body().toString(), field, reply.body().path("field").asText());
    }

    /** An open (reported) case of Jizhou, created through the API by the dispatcher. */
    private static String openCase(String title) throws Exception {
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
     * Checks that {@code css} lies on the screen — within its width and height, not cut off by a box that scrolls
     * sideways — after scrolling the page down to it when {@code scrollDown} (never sideways: a button one has to
     * scroll a table sideways to find is off-screen), else as the page opened.
     */
    private static void assertOnScreen(String what, String css, boolean scrollDown) {
        WebElement e = browser.await(css);
        if (scrollDown) {
            browser.driver().executeScript("window.scrollBy(0, arguments[0].getBoundingClientRect().top - innerHeight / 2)", e);
        }
        browser.frames();
        List<?> v = (List<?>) browser.driver().executeScript("const r = arguments[0].getBoundingClientRect();"
                + "let clipped = false; for (let p = arguments[0].parentElement; p; p = p.parentElement) {"
                + "  const s = getComputedStyle(p); if (s.overflowX !== 'visible') { const q = p.getBoundingClientRect();"
                + "    if (r.left < q.left - 1 || r.right > q.right + 1) clipped = true; } }"
                + "return [r.left, r.right, r.top, r.bottom, innerWidth, innerHeight, clipped,"
                + "  document.documentElement.scrollWidth]", e);
        double left = ((Number) v.get(0)).doubleValue();
        double right = ((Number) v.get(1)).doubleValue();
        double top = ((Number) v.get(2)).doubleValue();
        double bottom = ((Number) v.get(3)).doubleValue();
        double width = ((Number) v.get(4)).doubleValue();
        double height = ((Number) v.get(5)).doubleValue();
        String seen = what + " at x " + left + "–" + right + ", y " + top + "–" + bottom + " on a " + width + " × " + height
                + " screen (page " + v.get(7) + " px wide, cut off by a scrolling box: " + v.get(6) + ")";
        System.out.println("NotificationPagesBrowserTest: " + seen);
        assertTrue(seen, left >= 0 && right <= width && top >= 0 && bottom <= height && !Boolean.TRUE.equals(v.get(6)));
    }

    /** Replaces the text of field {@code name} as a person would (select all, type over it), so that the page sees each key. */
    private static void replaceText(String name, String text) {
        WebElement field = browser.field(name);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    private static void check(String name) {
        FINDINGS.addAll(browser.axe(name));
        browser.screenshots(name);
    }

    private static void assertNoBlockingFindings() {
        List<Browser.Violation> blocking = FINDINGS.stream().filter(Browser.Violation::blocking).toList();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }
}
