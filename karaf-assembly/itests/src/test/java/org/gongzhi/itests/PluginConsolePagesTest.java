package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugins' console pages and big-screen panels through HTTP, as the web console and the screen
 * use them: the pages a district's caller sees ({@code GET …/console/pages}), the panels of a
 * district's screen ({@code GET …/screen/panels}) and their figures, the modules at
 * {@code /console/plugins/<model>/<id>.js} and the platform's kits they import; a wall screen's
 * {@code screen-viewer} reads its panels' figures and none of a plugin's own endpoints; all of it
 * follows the plugin's feature as it is uninstalled and installed again.
 */
public class PluginConsolePagesTest extends PlatformTestSupport {

    private static final String FEATURE = "gongzhi-plugin-three-colour-grid";
    private static final String JIZHOU = "/api/v1/tenants/jizhou/console/pages";
    private static final String DONGHU = "/api/v1/tenants/donghu/console/pages";
    private static final String WHISTLES = "/console/plugins/three-colour-grid/whistles.js";
    private static final String KIT = "/console/plugins/kit/1/ui.js";
    private static final String SCREEN_KIT = "/console/plugins/kit/1/screen.js";
    private static final String JIZHOU_PANELS = "/api/v1/tenants/jizhou/screen/panels";
    private static final String COLOURS = "/console/plugins/three-colour-grid/colours.js";
    private static final String COLOURS_FIGURES = JIZHOU_PANELS + "/three-colour-grid/colours";
    /** A wall screen of Jizhou: a user with the realm role screen-viewer only. */
    private static final String SCREEN = "jz-screen";
    /** The specifier of a static {@code import … from '…'} or dynamic {@code import('…')}. */
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\b[^'\"`;]*?['\"`]([^'\"`]+)['\"`]");
    private static final EnumSet<FeaturesService.Option> QUIET = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private FeaturesService features;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** "model/id" of each page in the answer, in its order. */
    private static List<String> keys(Api.Reply reply) {
        assertEquals(reply.body().toString(), 200, reply.status());
        List<String> keys = new ArrayList<>();
        reply.body().forEach(p -> keys.add(p.get("model").asText() + "/" + p.get("id").asText()));
        return keys;
    }

    /** An anonymous GET of a console module. */
    private HttpResponse<String> module(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + Integer.getInteger("gongzhi.test.http.port") + path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertJavaScript(String what, HttpResponse<String> response) {
        assertEquals(what, 200, response.statusCode());
        assertEquals(what, "text/javascript;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertEquals(what, "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    public void aDistrictSeesThePagesOfItsModelsForItsRoles() throws Exception {
        Api.Reply jizhou = api.as("jz-dispatcher").get(JIZHOU);
        assertEquals(List.of("three-colour-grid/roster", "three-colour-grid/whistles", "three-colour-grid/consultations"),
                keys(jizhou));
        JsonNode whistles = jizhou.body().get(1);
        assertEquals("网格吹哨", whistles.get("labels").get("zh-CN").asText());
        assertEquals("Grid whistles", whistles.get("labels").get("en").asText());
        assertEquals(WHISTLES, whistles.get("moduleUrl").asText());
        assertEquals(6, whistles.get("roles").size());

        assertEquals(List.of("old-man-studios/studios", "old-man-studios/disputes", "old-man-studios/sessions"),
                keys(api.as("dh-dispatcher").get(DONGHU)));
        assertEquals("sessions is for mediators and the centre", List.of("old-man-studios/studios", "old-man-studios/disputes"),
                keys(api.as("dh-grid1").get(DONGHU)));
        assertEquals(List.of("three-linked-community/needs"), keys(api.as("jb-grid1").get("/api/v1/tenants/jiangbei/console/pages")));

        assertEquals("another district's caller", 404, api.as("dh-dispatcher").get(JIZHOU).status());
        assertEquals("a resident does not use the console", 403, api.as("jz-resident1").get(JIZHOU).status());
        assertEquals("the city reads no plugin endpoint", List.of(), keys(api.as("city-admin").get(JIZHOU)));
        assertEquals(401, api.anonymous().get(JIZHOU).status());
        assertEquals(404, api.as("jz-dispatcher").get("/api/v1/tenants/atlantis/console/pages").status());
    }

    @Test
    public void modulesArePublicJavaScriptFromThePluginBundles() throws Exception {
        HttpResponse<String> whistles = module(WHISTLES);
        assertEquals(200, whistles.statusCode());
        assertEquals("text/javascript;charset=utf-8",
                whistles.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertEquals("nosniff", whistles.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(whistles.body().contains("export function mount(el, ctx)"));
        assertTrue(whistles.body().contains("'three-colour-grid/whistles'"));
        assertTrue(whistles.body().contains("网格吹哨"));

        assertEquals("the helpers are the platform's kit, not a copy in the plugin", 404,
                module("/console/plugins/three-colour-grid/ui.js").statusCode());
        assertEquals(200, module("/console/plugins/old-man-studios/disputes.js").statusCode());
        assertEquals(200, module("/console/plugins/three-linked-community/meeting.js").statusCode());

        assertEquals(404, module("/console/plugins/three-colour-grid/nothing.js").statusCode());
        assertEquals(404, module("/console/plugins/three-colour-grid/").statusCode());
        assertEquals(404, module("/console/plugins/three-colour-grid/console/whistles.js").statusCode());
        int encodedDots = module("/console/plugins/three-colour-grid/%2e%2e%2fui.js").statusCode();
        assertTrue("encoded ../ refused: " + encodedDots, encodedDots == 400 || encodedDots == 404);
        assertEquals(404, module("/console/plugins/three-colour-grid/ui.js.class").statusCode());
        assertEquals(404, module("/console/plugins/old-man-studios/whistles.js").statusCode());
    }

    @Test
    public void thePageKitIsCacheableJavaScriptThePagesImport() throws Exception {
        HttpResponse<String> kit = module(KIT);
        assertJavaScript(KIT, kit);
        assertTrue(kit.body().contains("export function page("));
        assertTrue(kit.body().contains("export async function call("));
        assertEquals("public, max-age=3600", kit.headers().firstValue("Cache-Control").orElse(""));
        String etag = kit.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = module(KIT, "If-None-Match", etag);
        assertEquals("a browser holding the kit", 304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, module(KIT, "If-None-Match", "\"stale\"").statusCode());

        HttpResponse<String> whistles = module(WHISTLES);
        assertEquals("modules themselves stay uncached", "no-store", whistles.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(whistles.body(), whistles.body().contains("from '" + KIT + "';"));

        assertEquals(404, module("/console/plugins/kit/2/ui.js").statusCode());
        assertEquals(404, module("/console/plugins/kit/1/nothing.js").statusCode());
        assertEquals(404, module("/console/plugins/kit/ui.js").statusCode());
        assertEquals(404, module("/console/plugins/kit/1/").statusCode());
    }

    /** Every page any district lists loads with its imports: each specifier, resolved like a browser, answers JavaScript. */
    @Test
    public void everyListedPageLoadsWithItsImports() throws Exception {
        List<String> modules = new ArrayList<>();
        for (String[] caller : new String[][] {{"jz-dispatcher", "jizhou"}, {"dh-dispatcher", "donghu"}, {"jb-admin", "jiangbei"}}) {
            Api.Reply pages = api.as(caller[0]).get("/api/v1/tenants/" + caller[1] + "/console/pages");
            assertEquals(pages.body().toString(), 200, pages.status());
            pages.body().forEach(p -> modules.add(p.get("moduleUrl").asText()));
        }
        assertEquals("three pages per district model: " + modules, 9, modules.size());
        int kitImports = 0;
        for (String url : modules) {
            HttpResponse<String> module = module(url);
            assertJavaScript(url, module);
            Matcher m = IMPORT.matcher(module.body());
            while (m.find()) {
                String imported = URI.create(url).resolve(m.group(1)).toString();
                assertJavaScript(url + " imports " + m.group(1), module(imported));
                kitImports += imported.equals(KIT) ? 1 : 0;
            }
        }
        assertEquals("every page builds on the kit", 9, kitImports);
    }

    /** Jizhou's wall-screen user exists (the test adds it where the demo people do not have it yet). */
    private void wallScreen() throws Exception {
        KeycloakAdmin.userWithRole("jizhou", SCREEN, "screen-viewer");
    }

    @Test
    public void aDistrictsScreenListsThePanelsOfItsModels() throws Exception {
        wallScreen();
        for (String caller : List.of(SCREEN, "jz-dispatcher", "jz-admin")) {
            Api.Reply panels = api.as(caller).get(JIZHOU_PANELS);
            assertEquals(caller, List.of("three-colour-grid/colours"), keys(panels));
            JsonNode colours = panels.body().get(0);
            assertEquals("一网三色", colours.get("labelZh").asText());
            assertEquals("One net, three colours", colours.get("labelEn").asText());
            assertEquals(COLOURS, colours.get("module").asText());
        }
        assertEquals(List.of("old-man-studios/mediation"), keys(api.as("dh-dispatcher").get("/api/v1/tenants/donghu/screen/panels")));
        assertEquals(List.of("three-linked-community/matching"),
                keys(api.as("jb-admin").get("/api/v1/tenants/jiangbei/screen/panels")));

        assertEquals("staff who do not run the screen", 403, api.as("jz-grid1").get(JIZHOU_PANELS).status());
        assertEquals(403, api.as("jz-cg").get(JIZHOU_PANELS).status());
        assertEquals(403, api.as("jz-resident1").get(JIZHOU_PANELS).status());
        assertEquals("another district's screen", 404, api.as("dh-dispatcher").get(JIZHOU_PANELS).status());
        assertEquals(403, api.as("city-admin").get(JIZHOU_PANELS).status());
        assertEquals(401, api.anonymous().get(JIZHOU_PANELS).status());
        assertEquals(404, api.as(SCREEN).get("/api/v1/tenants/atlantis/screen/panels").status());
    }

    @Test
    public void panelModulesAreJavaScriptOnTheKits() throws Exception {
        List<String> modules = new ArrayList<>();
        for (String[] caller : new String[][] {{"jz-dispatcher", "jizhou"}, {"dh-dispatcher", "donghu"}, {"jb-admin", "jiangbei"}}) {
            Api.Reply panels = api.as(caller[0]).get("/api/v1/tenants/" + caller[1] + "/screen/panels");
            assertEquals(panels.body().toString(), 200, panels.status());
            panels.body().forEach(p -> modules.add(p.get("module").asText()));
        }
        assertEquals(List.of(COLOURS, "/console/plugins/old-man-studios/mediation.js",
                "/console/plugins/three-linked-community/matching.js"), modules);
        for (String url : modules) {
            HttpResponse<String> module = module(url);
            assertJavaScript(url, module);
            assertTrue(url, module.body().contains("export function mount(el, ctx)"));
            assertTrue(url, module.body().contains("from '" + SCREEN_KIT + "';"));
            Matcher m = IMPORT.matcher(module.body());
            while (m.find()) {
                assertJavaScript(url + " imports " + m.group(1), module(URI.create(url).resolve(m.group(1)).toString()));
            }
        }
        assertTrue(module(COLOURS).body().contains("'three-colour-grid/colours'"));
        HttpResponse<String> kit = module(SCREEN_KIT);
        assertJavaScript(SCREEN_KIT, kit);
        assertTrue(kit.body().contains("export function panel("));
        assertTrue("the screen kit builds on the page kit", kit.body().contains("from './ui.js';"));
        assertEquals("public, max-age=3600", kit.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    public void aWallScreenReadsItsPanelsFiguresAndNoPluginEndpoint() throws Exception {
        wallScreen();
        String base = "/api/v1/tenants/jizhou/plugins/three-colour-grid";
        Api.Reply blown = api.as("jz-dispatcher").post(base + "/whistles",
                "{\"gridCode\":\"360802001001001\",\"summary\":\"大屏测试：井盖缺失\",\"departments\":[\"SF\"]}");
        assertEquals(blown.body().toString(), 201, blown.status());

        Api.Reply figures = api.as(SCREEN).get(COLOURS_FIGURES);
        assertEquals(figures.body().toString(), 200, figures.status());
        JsonNode f = figures.body();
        assertEquals("three-colour-grid", f.get("model").asText());
        assertEquals(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), f.get("period").asText());
        assertTrue(f.toString(), f.get("figures").get("whistles").asLong() >= 1);
        assertTrue(f.toString(), f.get("figures").has("answerRate"));
        assertEquals(List.of("green", "yellow", "red"),
                List.of(f.get("rows").get(0).get("key").asText(), f.get("rows").get(1).get("key").asText(),
                        f.get("rows").get(2).get("key").asText()));
        assertTrue("no whistle text on a screen: " + f, !f.toString().contains("井盖"));
        assertEquals("the centre reads them too", 200, api.as("jz-dispatcher").get(COLOURS_FIGURES).status());

        for (String section : List.of("/whistles", "/whistles/" + blown.body().get("id").asText(),
                "/grids/360802001001001/roster", "/consultations", "/assessment/grids?period=2026-Q4")) {
            assertEquals("screen-viewer reads no plugin endpoint: " + section, 403,
                    api.as(SCREEN).get(base + section).status());
        }
        assertEquals(403, api.as(SCREEN).post(base + "/whistles", "{\"gridCode\":\"360802001001001\",\"summary\":\"x\"}").status());
        assertEquals("another district's plugin", 404,
                api.as(SCREEN).get("/api/v1/tenants/donghu/plugins/old-man-studios/disputes").status());
        assertEquals("nor the console's plugin pages", 403, api.as(SCREEN).get(JIZHOU).status());

        assertEquals("a panel of a model the district did not enable", 404,
                api.as(SCREEN).get(JIZHOU_PANELS + "/old-man-studios/mediation").status());
        assertEquals(404, api.as(SCREEN).get(JIZHOU_PANELS + "/three-colour-grid/whistles").status());
        assertEquals("another district's panel", 404,
                api.as(SCREEN).get("/api/v1/tenants/donghu/screen/panels/old-man-studios/mediation").status());
        assertEquals(403, api.as("jz-grid1").get(COLOURS_FIGURES).status());
    }

    @Test
    public void theConsultationsPageReadsTheDistrictsConsultations() throws Exception {
        String base = "/api/v1/tenants/jizhou/plugins/three-colour-grid";
        String caseId = "6f1e8a3c-0d4b-4e59-8c7a-2b9d1f0e4a12";
        Api.Reply recorded = api.post(base + "/cases/" + caseId + "/consultations", "{\"gridCode\":\"360802001001001\","
                + "\"date\":\"2026-11-20\",\"leadDepartment\":\"ZR\",\"coDepartments\":[\"SF\"],"
                + "\"participants\":[\"自然资源局\"],\"conclusion\":\"按确权证划界\"}");
        assertEquals(recorded.body().toString(), 201, recorded.status());
        JsonNode page = api.as("jz-cg").get(base + "/consultations?grid=360802001001001").body();
        assertTrue(page.toString(), page.get("total").asLong() >= 1);
        assertTrue(page.toString(), page.toString().contains(caseId));
        assertEquals(400, api.get(base + "/consultations?limit=0").status());
        assertEquals(404, api.as("dh-dispatcher").get(base.replace("jizhou", "donghu") + "/consultations").status());
    }

    @Test
    public void pagesAndModulesFollowThePluginsFeature() throws Exception {
        wallScreen();
        assertEquals(3, keys(api.as("jz-dispatcher").get(JIZHOU)).size());
        assertEquals(1, keys(api.as(SCREEN).get(JIZHOU_PANELS)).size());
        try {
            features.uninstallFeature(FEATURE, QUIET);
            Awaitility.await("pages gone").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> keys(api.as("jz-dispatcher").get(JIZHOU)).isEmpty());
            assertEquals(404, module(WHISTLES).statusCode());
            assertEquals("the panel goes with its plugin", List.of(), keys(api.as(SCREEN).get(JIZHOU_PANELS)));
            assertEquals(404, module(COLOURS).statusCode());
            assertEquals(404, api.as(SCREEN).get(COLOURS_FIGURES).status());
            assertEquals(200, module(SCREEN_KIT).statusCode());
            assertEquals("other districts keep theirs", 1,
                    keys(api.as("dh-dispatcher").get("/api/v1/tenants/donghu/screen/panels")).size());
            assertEquals("the kit is the platform's, not the plugin's", 200, module(KIT).statusCode());
            assertEquals("other districts keep theirs", 3, keys(api.as("dh-dispatcher").get(DONGHU)).size());
        } finally {
            features.installFeature(FEATURE, QUIET);
        }
        Awaitility.await("pages back").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> keys(api.as("jz-dispatcher").get(JIZHOU)).size() == 3);
        assertEquals(200, module(WHISTLES).statusCode());
        Awaitility.await("panel back").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> keys(api.as(SCREEN).get(JIZHOU_PANELS)).size() == 1);
        assertEquals(200, module(COLOURS).statusCode());
        assertEquals("a reinstalled plugin's panel gives its figures", 200, api.as(SCREEN).get(COLOURS_FIGURES).status());

        assertEquals(200, api.delete("/api/v1/tenants/jizhou/plugins/three-colour-grid").status());
        try {
            assertEquals("a district that disables the model sees none of its pages", List.of(),
                    keys(api.as("jz-dispatcher").get(JIZHOU)));
            assertEquals("nor its panels", List.of(), keys(api.as(SCREEN).get(JIZHOU_PANELS)));
            assertEquals(404, api.as(SCREEN).get(COLOURS_FIGURES).status());
            assertEquals("the module stays public code", 200, module(WHISTLES).statusCode());
        } finally {
            assertEquals(200, api.put("/api/v1/tenants/jizhou/plugins/three-colour-grid", "").status());
        }
        assertEquals(3, keys(api.as("jz-dispatcher").get(JIZHOU)).size());
    }
}
