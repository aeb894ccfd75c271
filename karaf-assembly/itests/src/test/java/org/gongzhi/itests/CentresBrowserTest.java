package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The four-level centres in the console (ADR 0036), in a real browser against our distribution with real
 * PostgreSQL and Keycloak: a street centre's dispatcher sees its area named in the header (范围：公园街道)
 * and an inbox without another street's case; the city dispatcher lands on the districts' cases page and
 * sees a district's case there, opens it and registers and dispatches it (市级接管, journaled with the city actor). axe-core must find nothing serious. Screenshots: target/screenshots/centres*.png.
 */
public class CentresBrowserTest {

    private static final String CASES = "/api/v1/tenants/donghu/cases";
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
        Browser.finish(browser, "centres-", FINDINGS);
    }

    @Rule
    public final TestWatcher evidence = Browser.captureOnFailure(() -> browser);

    @Test
    public void theStreetCentreSeesItsAreaAndTheCityCentreADistrictsCases() throws Exception {
        String own = report("360102001001001");
        String town = report("360102100201001");

        browser.signIn("donghu", "dh-street-gy", Tokens.DEMO_PASSWORD);
        browser.until("the scope in the header",
                d -> browser.present("[data-test=centre-scope]") && browser.await("[data-test=centre-scope]").getText().contains("公园街道"));
        browser.until("the own area's case listed", d -> browser.present("[data-case='" + own + "']"));
        assertFalse("another street's case is not listed", browser.present("[data-case='" + town + "']"));
        check("centres-street");

        browser.forgetSessions();
        browser.signIn("city", "city-dispatcher", Tokens.DEMO_PASSWORD);
        browser.until("the city dispatcher's home", d -> browser.path().startsWith("/console/city/cases"));
        browser.go("/console/city/cases?district=donghu");
        browser.await("[data-test=city-cases] tr[data-case='" + town + "']");
        assertTrue(browser.present("[data-test=city-cases] tr[data-case='" + own + "']"));
        check("centres-city");

        // 市级接管 from the console: the case page under the city realm, register and dispatch it there
        browser.click("[data-test=city-cases] tr[data-case='" + town + "'] [data-test=city-case-link]");
        browser.await("section.case[data-case='" + town + "'][data-status=reported]");
        assertFalse("no district panel the city may not read", browser.present("[data-test=assignee]"));
        browser.click("[data-step=register-dispatch]");
        browser.await("[data-test=step-submit]");
        browser.choose("[data-test=field-leadDepartment]", "(CG)");
        check("centres-takeover");
        browser.click("[data-test=step-submit]");
        browser.await("section.case[data-case='" + town + "'][data-status=dispatched]");
        assertFalse("no refusal shown", browser.present(".el-message--error"));
        JsonNode journal = api.as("dh-dispatcher").get(CASES + "/" + town + "/journal").body();
        JsonNode last = journal.get(journal.size() - 1);
        assertEquals(last.toString(), "dispatch", last.get("action").asText());
        assertEquals("city:city-dispatcher", last.get("actor").asText());
        assertTrue(last.toString(), last.get("note").asText().startsWith("市级接管"));

        List<Browser.Violation> blocking = FINDINGS.stream().filter(Browser.Violation::blocking).toList();
        assertTrue("serious or critical accessibility violations (axe-core; details in target/axe/):\n"
                + blocking.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n")), blocking.isEmpty());
    }

    private static String report(String grid) throws Exception {
        return api.as("dh-dispatcher").post(CASES, "{\"title\":\"四级中心页面测试\",\"categoryCode\":\"CM0101\","
                + "\"channel\":\"hotline\",\"gridCode\":\"" + grid + "\"}").text("id");
    }

    private static void check(String name) {
        FINDINGS.addAll(browser.axe(name));
        browser.screenshots(name);
    }
}
