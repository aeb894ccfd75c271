package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Authentication and authorisation against the real Keycloak the test started, with the realms
 * the platform provisioned for the demo districts: which tokens are accepted, and what each role
 * may see and do. Tokens come from Keycloak's token endpoint exactly as a client would get them.
 */
public class IdentityTest extends SharedPlatformTest {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String DONGHU = "/api/v1/tenants/donghu";
    private static final String GRID1 = "360802001001001";
    private static final String GRID2 = "360802001001002";

    private String report(Api as, String channel, String grid, String title) throws Exception {
        Api.Reply r = as.post(JIZHOU + "/cases", Map.of("title", title, "categoryCode", "CM0101",
                "channel", channel, "gridCode", grid));
        assertEquals(r.body().toString(), 201, r.status());
        return r.text("id");
    }

    private void step(String caseId, Map<String, Object> body) throws Exception {
        Api.Reply r = api.post(JIZHOU + "/cases/" + caseId + "/transitions", body);
        assertEquals(r.body().toString(), 200, r.status());
    }

    private String dispatched(String department, String title) throws Exception {
        String id = report(api, "hotline", GRID1, title);
        step(id, Map.of("action", "register"));
        step(id, Map.of("action", "dispatch", "leadDepartment", department));
        return id;
    }

    private static void assertProblem(Api.Reply r, int status, String type) {
        assertEquals(r.body().toString(), status, r.status());
        assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
        assertTrue(r.body().toString(), r.text("type").endsWith("/" + type));
    }

    @Test
    public void onlyHealthTheApiDocumentAndTheSignInFactsArePublic() throws Exception {
        Api nobody = api.anonymous();
        assertEquals(200, nobody.get("/api/v1/health").status());
        assertEquals(200, nobody.get("/api/v1/openapi.yaml").status());
        assertEquals(200, nobody.get("/api/v1/sign-in").status());
        for (String path : List.of("/api/v1/tenants", JIZHOU, JIZHOU + "/cases", JIZHOU + "/kpis", "/api/v1/plugins",
                "/api/v1/city/kpis", "/api/v1/city/districts")) {
            assertProblem(nobody.get(path), 401, "unauthorized");
        }
        assertProblem(api.withToken("not-a-token").get(JIZHOU), 401, "unauthorized");
    }

    @Test
    public void theSignInFactsArePublicAndNameOnlyActiveDistricts() throws Exception {
        Api.Reply r = api.anonymous().get("/api/v1/sign-in");
        assertEquals(r.body().toString(), 200, r.status());
        assertEquals(Tokens.keycloakUrl(), r.text("keycloakUrl"));
        assertEquals("gongzhi-web", r.text("clientId"));
        assertEquals("gongzhi-city", r.text("cityRealm"));
        List<String> ids = new ArrayList<>();
        r.body().get("districts").forEach(d -> ids.add(d.get("id").asText()));
        assertTrue(ids.toString(), ids.containsAll(List.of("jizhou", "donghu", "jiangbei")));
        assertFalse(r.body().toString(), r.body().toString().contains("secret"));
    }

    @Test
    public void theGridMapIsTheDistrictsOwnGeoJson() throws Exception {
        Api.Reply map = api.as("jz-grid1").get(JIZHOU + "/grids/map?level=street");
        assertEquals(map.body().toString(), 200, map.status());
        assertEquals("FeatureCollection", map.text("type"));
        JsonNode first = map.body().get("features").get(0);
        assertEquals("street", first.get("properties").get("level").asText());
        assertTrue(first.get("id").asText(), first.get("id").asText().startsWith("360802"));
        assertEquals("Polygon", first.get("geometry").get("type").asText());
        assertProblem(api.as("dh-dispatcher").get(JIZHOU + "/grids/map"), 404, "not-found");
        Api.Reply bad = api.as("jz-grid1").get(JIZHOU + "/grids/map?level=planet");
        assertProblem(bad, 400, "validation");
        assertEquals("level", bad.text("field"));
    }

    @Test
    public void theConsoleIsServedWithARootRedirectAndItsOwnRoutes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + httpPort();
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(
                URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, root.statusCode());
        assertEquals("/console/", root.headers().firstValue("Location").orElse(""));
        for (String route : List.of("/console/", "/console/jizhou/cases", "/console/city/districts")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create(base + route)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(route, 200, page.statusCode());
            assertTrue(page.body(), page.body().contains("<div id=\"app\">"));
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy, policy.contains("script-src 'self';") && policy.contains(Tokens.keycloakUrl()));
            Matcher script = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"")
                    .matcher(page.body());
            assertTrue(page.body(), script.find());
            HttpResponse<byte[]> asset = http.send(HttpRequest.newBuilder(
                    URI.create(base + script.group(1))).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, asset.statusCode());
            assertEquals("gzip", asset.headers().firstValue("Content-Encoding").orElse(""));
            assertTrue(asset.headers().firstValue("Cache-Control").orElse(""),
                    asset.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        }
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                URI.create(base + "/console/assets/none.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    public void unsignedStrangerSignedAndTamperedTokensAreRefused() throws Exception {
        String genuine = Tokens.of("jz-resident1");
        assertEquals(200, api.withToken(genuine).get(JIZHOU).status());

        assertProblem(api.withToken(KeycloakAdmin.unsigned(genuine)).get(JIZHOU), 401, "unauthorized");
        assertProblem(api.withToken(KeycloakAdmin.signedByStranger(genuine)).get(JIZHOU), 401, "unauthorized");
        String promoted = KeycloakAdmin.withExtraRole(genuine, "dispatcher");
        assertProblem(api.withToken(promoted).get(JIZHOU + "/kpis"), 401, "unauthorized");
    }

    @Test
    public void aTokenForAnotherAudienceIsRefused() throws Exception {
        KeycloakAdmin.publicClient("jizhou", "test-no-audience", 0, "basic", "profile", "roles");
        Api.Reply grant = Tokens.grant("jizhou", Map.of("grant_type", "password", "client_id", "test-no-audience",
                "username", "jz-dispatcher", "password", Tokens.DEMO_PASSWORD));
        assertEquals(grant.body().toString(), 200, grant.status());
        String token = grant.text("access_token");
        assertFalse("precondition: no gongzhi-api audience",
                KeycloakAdmin.claims(token).path("aud").toString().contains("gongzhi-api"));

        assertProblem(api.withToken(token).get(JIZHOU), 401, "unauthorized");
    }

    @Test
    public void anExpiredTokenIsRefused() throws Exception {
        KeycloakAdmin.publicClient("jizhou", "test-short-lived", 1, "basic", "profile", "roles", "gongzhi-api");
        Api.Reply grant = Tokens.grant("jizhou", Map.of("grant_type", "password", "client_id", "test-short-lived",
                "username", "jz-dispatcher", "password", Tokens.DEMO_PASSWORD));
        String token = grant.text("access_token");
        long exp = KeycloakAdmin.claims(token).get("exp").asLong();
        assertEquals("accepted while valid", 200, api.withToken(token).get(JIZHOU).status());

        // the validator allows 30 s of clock skew: refused some 31 s after exp
        Awaitility.await("expired token refused").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.withToken(token).get(JIZHOU).status() == 401);
        assertTrue("refused only after it expired", System.currentTimeMillis() > exp * 1000);
        assertProblem(api.withToken(token).get(JIZHOU), 401, "unauthorized");
    }

    @Test
    public void aDistrictsTokenFindsNothingInAnotherDistrictForEveryResourceFamily() throws Exception {
        String donghuCase = api.post(DONGHU + "/cases", Map.of("title", "邻里纠纷", "categoryCode", "CG0101",
                "channel", "hotline", "gridCode", "360102001001001")).text("id");
        Api jizhou = api.as("jz-admin");
        List<String> reads = List.of("", "/grids", "/grids/locate?longitude=115.9&latitude=28.68", "/departments",
                "/categories", "/cases", "/cases/" + donghuCase, "/cases/" + donghuCase + "/journal", "/kpis",
                "/kpis/breakdown?dimension=grid", "/reports", "/plugins", "/plugins/old-man-studios/studios");
        for (String path : reads) {
            Api.Reply foreign = jizhou.get(DONGHU + path);
            Api.Reply missing = jizhou.get("/api/v1/tenants/nosuch" + path.replace(donghuCase, "00000000-0000-0000-0000-000000000000"));
            assertEquals(path + " " + foreign.body(), 404, foreign.status());
            assertEquals(path, missing.status(), foreign.status());
            assertEquals(path, missing.text("type"), foreign.text("type"));
            assertEquals(path, missing.text("title"), foreign.text("title"));
        }
        assertEquals(404, jizhou.post(DONGHU + "/cases/" + donghuCase + "/transitions", Map.of("action", "register")).status());
        assertEquals(404, jizhou.post(DONGHU + "/cases", Map.of("title", "x", "categoryCode", "CM0101",
                "channel", "hotline")).status());
        assertEquals(404, jizhou.put(DONGHU + "/plugins/three-colour-grid", "").status());
        assertEquals(404, jizhou.post(DONGHU + "/reports", Map.of("kind", "monthly", "period", "2026-10")).status());
        assertEquals("reported", api.get(DONGHU + "/cases/" + donghuCase).text("status"));
        List<String> tenants = api.as("jz-admin").get("/api/v1/tenants").body().findValuesAsText("id");
        assertEquals(List.of("jizhou"), tenants);
    }

    @Test
    public void residentsReportThroughTheirChannelsAndSeeAndRateOnlyTheirOwnCases() throws Exception {
        Api resident = api.as("jz-resident1");
        String mine = report(resident, "resident-app", GRID1, "楼道堆放杂物");
        assertProblem(resident.post(JIZHOU + "/cases", Map.of("title", "x", "categoryCode", "CM0101",
                "channel", "grid-worker", "gridCode", GRID1)), 403, "forbidden");
        report(api, "hotline", GRID1, "别人的案件");

        JsonNode list = resident.get(JIZHOU + "/cases?limit=200").body();
        assertTrue(list.toString(), list.get("total").asLong() >= 1);
        list.get("items").forEach(c -> assertEquals(mine, c.get("id").asText()));
        assertEquals(200, resident.get(JIZHOU + "/cases/" + mine).status());
        assertEquals(404, api.as("jz-resident2").get(JIZHOU + "/cases/" + mine).status());
        assertProblem(resident.post(JIZHOU + "/cases/" + mine + "/transitions", Map.of("action", "register")),
                403, "forbidden");
        assertProblem(resident.get(JIZHOU + "/kpis"), 403, "forbidden");

        for (Map<String, Object> s : List.<Map<String, Object>>of(Map.of("action", "register"),
                Map.of("action", "dispatch", "leadDepartment", "CG"), Map.of("action", "accept"),
                Map.of("action", "feedback", "note", "已清理"), Map.of("action", "verify-pass"), Map.of("action", "close"))) {
            step(mine, s);
        }
        assertEquals(404, api.as("jz-resident2").post(JIZHOU + "/cases/" + mine + "/transitions",
                Map.of("action", "evaluate", "satisfaction", 1)).status());
        Api.Reply rated = resident.post(JIZHOU + "/cases/" + mine + "/transitions", Map.of("action", "evaluate", "satisfaction", 4));
        assertEquals(rated.body().toString(), 200, rated.status());
        assertEquals(4, rated.body().get("satisfaction").asInt());
    }

    @Test
    public void gridWorkersReportAndHandleOnlyInTheirGrids() throws Exception {
        Api grid1 = api.as("jz-grid1");
        String inMine = report(grid1, "grid-worker", GRID1, "井盖缺失");
        assertProblem(grid1.post(JIZHOU + "/cases", Map.of("title", "x", "categoryCode", "CM0101",
                "channel", "grid-worker", "gridCode", GRID2)), 403, "forbidden");
        String inOther = report(api, "hotline", GRID2, "别的网格");

        assertEquals(404, grid1.get(JIZHOU + "/cases/" + inOther).status());
        assertEquals(200, api.as("jz-grid2").get(JIZHOU + "/cases/" + inOther).status());
        grid1.get(JIZHOU + "/cases?limit=200").body().get("items")
                .forEach(c -> assertTrue(c.toString(), c.get("gridCode").asText().startsWith(GRID1)));

        step(inMine, Map.of("action", "register"));
        step(inMine, Map.of("action", "dispatch", "leadDepartment", "CG"));
        assertEquals(200, grid1.post(JIZHOU + "/cases/" + inMine + "/transitions", Map.of("action", "accept")).status());
        assertProblem(grid1.post(JIZHOU + "/cases/" + inMine + "/transitions", Map.of("action", "close")), 403, "forbidden");
    }

    @Test
    public void departmentPeopleAndSystemsSeeAndUpdateOnlyTheirDepartmentsCases() throws Exception {
        String forCg = dispatched("CG", "占道经营");
        String forHw = dispatched("HW", "垃圾清运不及时");

        Api handler = api.as("jz-cg");
        assertEquals(200, handler.get(JIZHOU + "/cases/" + forCg).status());
        assertEquals(404, handler.get(JIZHOU + "/cases/" + forHw).status());
        handler.get(JIZHOU + "/cases?limit=200").body().get("items").forEach(c -> assertTrue(c.toString(),
                "CG".equals(c.path("leadDepartment").asText()) || c.path("coDepartments").toString().contains("CG")));
        assertEquals(200, handler.post(JIZHOU + "/cases/" + forCg + "/transitions", Map.of("action", "accept")).status());
        assertProblem(handler.post(JIZHOU + "/cases/" + forCg + "/transitions", Map.of("action", "close")), 403, "forbidden");

        Api cgSystem = api.withToken(Tokens.ofDepartment("jizhou", "dept-cg", "demo-jizhou-cg-secret"));
        assertEquals("CG", KeycloakAdmin.claims(Tokens.ofDepartment("jizhou", "dept-cg", "demo-jizhou-cg-secret"))
                .get("department").asText());
        assertEquals(200, cgSystem.get(JIZHOU + "/cases/" + forCg).status());
        assertEquals(404, cgSystem.get(JIZHOU + "/cases/" + forHw).status());
        Api.Reply feedback = cgSystem.post(JIZHOU + "/cases/" + forCg + "/transitions",
                Map.of("action", "feedback", "note", "已劝离", "attachments", List.of("https://img.example/cg.jpg")));
        assertEquals(feedback.body().toString(), 200, feedback.status());
        JsonNode journal = api.get(JIZHOU + "/cases/" + forCg + "/journal").body();
        assertEquals("service-account-dept-cg", journal.get(journal.size() - 1).get("actor").asText());

        Api hwSystem = api.withToken(Tokens.ofDepartment("jizhou", "dept-hw", "demo-jizhou-hw-secret"));
        assertEquals(200, hwSystem.get(JIZHOU + "/cases/" + forHw).status());
        assertEquals(404, hwSystem.post(JIZHOU + "/cases/" + forCg + "/transitions", Map.of("action", "accept")).status());
        assertEquals(404, cgSystem.get(DONGHU + "/cases").status());
        assertEquals(401, Tokens.grant("jizhou", Map.of("grant_type", "client_credentials", "client_id", "dept-cg",
                "client_secret", "wrong")).status());
    }

    @Test
    public void mediatorsAndSocialWorkersReadTheDistrictButTakeNoLoopStep() throws Exception {
        String id = report(api, "hotline", GRID1, "邻里噪音");
        for (String user : List.of("jz-mediator", "jz-social")) {
            Api worker = api.as(user);
            assertEquals(200, worker.get(JIZHOU + "/cases/" + id).status());
            assertProblem(worker.post(JIZHOU + "/cases/" + id + "/transitions", Map.of("action", "register")), 403, "forbidden");
            assertProblem(worker.get(JIZHOU + "/kpis"), 403, "forbidden");
        }
    }

    @Test
    public void theCityAdministratorSeesFiguresSideBySideButNoCases() throws Exception {
        Api city = api.as("city-admin");
        JsonNode rollUp = city.get("/api/v1/city/kpis").body();
        assertTrue(rollUp.toString(), rollUp.toString().contains("jizhou") && rollUp.toString().contains("donghu"));
        assertEquals(200, city.get(JIZHOU + "/kpis").status());
        assertEquals(200, city.get(JIZHOU + "/grids").status());
        assertProblem(city.get(JIZHOU + "/cases"), 403, "forbidden");
        assertProblem(city.post(JIZHOU + "/cases", Map.of("title", "x", "categoryCode", "CM0101", "channel", "hotline")),
                403, "forbidden");
        assertEquals(3, city.get("/api/v1/tenants").body().size());

        for (String user : List.of("jz-admin", "jz-dispatcher", "jz-resident1")) {
            assertProblem(api.as(user).get("/api/v1/city/kpis"), 403, "forbidden");
            assertProblem(api.as(user).get("/api/v1/city/districts"), 403, "forbidden");
        }
        assertEquals(200, api.as("jz-dispatcher").get(JIZHOU + "/kpis").status());
        assertProblem(api.as("jz-dispatcher").put(JIZHOU + "/plugins/old-man-studios", ""), 403, "forbidden");
    }
}
