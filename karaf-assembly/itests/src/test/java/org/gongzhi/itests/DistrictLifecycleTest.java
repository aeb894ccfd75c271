package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * The city administrator brings a district onto the platform and off it again, through the REST
 * API, against the real Keycloak: the new district's realm, roles, clients and people exist at
 * once; suspension refuses every call; deletion removes data and realm.
 */
public class DistrictLifecycleTest extends SharedPlatformTest {

    private static final String DISTRICTS = "/api/v1/city/districts";

    private static Map<String, Object> definition(String id) throws Exception {
        return PostedDistricts.definition(karafHome().resolve("tenants").resolve("jizhou"), id);
    }

    private static String userToken(String realm, String username) throws Exception {
        return PostedDistricts.userToken(realm, username);
    }

    @Test
    public void aDistrictIsCreatedProvisionedDeletedAndCreatedAgainFromItsFiles() throws Exception {
        String id = "qy" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        long start = System.nanoTime();
        Api.Reply created = api.post(DISTRICTS, definition(id));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(created.body().toString(), 201, created.status());
        System.out.println("MEASURE create district " + id + " with its realm (10 people, "
                + created.body().get("departments").asInt() + " department clients): " + tookMs + " ms");
        assertEquals("PROVISIONED", created.body().get("identity").get("state").asText());
        assertEquals("active", created.text("status"));
        assertEquals(10, created.body().get("people").asInt());

        Api admin = api.withToken(userToken(id, id + "-admin"));
        assertEquals(200, admin.get("/api/v1/tenants/" + id).status());
        assertEquals(404, admin.get("/api/v1/tenants/jizhou").status());
        Api.Reply kase = admin.post("/api/v1/tenants/" + id + "/cases", Map.of("title", "新区第一件", "categoryCode",
                "CM0101", "channel", "hotline", "gridCode", "360802001001001"));
        assertEquals(kase.body().toString(), 201, kase.status());

        Api.Reply again = api.post(DISTRICTS + "/" + id + "/identity", "");
        assertEquals(again.body().toString(), 200, again.status());
        assertEquals("a re-run finds everything in place", 0, again.body().get("created").size());
        assertEquals(409, api.post(DISTRICTS, definition(id)).status());

        Api.Reply refused = api.delete(DISTRICTS + "/" + id);
        assertEquals(refused.body().toString(), 409, refused.status());
        assertEquals(1, api.get(DISTRICTS + "/" + id).body().get("cases").asInt());
        assertEquals(204, api.delete(DISTRICTS + "/" + id + "?force=true").status());
        Api.Reply gone = api.get(DISTRICTS + "/" + id);
        assertEquals(gone.body() + "\n" + String.join("\n", java.nio.file.Files.readAllLines(
                karafData().resolve("log").resolve("karaf.log")).stream()
                .filter(l -> l.contains("ERROR") || l.contains("Exception") || l.startsWith("Caused")).toList()), 404, gone.status());
        assertEquals("the realm is gone", 401, admin.get("/api/v1/tenants/" + id).status());
        assertTrue(Tokens.grant(id, Map.of("grant_type", "password", "client_id", "gongzhi-web", "username",
                id + "-admin", "password", Tokens.DEMO_PASSWORD)).status() >= 400);

        Api.Reply available = api.get(DISTRICTS + "/definitions");
        assertTrue(available.status() + " " + available.body(), available.body().toString().contains(id));
        Api.Reply back = api.post(DISTRICTS, Map.of("definition", id));
        assertEquals(back.body().toString(), 201, back.status());
        assertEquals(0, back.body().get("cases").asInt());
        assertEquals(200, api.withToken(userToken(id, id + "-dispatcher")).get("/api/v1/tenants/" + id).status());
        assertEquals(204, api.delete(DISTRICTS + "/" + id).status());
    }

    @Test
    public void badDefinitionsAreRefusedNamingTheField() throws Exception {
        Map<String, Object> body = definition("qybad");
        body.put("tenant", Map.of("name", "青原区", "city", "吉安市", "adminCode", "36080"));
        Api.Reply bad = api.post(DISTRICTS, body);
        assertEquals(bad.body().toString(), 400, bad.status());
        assertTrue(bad.body().toString(), bad.text("field").startsWith("tenant.yaml"));
        assertEquals(404, api.get(DISTRICTS + "/qybad").status());

        assertEquals(404, api.post(DISTRICTS, Map.of("definition", "nosuch")).status());
        assertEquals(409, api.post(DISTRICTS, Map.of("definition", "jizhou")).status());
        Api.Reply noId = api.post(DISTRICTS, Map.of("tenant", Map.of()));
        assertEquals(400, noId.status());
        assertEquals("id", noId.text("field"));
        assertEquals(403, api.as("jz-admin").post(DISTRICTS, Map.of("definition", "jizhou")).status());
    }

    @Test
    public void aSuspendedDistrictIsRefusedEverywhereUntilResumed() throws Exception {
        Api jiangbei = api.as("jb-admin");
        assertEquals(200, jiangbei.get("/api/v1/tenants/jiangbei").status());

        Api.Reply suspended = api.post(DISTRICTS + "/jiangbei/suspend", Map.of("reason", "数据迁移"));
        assertEquals(suspended.body().toString(), 200, suspended.status());
        assertEquals("suspended", suspended.text("status"));
        try {
            for (String path : List.of("/api/v1/tenants/jiangbei", "/api/v1/tenants/jiangbei/cases",
                    "/api/v1/plugins")) {
                Api.Reply r = jiangbei.get(path);
                assertEquals(path, 403, r.status());
                assertTrue(r.body().toString(), r.text("type").endsWith("/tenant-suspended"));
            }
            Api.Reply cityView = api.get("/api/v1/tenants/jiangbei/kpis");
            assertEquals(403, cityView.status());
            assertTrue(cityView.text("type").endsWith("/tenant-suspended"));
            assertEquals("suspended", api.get(DISTRICTS + "/jiangbei").text("status"));
            assertEquals("数据迁移", api.get(DISTRICTS + "/jiangbei").text("statusReason"));
            assertEquals(200, api.as("jz-admin").get("/api/v1/tenants/jizhou").status());
        } finally {
            assertEquals(200, api.post(DISTRICTS + "/jiangbei/resume", "").status());
        }
        assertEquals(200, api.as("jb-admin").get("/api/v1/tenants/jiangbei").status());
        assertEquals("active", api.get(DISTRICTS + "/jiangbei").text("status"));
    }
}
