package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A case through the whole closed loop over HTTP, one rework cycle included, on PostgreSQL. */
public class CaseLoopTest extends PlatformTestSupport {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String GRID = "360802001001001";

    @Test
    public void healthAndTenantsAreServed() throws Exception {
        Api.Reply health = api.get("/api/v1/health");
        assertEquals(200, health.status());
        assertEquals(3, health.body().get("tenants").asInt());
        Api.Reply tenants = api.get("/api/v1/tenants");
        List<String> ids = new ArrayList<>();
        tenants.body().forEach(t -> ids.add(t.get("id").asText()));
        assertTrue(ids.toString(), ids.containsAll(List.of("donghu", "jizhou", "jiangbei")));
        assertEquals("吉州区", api.get(JIZHOU).text("name"));
        assertEquals(200, api.get("/api/v1/openapi.yaml").status());
    }

    @Test
    public void caseRunsTheClosedLoopWithOneRework() throws Exception {
        Api.Reply created = report("loop-1");
        assertEquals(201, created.status());
        String id = created.text("id");
        String path = JIZHOU + "/cases/" + id;
        assertEquals("reported", created.text("status"));
        assertEquals(GRID, created.text("gridCode"));

        Api.Reply replay = report("loop-1");
        assertEquals("an idempotent replay answers 200", 200, replay.status());
        assertEquals(id, replay.text("id"));

        step(path, Map.of("action", "register"), "registered");
        step(path, Map.of("action", "dispatch", "leadDepartment", "CG", "coDepartments", List.of("HW")), "dispatched");
        step(path, Map.of("action", "accept"), "handling");
        step(path, Map.of("action", "feedback", "note", "已清理", "attachments", List.of("https://img.example/1.jpg")), "feedback");
        Api.Reply rework = step(path, Map.of("action", "verify-fail", "note", "现场仍有垃圾"), "handling");
        assertEquals(1, rework.body().get("reworkCount").asInt());
        step(path, Map.of("action", "feedback", "note", "已彻底清理"), "feedback");
        step(path, Map.of("action", "verify-pass"), "verified");
        Api.Reply closed = step(path, Map.of("action", "close"), "closed");
        assertEquals("on-time", closed.text("sla"));
        Api.Reply evaluated = step(path, Map.of("action", "evaluate", "satisfaction", 5), "evaluated");
        assertEquals(5, evaluated.body().get("satisfaction").asInt());

        JsonNode journal = api.get(path + "/journal").body();
        assertEquals(10, journal.size());
        assertEquals("report", journal.get(0).get("action").asText());
        assertEquals("verify-fail", journal.get(5).get("action").asText());
        assertEquals("handling", journal.get(5).get("to").asText());
        assertEquals("evaluated", journal.get(9).get("to").asText());

        JsonNode kpis = api.get(JIZHOU + "/kpis").body();
        assertTrue(kpis.toString(), kpis.get("closed").asLong() >= 1);
        assertTrue(kpis.toString(), kpis.get("reworked").asLong() >= 1);
    }

    @Test
    public void illegalTransitionIsRefusedAndChangesNothing() throws Exception {
        String path = JIZHOU + "/cases/" + report("illegal-1").text("id");
        Api.Reply refused = api.post(path + "/transitions", Map.of("action", "close"));
        assertEquals(409, refused.status());
        assertTrue(refused.contentType(), refused.contentType().startsWith("application/problem+json"));
        assertEquals("action", refused.text("field"));
        assertEquals("reported", api.get(path).text("status"));
        assertEquals(1, api.get(path + "/journal").body().size());
    }

    @Test
    public void staleVersionIsAConflict() throws Exception {
        String path = JIZHOU + "/cases/" + report("stale-1").text("id");
        step(path, Map.of("action", "register"), "registered");
        Api.Reply stale = api.post(path + "/transitions", "{\"action\":\"reject\",\"note\":\"重复\"}", Map.of("If-Match", "\"0\""));
        assertEquals(409, stale.status());
        assertEquals("version", stale.text("field"));
    }

    @Test
    public void districtsCannotSeeEachOthersCases() throws Exception {
        String id = report("isolation-1").text("id");
        assertEquals(200, api.get(JIZHOU + "/cases/" + id).status());
        assertEquals(404, api.get("/api/v1/tenants/donghu/cases/" + id).status());
        assertEquals(404, api.get("/api/v1/tenants/donghu/cases/" + id + "/journal").status());
        assertEquals(404, api.post("/api/v1/tenants/donghu/cases/" + id + "/transitions", Map.of("action", "register")).status());
        assertEquals("reported", api.get(JIZHOU + "/cases/" + id).text("status"));
        JsonNode donghu = api.get("/api/v1/tenants/donghu/cases?limit=200").body();
        donghu.get("items").forEach(c -> assertNotEquals(id, c.get("id").asText()));
        JsonNode jizhou = api.get(JIZHOU + "/cases?limit=200").body();
        assertTrue(jizhou.get("total").asLong() >= 1);
        jizhou.get("items").forEach(c -> assertEquals("jizhou", c.get("tenant").asText()));
    }

    @Test
    public void theInboxFiltersSortsAndCountsWithinWhatTheCallerSees() throws Exception {
        String marker = "收件箱" + System.nanoTime() % 100_000;
        String reported = inboxCase(marker + "甲", "CM0101", GRID);
        String simple = inboxCase(marker + "乙", "CM0101", GRID);
        step(JIZHOU + "/cases/" + simple, Map.of("action", "register", "tier", "simple"), "registered");
        String dispute = inboxCase(marker + "丙", "CG0103", "360802002001001");
        JsonNode registered = step(JIZHOU + "/cases/" + dispute, Map.of("action", "register"), "registered").body();
        step(JIZHOU + "/cases/" + dispute, Map.of("action", "dispatch", "leadDepartment", "SJ", "coDepartments",
                List.of("CG")), "dispatched");
        String q = "&q=" + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);

        // several statuses in one call, repeated or as a comma list; soonest due first
        assertEquals(List.of(simple, dispute), ids(api.get(JIZHOU + "/cases?status=registered&status=dispatched&sort=due" + q)));
        assertEquals(List.of(simple, dispute), ids(api.get(JIZHOU + "/cases?status=registered,DISPATCHED&sort=due" + q)));
        assertEquals(List.of(dispute, simple, reported), ids(api.get(JIZHOU + "/cases?sort=reported" + q)));
        assertEquals(List.of(dispute), ids(api.get(JIZHOU + "/cases?family=COMPREHENSIVE_GOVERNANCE" + q)));
        assertEquals(List.of(simple), ids(api.get(JIZHOU + "/cases?tier=simple&status=registered" + q)));
        assertEquals(List.of(simple), ids(api.get(JIZHOU + "/cases?dueWithin=3" + q)));
        if (registered.has("triage")) { // the three-colour grid triaged the dispute: filter by its colour
            String colour = registered.get("triage").get("attributes").get("colour").asText();
            assertEquals(List.of(dispute), ids(api.get(JIZHOU + "/cases?attribute=colour:" + colour + q)));
        }
        assertEquals(List.of(), ids(api.get(JIZHOU + "/cases?attribute=colour:purple" + q)));

        JsonNode summary = api.get(JIZHOU + "/cases/summary?dueWithin=3" + q).body();
        assertEquals(summary.toString(), 3, summary.get("open").asInt());
        assertEquals(1, summary.get("byStatus").get("reported").asInt());
        assertEquals(1, summary.get("byStatus").get("registered").asInt());
        assertEquals(1, summary.get("byStatus").get("dispatched").asInt());
        assertEquals(0, summary.get("byStatus").get("handling").asInt());
        assertEquals(1, summary.get("dueSoon").asInt());
        assertEquals(0, summary.get("overdue").asInt());

        // the same rules of visibility: the CG handler co-handles the dispute only; grid worker 1 sees its grid
        assertEquals(List.of(dispute), ids(api.as("jz-cg").get(JIZHOU + "/cases?status=dispatched" + q)));
        assertEquals(1, api.as("jz-cg").get(JIZHOU + "/cases/summary?" + q.substring(1)).body().get("open").asInt());
        assertEquals(2, api.as("jz-grid1").get(JIZHOU + "/cases/summary?" + q.substring(1)).body().get("open").asInt());
        assertEquals(0, api.as("jz-resident1").get(JIZHOU + "/cases/summary?" + q.substring(1)).body().get("open").asInt());
        assertEquals(404, api.as("dh-dispatcher").get(JIZHOU + "/cases/summary").status());
    }

    @Test
    public void badInboxParametersAreProblemsNamingTheParameter() throws Exception {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("status=registered,lost", "status");
        bad.put("family=CM", "family");
        bad.put("tier=urgent", "tier");
        bad.put("sort=oldest", "sort");
        bad.put("dueWithin=0", "dueWithin");
        bad.put("dueWithin=soon", "dueWithin");
        bad.put("attribute=red", "attribute");
        bad.put("q=" + "x".repeat(101), "q");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            for (String path : List.of("/cases?", "/cases/summary?")) {
                if (path.contains("summary") && e.getValue().matches("status|sort")) {
                    continue; // not parameters of the summary
                }
                Api.Reply r = api.get(JIZHOU + path + e.getKey());
                assertEquals(path + e.getKey() + " " + r.body(), 400, r.status());
                assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
                assertEquals(e.getValue(), r.text("field"));
            }
        }
        assertEquals(400, api.get(JIZHOU + "/cases/summary?dueWithin=721").status());
    }

    private String inboxCase(String title, String category, String grid) throws Exception {
        Api.Reply r = api.post(JIZHOU + "/cases", Map.of("title", title, "categoryCode", category, "channel", "hotline",
                "gridCode", grid, "address", "阳明路"));
        assertEquals(r.body().toString(), 201, r.status());
        return r.text("id");
    }

    private static List<String> ids(Api.Reply page) {
        assertEquals(page.body().toString(), 200, page.status());
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    @Test
    public void operatorsSeeTenantsCasesAndOverdueCasesInTheShell() throws Exception {
        String id = report("shell-1").text("id");
        assertTrue(shell("gongzhi:tenants"), shell("gongzhi:tenants").contains("吉州区"));
        String shown = shell("gongzhi:case jizhou " + id);
        assertTrue(shown, shown.contains("小区门口垃圾堆积") && shown.contains("已上报"));
        assertTrue(shell("gongzhi:overdue jizhou"), shell("gongzhi:overdue jizhou").contains("Number"));
        String district = shell("gongzhi:tenant-show jizhou");
        assertTrue(district, district.contains("吉州区") && district.contains("three-colour-grid"));
        assertTrue(shell("gongzhi:tenant-show nosuch"), shell("gongzhi:tenant-show nosuch").contains("nosuch"));
    }

    private String shell(String command) throws Exception {
        return KarafShell.run(sessionFactory, command);
    }

    @javax.inject.Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

    private Api.Reply report(String key) throws Exception {
        return api.post(JIZHOU + "/cases", "{\"title\":\"小区门口垃圾堆积\",\"categoryCode\":\"CM0101\","
                + "\"channel\":\"grid-worker\",\"gridCode\":\"" + GRID + "\",\"longitude\":114.927,\"latitude\":27.08}",
                Map.of("Idempotency-Key", key));
    }

    private Api.Reply step(String path, Map<String, Object> body, String expectedStatus) throws Exception {
        Api.Reply reply = api.post(path + "/transitions", body);
        assertEquals(reply.body().toString(), 200, reply.status());
        assertEquals(expectedStatus, reply.text("status"));
        return reply;
    }
}
