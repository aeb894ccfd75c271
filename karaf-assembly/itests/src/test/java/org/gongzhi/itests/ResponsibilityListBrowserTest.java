package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
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
import org.openqa.selenium.WebElement;

/**
 * The district's responsibility list (责任清单) in the console, in a real browser on the shared platform: Jizhou's
 * administrator edits it and saves the whole list; what was saved is checked through the REST API, and the list is
 * put back as it was whatever happens. axe-core must find nothing serious. Screenshots:
 * target/screenshots/responsibility-list*.png.
 */
public class ResponsibilityListBrowserTest {

    private static final String LIST = "/api/v1/tenants/jizhou/responsibility-list";
    private static final List<Browser.Violation> FINDINGS = new ArrayList<>();

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
        Browser.finish(browser, "responsibility-list-", FINDINGS);
    }

    /** A failed test leaves what the browser showed in target/screenshots/failed-<test>.png and .html. */
    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    /**
     * Jizhou's administrator adds an entry, sees it marked unsaved, saves the whole list, finds it again after a
     * reload and deletes it.
     */
    @Test
    public void theDistrictAdministratorAddsSavesAndRemovesAResponsibility() throws Exception {
        Api admin = api.as("jz-admin");
        Api.Reply before = admin.get(LIST);
        assertEquals(before.body().toString(), 200, before.status());
        String added = "tr[data-category=CM01][data-grid='360802001001']";
        try {
            browser.signIn("jizhou", "jz-admin", Tokens.DEMO_PASSWORD);
            browser.click("[data-menu=responsibility-list]");
            browser.await("[data-test=responsibility-page] tr[data-category=CM0105]");
            browser.awaitGone("[data-test=responsibilities] .el-loading-mask");
            assertFalse("nothing unsaved at first", browser.present("[data-test=unsaved]"));

            browser.click("[data-test=add-row]");
            browser.await("[data-test=entry-dialog] [data-test=field-category]");
            browser.choose("[data-test=field-category]", "CM01 市容环境");
            browser.choose("[data-test=field-grid]", "阳明社区");
            browser.choose("[data-test=field-lead]", "（CG）");
            browser.choose("[data-test=field-tier]", "重点难点");
            browser.click("[data-test=entry-ok]");
            browser.awaitGone("[data-test=entry-dialog]");
            WebElement row = browser.await(added + "[data-state=added]");
            assertTrue(row.getText(), row.getText().contains("阳明社区") && row.getText().contains("重点难点"));
            assertTrue(browser.await("[data-test=unsaved]").getText().contains("新增 1 条"));
            check("responsibility-list-unsaved");

            browser.click("[data-test=save]");
            browser.awaitGone("[data-test=unsaved]");
            JsonNode saved = entry(admin.get(LIST).body(), "CM01", "360802001001");
            assertNotNull("saved through the API", saved);
            assertEquals("CG", saved.path("leadDepartment").asText());
            assertEquals("difficult", saved.path("tier").asText());

            browser.go("/console/jizhou/responsibility-list");
            browser.await(added);
            assertFalse("a saved row is no longer new", browser.present(added + "[data-state]"));
            browser.click(added + " [data-test=delete]");
            browser.click(".el-message-box__btns .el-button--primary");
            browser.awaitGone(".el-message-box");
            browser.until("the row deleted", d -> !browser.present(added));
            assertTrue(browser.await("[data-test=unsaved]").getText().contains("删除 1 条"));
            browser.click("[data-test=save]");
            browser.awaitGone("[data-test=unsaved]");
            assertEquals("back to the list as it was", before.body().path("entries"), admin.get(LIST).body().path("entries"));
        } finally {
            assertEquals(200, admin.put(LIST, before.body().toString()).status());
            discardUnsaved();
        }
        List<Browser.Violation> blocking = FINDINGS.stream().filter(Browser.Violation::blocking).toList();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }

    private static void check(String name) {
        FINDINGS.addAll(browser.axe(name));
        browser.screenshots(name);
    }

    /**
     * Leaves the page without unsaved changes, so that the page's "leave anyway?" question does not hold the
     * browser's next navigation. A failure here would hide the test's own; it is captured and ignored.
     */
    private static void discardUnsaved() {
        try {
            if (!browser.all("[data-test=unsaved]").isEmpty()) {
                browser.click("[data-test=discard]");
                browser.click(".el-message-box__btns .el-button--primary");
                browser.awaitGone("[data-test=unsaved]");
            }
        } catch (RuntimeException e) {
            browser.capture("responsibility-list-not-discarded");
        }
    }

    /** The entry of a responsibility list for {@code category} in {@code grid}, or null. */
    private static JsonNode entry(JsonNode list, String category, String grid) {
        for (JsonNode e : list.path("entries")) {
            if (category.equals(e.path("categoryCode").asText()) && grid.equals(e.path("gridCode").asText())) {
                return e;
            }
        }
        return null;
    }
}
