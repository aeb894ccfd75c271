package org.gongzhi.itests;

import static org.gongzhi.itests.JizhouCases.JIZHOU;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;

/**
 * Issue 17's dispatch panels in the console, in a real browser on the shared platform: the duplicate banner of a
 * case flagged at intake (the dispatcher merges it into its master, or says it is no duplicate), the assignment
 * panel (a department's handler names a colleague, then takes the case back with a reason) and the inbox's bulk
 * bar (one dispatch on two cases, one done and one refused). Cases are made through the REST API, what the console
 * did is checked through it. axe-core must find nothing serious. Screenshots: target/screenshots/casework-*.png.
 */
public class CaseWorkBrowserTest {

    private static final List<Browser.Violation> FINDINGS = new ArrayList<>();
    /** Inside 仁山小区网格 (360802001001003), away from the points the other shared classes report at. */
    private static final String GRID = "360802001001003";
    private static final double LON = 114.9271;
    private static final double LAT = 27.0483;

    private static Browser browser;
    private static Api api;

    @BeforeClass
    public static void boot() throws Exception {
        BootedPlatform platform = BootedPlatform.shared();
        api = platform.api();
        browser = Browser.open("http://127.0.0.1:" + platform.httpPort());
    }

    @AfterClass
    public static void stop() throws IOException {
        Browser.finish(browser, "casework-", FINDINGS);
    }

    /** A failed test leaves what the browser showed in target/screenshots/failed-<test>.png and .html. */
    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    /** Where this test's findings begin in {@link #FINDINGS} (the class keeps them all for its report). */
    private int firstFinding;

    @Before
    public void nobodySignedIn() {
        browser.forgetSessions();
        firstFinding = FINDINGS.size();
    }

    /**
     * A second report of the same thing a few metres from the first: its case page shows the banner with the first
     * as candidate; the dispatcher merges, the page then names the master, and the API shows the case merged into it
     * with the master's journal saying so.
     */
    @Test
    public void theDispatcherMergesADuplicateFromItsBanner() throws Exception {
        String title = "仁山路口垃圾堆放未清运 " + tag();
        JsonNode master = report(title, LON, LAT);
        JsonNode duplicate = report(title, LON + 0.00004, LAT);
        String masterNumber = master.get("number").asText();
        assertEquals(duplicate.toString(), "flagged", duplicate.at("/duplicate/state").asText());

        browser.signIn("jizhou", "jz-dispatcher", Tokens.DEMO_PASSWORD);
        browser.go("/console/jizhou/cases/" + duplicate.get("id").asText());
        String candidate = "[data-test=duplicate-banner] [data-candidate='" + masterNumber + "']";
        String why = browser.await(candidate).getText();
        assertTrue(why, why.contains("相距 4 米") && why.contains("文字重合 100%"));
        check("casework-duplicate");

        browser.await("[data-test=transfer]"); // offered before the merge, gone after it
        browser.click(candidate + " [data-merge='" + masterNumber + "']");
        String merged = browser.await("[data-test=merged-banner]").getText();
        assertTrue(merged, merged.contains("已合并至主案件") && merged.contains(masterNumber));
        assertFalse("the banner's candidates are gone", browser.present("[data-test=duplicate-banner]"));
        browser.awaitGone("[data-test=steps] [data-step=register]"); // handled through its master: no step of its own
        assertFalse(browser.present("[data-test=steps] [data-step=reject]"));
        assertFalse("no transfer of a merged duplicate", browser.present("[data-test=transfer]"));
        check("casework-merged");

        JsonNode after = api.as("jz-dispatcher").get(JIZHOU + "/cases/" + duplicate.get("id").asText()).body();
        assertEquals(after.toString(), "merged", after.at("/duplicate/state").asText());
        assertEquals(master.get("id").asText(), after.at("/duplicate/mergedInto").asText());
        assertEquals(masterNumber, after.at("/duplicate/mergedIntoNumber").asText());
        JsonNode entry = last(master.get("id").asText());
        assertEquals("jz-dispatcher", entry.get("actor").asText());
        assertTrue(entry.toString(), entry.get("note").asText().startsWith("并入重复件 " + duplicate.get("number").asText()));
        assertNoBlockingFindings();
    }

    /** A report flagged by mistake: 不是重复 clears the banner, the case stays open on its own and its journal says why. */
    @Test
    public void theDispatcherDismissesAFalseDuplicate() throws Exception {
        String title = "仁山路口垃圾桶满溢 " + tag();
        JsonNode first = report(title, LON + 0.0003, LAT + 0.0003);
        JsonNode second = report(title, LON + 0.0003, LAT + 0.0003);
        String id = second.get("id").asText();
        assertEquals(second.toString(), "flagged", second.at("/duplicate/state").asText());

        browser.signIn("jizhou", "jz-dispatcher", Tokens.DEMO_PASSWORD);
        browser.go("/console/jizhou/cases/" + id);
        browser.await("[data-test=duplicate-banner] [data-candidate='" + first.get("number").asText() + "']");
        browser.click("[data-test=duplicate-banner] [data-test=dismiss]");
        browser.awaitGone("[data-test=duplicate-banner]");
        assertFalse(browser.present("[data-test=merged-banner]"));

        JsonNode after = api.as("jz-dispatcher").get(JIZHOU + "/cases/" + id).body();
        assertEquals(after.toString(), "dismissed", after.at("/duplicate/state").asText());
        assertEquals("reported", after.get("status").asText());
        JsonNode entry = last(id);
        assertEquals("jz-dispatcher", entry.get("actor").asText());
        String note = entry.get("note").asText();
        assertTrue(entry.toString(), note.startsWith("不是重复件：与 ") && note.contains(first.get("number").asText()));
        assertNoBlockingFindings();
    }

    /**
     * A case dispatched to 城管: its handler jz-cg names colleague jz-cg2 in the panel, then takes it back, which
     * needs a reason (the dialog says so before sending); the API shows the holder and the two journal entries.
     */
    @Test
    public void aDepartmentHandlerAssignsAndReassignsInThePanel() throws Exception {
        String id = JizhouCases.dispatchedToCg(api, "承办人面板测试 " + tag()).get("id").asText();

        browser.signIn("jizhou", "jz-cg", Tokens.DEMO_PASSWORD);
        browser.go("/console/jizhou/cases/" + id);
        assertEquals("未指派", browser.await("[data-test=assignee]").getText());
        browser.click("[data-test=assign]");
        browser.choose("[data-test=assign-person]", "jz-cg2");
        check("casework-assign-dialog");
        browser.click("[data-test=assign-submit]");
        browser.awaitGone("[data-test=assign-submit]");
        browser.until("the holder shown", d -> browser.await("[data-test=assignee]").getText().equals("尹志强（jz-cg2）"));
        assertEquals("jz-cg2", api.as("jz-cg").get(JIZHOU + "/cases/" + id).text("assignee"));
        assertEquals("指派承办人：尹志强（jz-cg2）", last(id).get("note").asText());

        browser.click("[data-test=assign]");
        browser.choose("[data-test=assign-person]", "（jz-cg）");
        browser.click("[data-test=assign-submit]");
        assertEquals("a reassignment without a reason is not sent", "改派须说明原因",
                browser.await(".el-dialog .el-form-item__error").getText());
        browser.type("assign-reason", "尹志强外出培训");
        browser.click("[data-test=assign-submit]");
        browser.awaitGone("[data-test=assign-submit]");
        browser.until("the new holder shown", d -> browser.await("[data-test=assignee]").getText().equals("郭建军（jz-cg）"));
        check("casework-reassigned");

        assertEquals("jz-cg", api.as("jz-cg").get(JIZHOU + "/cases/" + id).text("assignee"));
        JsonNode entry = last(id);
        assertEquals("jz-cg", entry.get("actor").asText());
        assertEquals("改派承办人：尹志强（jz-cg2） → 郭建军（jz-cg），原因：尹志强外出培训", entry.get("note").asText());
        assertNoBlockingFindings();
    }

    /**
     * Two cases ticked in the inbox, one registered and one only reported: 批量派遣 to 城管 dispatches the first and
     * refuses the second, and the bar says so with the refused case's number.
     */
    @Test
    public void theDispatcherDispatchesTwoCasesFromTheBulkBar() throws Exception {
        String word = tag();
        JsonNode registered = report("批量派遣测试 楼道口垃圾 " + word, null, null);
        Api.Reply r = api.as("jz-dispatcher").post(JIZHOU + "/cases/" + registered.get("id").asText() + "/transitions",
                Map.of("action", "register", "tier", "coordination"));
        assertEquals(r.body().toString(), 200, r.status());
        JsonNode reported = report("批量派遣测试 绿化带垃圾 " + word, null, null);

        browser.signIn("jizhou", "jz-dispatcher", Tokens.DEMO_PASSWORD);
        browser.go("/console/jizhou/cases?view=all&q=" + word);
        for (JsonNode c : List.of(registered, reported)) {
            browser.await("[data-test=cases] a[data-case='" + c.get("id").asText() + "']");
        }
        browser.awaitGone("[data-test=cases] .el-loading-mask");
        assertEquals("only the two cases listed", 2, browser.all("[data-test=cases] tr.el-table__row").size());
        for (JsonNode c : List.of(registered, reported)) {
            browser.driver().findElement(By.xpath("//tr[.//a[@data-case='" + c.get("id").asText() + "']]"
                    + "//span[contains(@class,'el-checkbox__inner')]")).click();
        }
        browser.until("two selected", d -> browser.await("[data-test=bulk-count]").getText().equals("已选 2 件"));
        browser.choose("[data-test=bulk-lead]", "城市管理局");
        browser.click("[data-test=bulk-dispatch]");
        String result = browser.await("[data-test=bulk-result]").getText();
        assertTrue(result, result.contains("成功 1 件，未办理 1 件"));
        String refused = browser.await("[data-test=bulk-refused]").getText();
        assertTrue(refused, refused.startsWith(reported.get("number").asText() + "："));
        assertEquals(1, browser.all("[data-test=bulk-refused]").size());
        check("casework-bulk");

        JsonNode dispatched = api.as("jz-dispatcher").get(JIZHOU + "/cases/" + registered.get("id").asText()).body();
        assertEquals(dispatched.toString(), "dispatched", dispatched.get("status").asText());
        assertEquals("CG", dispatched.get("leadDepartment").asText());
        assertEquals("reported", api.as("jz-dispatcher").get(JIZHOU + "/cases/" + reported.get("id").asText()).text("status"));
        assertNoBlockingFindings();
    }

    /** A hotline case of CM0101 in {@link #GRID} reported by the dispatcher, at a point or (nulls) without one. */
    private static JsonNode report(String title, Double longitude, Double latitude) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "categoryCode", "CM0101",
                "channel", "hotline", "gridCode", GRID, "address", "仁山路口"));
        if (longitude != null) {
            body.put("longitude", longitude);
            body.put("latitude", latitude);
        }
        Api.Reply created = api.as("jz-dispatcher").post(JIZHOU + "/cases", body);
        assertEquals(created.body().toString(), 201, created.status());
        return created.body();
    }

    /** The last entry of a Jizhou case's journal. */
    private static JsonNode last(String id) throws Exception {
        JsonNode journal = api.as("jz-dispatcher").get(JIZHOU + "/cases/" + id + "/journal").body();
        return journal.get(journal.size() - 1);
    }

    /** Six letters to find this run's cases by (a word search; digits would be read as a case number). */
    private static String tag() {
        return ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static void check(String name) {
        // a toast fading in is checked at part of its opacity (its text then fails the contrast rule): let it go
        browser.awaitGone(".el-message");
        FINDINGS.addAll(browser.axe(name));
        browser.screenshots(name);
    }

    /** This test's own findings: one test's finding does not fail the others. */
    private void assertNoBlockingFindings() {
        List<Browser.Violation> blocking = FINDINGS.subList(firstFinding, FINDINGS.size()).stream()
                .filter(Browser.Violation::blocking).toList();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }
}
