package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The four-level centres (issue 17 part 4, ADR 0036) with real Keycloak tokens: a street and a
 * community centre's dispatchers (donghu, grids from their accounts' {@code grids} claim) see and step
 * only the cases of their grid subtree — another area's case is a 404 for reads and steps alike — and
 * the city centre's {@code city-dispatcher} takes over any district's case, journaled as 市级接管 with
 * the city actor and audited in karaf.log. A street centre's KPIs count its own area only.
 */
public class CentresTest extends SharedPlatformTest {

    private static final String CASES = "/api/v1/tenants/donghu/cases";
    private static final String KPIS = "/api/v1/tenants/donghu/kpis";
    /** A grid of 叠山社区, 公园街道. */
    private static final String DIESHAN_GRID = "360102001001001";
    /** A grid of 阳明社区, also 公园街道. */
    private static final String YANGMING_GRID = "360102001002001";
    /** A grid of 扬子洲镇: another street/town. */
    private static final String TOWN_GRID = "360102100201001";

    @Test
    public void streetAndCommunityDispatchersWorkOnlyInTheirOwnArea() throws Exception {
        String dieshan = report(DIESHAN_GRID);
        String yangming = report(YANGMING_GRID);
        String town = report(TOWN_GRID);

        Api street = api.as("dh-street-gy");
        assertEquals(200, street.get(CASES + "/" + dieshan).status());
        assertEquals(200, street.get(CASES + "/" + yangming).status());
        assertEquals("another street's case does not exist for them", 404, street.get(CASES + "/" + town).status());
        assertEquals(404, street.get(CASES + "/" + town + "/journal").status());
        assertEquals(404, street.post(CASES + "/" + town + "/transitions", Map.of("action", "register")).status());
        assertEquals("nothing happened to it", "reported", api.as("dh-dispatcher").get(CASES + "/" + town).text("status"));
        List<String> listed = ids(street.get(CASES + "?limit=200").body());
        assertTrue(listed.contains(dieshan) && listed.contains(yangming));
        assertTrue("the list is scoped", !listed.contains(town));
        for (JsonNode c : street.get(CASES + "?limit=200").body().get("items")) {
            assertTrue(c.toString(), c.get("gridCode").asText().startsWith("360102001"));
        }
        Api.Reply registered = street.post(CASES + "/" + dieshan + "/transitions", Map.of("action", "register"));
        assertEquals(registered.body().toString(), 200, registered.status());
        Api.Reply dispatched = street.post(CASES + "/" + dieshan + "/transitions",
                Map.of("action", "dispatch", "leadDepartment", "CG"));
        assertEquals(dispatched.body().toString(), "dispatched", dispatched.text("status"));

        Api community = api.as("dh-community-ds");
        assertEquals(200, community.get(CASES + "/" + dieshan).status());
        assertEquals("a sister community's case", 404, community.get(CASES + "/" + yangming).status());
        assertEquals(404, community.post(CASES + "/" + yangming + "/transitions", Map.of("action", "register")).status());
        assertEquals(404, community.get(CASES + "/" + town).status());

        // the district centre still sees the whole district
        assertEquals(200, api.as("dh-dispatcher").get(CASES + "/" + town).status());

        // intake: a centre registers in its own area only, and never without a place (it would lose sight of it)
        assertEquals(201, street.post(CASES, intake(YANGMING_GRID)).status());
        assertEquals("another street", 403, street.post(CASES, intake(TOWN_GRID)).status());
        assertEquals("a sister community", 403, community.post(CASES, intake(YANGMING_GRID)).status());
        Api.Reply nowhere = street.post(CASES, "{\"title\":\"四级中心测试\",\"categoryCode\":\"CM0101\","
                + "\"channel\":\"hotline\"}");
        assertEquals(nowhere.body().toString(), 400, nowhere.status());
        assertEquals("gridCode", nowhere.text("field"));
        assertEquals(201, api.as("dh-dispatcher").post(CASES, "{\"title\":\"四级中心测试\",\"categoryCode\":\"CM0101\","
                + "\"channel\":\"hotline\"}").status());
    }

    /**
     * A street centre's KPIs are those of its own area: a case elsewhere in the district does not move them. The
     * dispatch and notification outboxes are the district centre's.
     */
    @Test
    public void aStreetCentresFiguresCountItsOwnAreaOnlyAndTheOutboxesAreTheDistrictCentres() throws Exception {
        Api street = api.as("dh-street-gy");
        Api district = api.as("dh-dispatcher");
        long streetBefore = street.get(KPIS).body().get("reported").asLong();
        long districtBefore = district.get(KPIS).body().get("reported").asLong();
        report(DIESHAN_GRID);
        report(TOWN_GRID);
        assertEquals("its own case counts, the town's does not", streetBefore + 1,
                street.get(KPIS).body().get("reported").asLong());
        assertEquals(districtBefore + 2, district.get(KPIS).body().get("reported").asLong());

        JsonNode byStreet = street.get(KPIS + "/breakdown?dimension=grid&level=street").body();
        List<String> keys = new ArrayList<>();
        byStreet.get("rows").forEach(r -> keys.add(r.get("key").asText()));
        assertEquals("公园街道 only", List.of("360102001"), keys);
        JsonNode districtStreets = district.get(KPIS + "/breakdown?dimension=grid&level=street").body().get("rows");
        assertTrue("the district centre sees more than one street: " + districtStreets, districtStreets.size() > 1);

        for (String outbox : List.of("/dispatches", "/notifications", "/notifications/counts")) {
            assertEquals(outbox, 403, street.get("/api/v1/tenants/donghu" + outbox).status());
            assertEquals(outbox, 200, district.get("/api/v1/tenants/donghu" + outbox).status());
        }
    }

    @Test
    public void theCityDispatcherTakesOverAnyDistrictsCaseJournaledAndAudited() throws Exception {
        String town = report(TOWN_GRID);
        Path karafLog = karafData().resolve("log").resolve("karaf.log");
        KarafLog log = KarafLog.markEnd(karafLog);

        Api city = api.as("city-dispatcher");
        List<String> districts = new ArrayList<>();
        city.get("/api/v1/tenants").body().forEach(d -> districts.add(d.get("id").asText()));
        assertTrue("the city centre lists every district: " + districts, districts.containsAll(List.of("donghu", "jizhou")));
        assertEquals(200, city.get(CASES + "/" + town).status());
        assertTrue(ids(city.get(CASES + "?limit=200").body()).contains(town));
        assertEquals(200, city.post(CASES + "/" + town + "/transitions", Map.of("action", "register")).status());
        Api.Reply dispatched = city.post(CASES + "/" + town + "/transitions",
                Map.of("action", "dispatch", "leadDepartment", "CG", "note", "市级督导，限期处置"));
        assertEquals(dispatched.body().toString(), "dispatched", dispatched.text("status"));
        assertEquals("the city centre does not report cases", 403,
                city.post(CASES, "{\"title\":\"市级\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\",\"gridCode\":\""
                        + TOWN_GRID + "\"}").status());
        assertEquals("a city administrator still does not read cases", 403,
                api.as("city-admin").get(CASES + "/" + town).status());

        JsonNode journal = api.as("dh-dispatcher").get(CASES + "/" + town + "/journal").body();
        JsonNode dispatch = journal.get(journal.size() - 1);
        assertEquals("dispatch", dispatch.get("action").asText());
        assertEquals("city:city-dispatcher", dispatch.get("actor").asText());
        assertEquals("市级接管：市级督导，限期处置", dispatch.get("note").asText());
        assertEquals("市级接管", journal.get(journal.size() - 2).get("note").asText());

        List<String> audit = log.linesSince().stream().filter(l -> l.contains("city-takeover")).toList();
        for (String action : List.of("view", "list", "register", "dispatch")) {
            String expected = "actor=city:city-dispatcher district=donghu case="
                    + ("list".equals(action) ? "-" : town) + " action=" + action;
            assertTrue(expected + " in " + audit, audit.stream().anyMatch(l -> l.contains(expected)));
        }
        assertTrue("ids only in the audit lines", audit.stream().noneMatch(l -> l.contains("市级督导")));
    }

    private static String intake(String grid) {
        return "{\"title\":\"四级中心测试\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\",\"gridCode\":\"" + grid + "\"}";
    }

    private String report(String grid) throws Exception {
        Api.Reply r = api.as("dh-dispatcher").post(CASES, "{\"title\":\"四级中心测试\",\"categoryCode\":\"CM0101\","
                + "\"channel\":\"hotline\",\"gridCode\":\"" + grid + "\"}");
        assertEquals(r.body().toString(), 201, r.status());
        return r.text("id");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
