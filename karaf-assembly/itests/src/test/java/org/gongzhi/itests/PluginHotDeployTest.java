package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.junit.Test;

/**
 * Uninstalls, reinstalls and updates a plugin feature in the running platform while other
 * districts are under load: none of their requests fails, the plugin's records and the cases it
 * triaged survive, and the plugin serves again after its install (the time it takes is printed: it is
 * a figure to report, not a timed assertion).
 */
public class PluginHotDeployTest extends PlatformTestSupport {

    private static final String FEATURE = "gongzhi-plugin-three-colour-grid";
    private static final String ROSTER = "/api/v1/tenants/jizhou/plugins/three-colour-grid/grids/360802001001001/roster";
    private static final EnumSet<FeaturesService.Option> QUIET = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private FeaturesService features;

    @Test
    public void cityAdministratorsEnableAndDisableAModelPerDistrict() throws Exception {
        String roster = "/api/v1/tenants/jiangbei/plugins/three-colour-grid/grids/500105001001001/roster";
        assertEquals(404, api.get(roster).status());
        Api.Reply enabled = api.put("/api/v1/tenants/jiangbei/plugins/three-colour-grid", "");
        assertEquals(enabled.body().toString(), 200, enabled.status());
        assertTrue(enabled.body().get("deployed").asBoolean());
        assertEquals(201, api.put(roster + "/j-1", "{\"name\":\"赵律师\",\"role\":\"LEGAL\"}").status());
        String caseId = api.post("/api/v1/tenants/jiangbei/cases",
                "{\"title\":\"土地纠纷\",\"categoryCode\":\"CG0103\",\"channel\":\"hotline\"}").text("id");
        JsonAssert.hasTriage(api.post("/api/v1/tenants/jiangbei/cases/" + caseId + "/transitions",
                Map.of("action", "register")), "three-colour-grid");

        assertEquals(200, api.delete("/api/v1/tenants/jiangbei/plugins/three-colour-grid").status());
        assertEquals(404, api.get(roster).status());
        assertEquals(200, api.put("/api/v1/tenants/jiangbei/plugins/three-colour-grid", "").status());
        assertTrue("records kept while disabled", api.get(roster).body().toString().contains("赵律师"));
        assertEquals(200, api.delete("/api/v1/tenants/jiangbei/plugins/three-colour-grid").status());
        assertEquals(404, api.put("/api/v1/tenants/atlantis/plugins/three-colour-grid", "").status());
        assertEquals(400, api.put("/api/v1/tenants/jiangbei/plugins/Bad_Model", "").status());
    }

    @Test
    public void pluginComesAndGoesWithoutDisturbingOtherDistricts() throws Exception {
        assertEquals(200, api.get(ROSTER).status());
        Api.Reply member = api.put(ROSTER + "/m-1", "{\"name\":\"王芳\",\"role\":\"VOLUNTEER\",\"phone\":\"13900000001\"}");
        assertTrue(member.body().toString(), member.status() < 300);
        String caseId = api.post("/api/v1/tenants/jizhou/cases",
                "{\"title\":\"土地纠纷\",\"categoryCode\":\"CG0103\",\"channel\":\"grid-worker\"}").text("id");
        Api.Reply registered = api.post("/api/v1/tenants/jizhou/cases/" + caseId + "/transitions", Map.of("action", "register"));
        assertEquals(registered.body().toString(), "three-colour-grid", registered.body().get("triage").get("model").asText());

        long[] installMillis = new long[3];
        try (OtherTenantsLoad load = new OtherTenantsLoad(api, List.of("donghu", "jiangbei"), 4)) {
            for (int round = 0; round < 3; round++) {
                features.uninstallFeature(FEATURE, QUIET);
                Awaitility.await("plugin gone").atMost(Duration.ofSeconds(30)).until(() -> api.get(ROSTER).status() == 404);
                assertEquals(200, api.get("/api/v1/tenants/jizhou/cases/" + caseId).status());

                long start = System.nanoTime();
                features.installFeature(FEATURE, QUIET);
                Awaitility.await("plugin serving").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> api.get(ROSTER).status() == 200);
                installMillis[round] = (System.nanoTime() - start) / 1_000_000;
            }
            load.close();
            System.out.printf("plugin install to serving: %d, %d, %d ms; other districts: %d requests, failures %s%n",
                    installMillis[0], installMillis[1], installMillis[2], load.requests(), load.failures());
            assertTrue("requests were made", load.requests() > 50);
            assertEquals(Map.of(), load.failures());
        }
        Api.Reply roster = api.get(ROSTER);
        assertTrue(roster.body().toString(), roster.body().toString().contains("王芳"));
        JsonAssert.hasTriage(api.get("/api/v1/tenants/jizhou/cases/" + caseId), "three-colour-grid");
    }
}
