package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;

/**
 * The console's 回访 page in a real browser (headless Chromium through Selenium) against our distribution
 * with real PostgreSQL and Keycloak: a dispatcher records one reached and one unreached callback through the
 * page and dialog; the cases' evaluation and journal are checked through the REST API; axe-core must find
 * nothing serious on the list and the dialog. Screenshots: target/screenshots/callbacks*.png.
 */
public class CallbackBrowserTest {

    private static final String PASSWORD = Tokens.DEMO_PASSWORD;
    private static final String JIZHOU = HotlineTickets.JIZHOU;
    private static final List<Browser.Violation> FINDINGS = new ArrayList<>();

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
        Browser.finish(browser, "callbacks-", FINDINGS);
    }

    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    @Test
    public void aSeatRecordsAReachedAndAnUnreachedCallbackOnThePage() throws Exception {
        String reached = HotlineTickets.closed(api, HotlineTickets.ticket("BR"), "浏览器回访甲", "13922220001",
                "人民路路灯不亮", "路灯已修复");
        String unreached = HotlineTickets.closed(api, HotlineTickets.ticket("BU"), "浏览器回访乙", "13922220002",
                "中山路路灯闪烁", "已更换灯具");

        browser.signIn("jizhou", "jz-dispatcher", PASSWORD);
        browser.click("[data-menu=callbacks]");
        browser.until("the callbacks page open", d -> browser.path().startsWith("/console/jizhou/callbacks"));
        HotlineTickets.showCallbackRow(browser, api, reached);
        assertTrue("the seat sees the caller's phone",
                browser.await("tr[data-case='" + reached + "']").getText().contains("13922220001"));
        check("callbacks");

        // reached: 基本满意
        browser.click("tr[data-case='" + reached + "'] [data-test=record]");
        browser.await("[data-test=callback-dialog] [data-test=field-satisfaction]");
        browser.click("[data-test=field-satisfaction] [data-value=mostlySatisfied]");
        browser.type("field-note", "来电人表示基本满意");
        check("callbacks-dialog");
        browser.click("[data-test=callback-submit]");
        browser.awaitGone("[data-test=callback-dialog]");
        browser.until("the evaluated case left the list",
                d -> d.findElements(By.cssSelector("tr[data-case='" + reached + "']")).isEmpty());

        // not reached
        HotlineTickets.showCallbackRow(browser, api, unreached);
        browser.click("tr[data-case='" + unreached + "'] [data-test=record]");
        browser.await("[data-test=callback-dialog] [data-test=field-reached]");
        browser.click("[data-test=field-reached] [data-value=not-reached]");
        browser.await("[data-test=attempts-left]");
        browser.type("field-note", "无人接听");
        browser.click("[data-test=callback-submit]");
        browser.awaitGone("[data-test=callback-dialog]");
        browser.until("one failed attempt shown", d -> d.findElement(By.cssSelector("tr[data-case='" + unreached + "']"))
                .getText().contains("1 / 3"));
        browser.awaitGone(".el-message");
        browser.screenshots("callbacks-after");

        // what the API says happened
        Api.Reply evaluated = api.get(JIZHOU + "/cases/" + reached);
        assertEquals("evaluated", evaluated.text("status"));
        assertEquals(4, evaluated.body().get("satisfaction").asInt());
        JsonNode last = lastEntry(reached);
        assertEquals("evaluate", last.get("action").asText());
        assertEquals("jz-dispatcher", last.get("actor").asText());
        assertTrue(last.get("note").asText(), last.get("note").asText().contains("来电人表示基本满意"));

        Api.Reply stillClosed = api.get(JIZHOU + "/cases/" + unreached);
        assertEquals("closed", stillClosed.text("status"));
        JsonNode comment = lastEntry(unreached);
        assertEquals("comment", comment.get("action").asText());
        assertEquals("jz-dispatcher", comment.get("actor").asText());
        assertTrue(comment.get("note").asText(), comment.get("note").asText().contains("第 1 次，共 3 次"));

        List<Browser.Violation> blocking = FINDINGS.stream().filter(Browser.Violation::blocking).toList();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }

    private static JsonNode lastEntry(String caseId) throws Exception {
        JsonNode journal = api.get(JIZHOU + "/cases/" + caseId + "/journal").body();
        return journal.get(journal.size() - 1);
    }

    private static void check(String name) {
        FINDINGS.addAll(browser.axe(name));
        browser.screenshots(name);
    }
}
