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
 * The plugins' console pages through HTTP, as the web console uses them: the pages a district's
 * caller sees ({@code GET …/console/pages}), the modules at {@code /console/plugins/<model>/<id>.js}
 * and the platform's page kit they import, and both following the plugin's feature as it is
 * uninstalled and installed again.
 */
public class PluginConsolePagesTest extends PlatformTestSupport {

    private static final String FEATURE = "gongzhi-plugin-three-colour-grid";
    private static final String JIZHOU = "/api/v1/tenants/jizhou/console/pages";
    private static final String DONGHU = "/api/v1/tenants/donghu/console/pages";
    private static final String WHISTLES = "/console/plugins/three-colour-grid/whistles.js";
    private static final String KIT = "/console/plugins/kit/1/ui.js";
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
        assertEquals(3, keys(api.as("jz-dispatcher").get(JIZHOU)).size());
        try {
            features.uninstallFeature(FEATURE, QUIET);
            Awaitility.await("pages gone").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> keys(api.as("jz-dispatcher").get(JIZHOU)).isEmpty());
            assertEquals(404, module(WHISTLES).statusCode());
            assertEquals("the kit is the platform's, not the plugin's", 200, module(KIT).statusCode());
            assertEquals("other districts keep theirs", 3, keys(api.as("dh-dispatcher").get(DONGHU)).size());
        } finally {
            features.installFeature(FEATURE, QUIET);
        }
        Awaitility.await("pages back").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> keys(api.as("jz-dispatcher").get(JIZHOU)).size() == 3);
        assertEquals(200, module(WHISTLES).statusCode());

        assertEquals(200, api.delete("/api/v1/tenants/jizhou/plugins/three-colour-grid").status());
        try {
            assertEquals("a district that disables the model sees none of its pages", List.of(),
                    keys(api.as("jz-dispatcher").get(JIZHOU)));
            assertEquals("the module stays public code", 200, module(WHISTLES).statusCode());
        } finally {
            assertEquals(200, api.put("/api/v1/tenants/jizhou/plugins/three-colour-grid", "").status());
        }
        assertEquals(3, keys(api.as("jz-dispatcher").get(JIZHOU)).size());
    }
}
