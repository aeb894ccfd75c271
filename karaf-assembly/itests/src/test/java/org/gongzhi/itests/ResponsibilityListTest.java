package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The responsibility list (责任清单, issue 17, ADR 0033) over HTTP on the platform: the shipped list
 * proposes the dispatch on the case, a dispatch without a lead takes it, the administrator replaces the
 * list (bad input 400 naming the field, a dispatcher 403) and the next registration follows the new list,
 * dispatching at once where auto-dispatch is on — without a restart.
 */
public class ResponsibilityListTest extends SharedPlatformTest {

    private static final String JIANGBEI = "/api/v1/tenants/jiangbei";
    private static final String LIST = JIANGBEI + "/responsibility-list";
    /** 建新社区 of 观音桥街道, and 八盘村 of 复盛镇 (a town: rural roads are the transport bureau's). */
    private static final String STREET_GRID = "500105001001";
    private static final String TOWN_GRID = "500105100201";

    @Test
    public void theShippedListProposesAndADispatchWithoutALeadTakesIt() throws Exception {
        JsonNode shipped = api.as("jb-dispatcher").get(LIST).body();
        assertFalse(shipped.get("autoDispatch").asBoolean());
        assertTrue(shipped.toString(), shipped.get("entries").size() >= 60);

        Api.Reply town = report("CM0603", TOWN_GRID);
        assertEquals(town.body().toString(), 201, town.status());
        assertEquals("JT", town.body().at("/proposal/leadDepartment").asText());
        assertEquals("list", town.body().at("/proposal/source").asText());
        assertEquals("CG", report("CM0603", STREET_GRID).body().at("/proposal/leadDepartment").asText());

        Api.Reply fumes = report("CM0105", STREET_GRID);
        String id = fumes.text("id");
        assertEquals(200, step(id, Map.of("action", "register")).status());
        Api.Reply dispatched = api.as("jb-dispatcher").post(JIANGBEI + "/cases/" + id + "/transitions",
                Map.of("action", "dispatch"));
        assertEquals(dispatched.body().toString(), 200, dispatched.status());
        assertEquals("HB", dispatched.text("leadDepartment"));
        assertEquals("[\"SJ\",\"CG\"]", dispatched.body().get("coDepartments").toString());
    }

    @Test
    public void theAdministratorReplacesTheListAndAutoDispatchHoldsAtTheNextRegistration() throws Exception {
        JsonNode shipped = api.get(LIST).body();
        try {
            Api.Reply bad = api.put(LIST, "{\"entries\":[{\"categoryCode\":\"CM0101\",\"leadDepartment\":\"HW\"},"
                    + "{\"categoryCode\":\"CM0102\",\"leadDepartment\":\"NOPE\"}]}");
            assertEquals(bad.body().toString(), 400, bad.status());
            assertEquals("entries[1].leadDepartment", bad.text("field"));
            Api.Reply badTier = api.put(LIST, "{\"entries\":[{\"categoryCode\":\"CM0101\",\"leadDepartment\":\"HW\",\"tier\":\"urgent\"}]}");
            assertEquals(400, badTier.status());
            assertEquals("entries[0].tier", badTier.text("field"));
            assertEquals(400, api.put(LIST, "{\"autoDispatch\":true}").status());
            assertEquals(403, api.as("jb-dispatcher").put(LIST, "{\"entries\":[]}").status());
            assertEquals("another district's administrator", 404, api.as("jz-admin").put(LIST, "{\"entries\":[]}").status());
            assertEquals("nothing was saved", shipped, api.get(LIST).body());

            Api.Reply saved = api.put(LIST, "{\"autoDispatch\":true,\"entries\":[{\"categoryCode\":\"CM01\","
                    + "\"leadDepartment\":\"CG\",\"coDepartments\":[\"HW\"],\"tier\":\"difficult\"}]}");
            assertEquals(saved.body().toString(), 200, saved.status());
            assertTrue(api.get(LIST).body().get("autoDispatch").asBoolean());

            String id = report("CM0101", STREET_GRID).text("id");
            Api.Reply registered = step(id, Map.of("action", "register"));
            assertEquals(registered.body().toString(), "dispatched", registered.text("status"));
            assertEquals("CG", registered.text("leadDepartment"));
            assertEquals("difficult", registered.text("tier"));
            JsonNode journal = api.get(JIANGBEI + "/cases/" + id + "/journal").body();
            assertEquals("auto-dispatch", journal.get(2).get("actor").asText());
        } finally {
            assertEquals(200, api.put(LIST, shipped.toString()).status());
        }
    }

    private Api.Reply report(String category, String grid) throws Exception {
        return api.post(JIANGBEI + "/cases", "{\"title\":\"责任清单测试\",\"categoryCode\":\"" + category
                + "\",\"channel\":\"hotline\",\"gridCode\":\"" + grid + "\"}");
    }

    private Api.Reply step(String id, Map<String, Object> body) throws Exception {
        return api.post(JIANGBEI + "/cases/" + id + "/transitions", body);
    }
}
