package org.gongzhi.itests;

import static org.gongzhi.itests.JizhouCases.JIZHOU;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cases assigned to named people (承办人, issue 17 part 3, ADR 0035) over HTTP on the platform, with the
 * demo people of Jizhou provisioned in Keycloak: the dispatcher assigns a case dispatched to 城管 to jz-cg,
 * jz-cg reassigns it to jz-cg2 with a reason (not to a grid worker, not without a reason), jz-cg2 finds it in
 * their own list ({@code assignee=me}) and their inbox, others cannot assign it, and the workload and the
 * ranking count it while open and once closed.
 */
public class AssignmentTest extends SharedPlatformTest {

    @Test
    public void assignReassignTheAssigneeSeesItAndTheFiguresCountIt() throws Exception {
        JsonNode kase = JizhouCases.dispatchedToCg(api, "承办人测试");
        String id = kase.get("id").asText();
        String assignment = JIZHOU + "/cases/" + id + "/assignment";
        long cg2OpenBefore = workload("jz-dispatcher", "jz-cg2").get("open").asLong();
        long cg2ClosedBefore = workload("jz-dispatcher", "jz-cg2").get("closedThisMonth").asLong();

        Api.Reply assigned = api.as("jz-dispatcher").post(assignment, Map.of("assignee", "jz-cg"));
        assertEquals(assigned.body().toString(), 200, assigned.status());
        assertEquals("jz-cg", assigned.text("assignee"));
        assertEquals("jz-cg", api.as("jz-cg").get(JIZHOU + "/cases/" + id).text("assignee"));

        assertEquals("another department does not see the case", 404,
                api.as("jz-ga").post(assignment, Map.of("assignee", "jz-ga")).status());
        assertEquals("a grid worker of another grid does not see it", 404,
                api.as("jz-grid2").post(assignment, Map.of("assignee", "jz-grid2")).status());
        assertEquals("a resident may not assign", 403,
                api.as("jz-resident1").post(assignment, Map.of("assignee", "jz-cg")).status());
        Api.Reply toGrid = api.as("jz-cg").post(assignment, Map.of("assignee", "jz-grid1", "reason", "网格处理"));
        assertEquals(toGrid.body().toString(), 400, toGrid.status());
        assertEquals("a department assigns its own handlers", "assignee", toGrid.text("field"));
        Api.Reply noReason = api.as("jz-cg").post(assignment, Map.of("assignee", "jz-cg2"));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.text("field"));
        assertEquals("unknown field", 400, api.as("jz-cg").post(assignment, "{\"assignee\":\"jz-cg2\",\"who\":1}").status());

        JsonNode candidates = api.as("jz-cg").get(assignment + "/candidates").body();
        assertEquals(List.of("jz-cg", "jz-cg2"), usernames(candidates));
        assertFalse("no phone in the candidates", candidates.toString().contains("1390000"));

        Api.Reply reassigned = api.as("jz-cg").post(assignment, Map.of("assignee", "jz-cg2", "reason", "郭建军外出培训"));
        assertEquals(reassigned.body().toString(), 200, reassigned.status());
        assertEquals("jz-cg2", reassigned.text("assignee"));
        JsonNode journal = api.as("jz-cg2").get(JIZHOU + "/cases/" + id + "/journal").body();
        JsonNode last = journal.get(journal.size() - 1);
        assertEquals("comment", last.get("action").asText());
        assertEquals("jz-cg", last.get("actor").asText());
        assertEquals("改派承办人：郭建军（jz-cg） → 尹志强（jz-cg2），原因：郭建军外出培训", last.get("note").asText());

        assertTrue("jz-cg2's own list", ids(api.as("jz-cg2").get(JIZHOU + "/cases?assignee=me").body()).contains(id));
        assertFalse("no longer jz-cg's", ids(api.as("jz-cg").get(JIZHOU + "/cases?assignee=me").body()).contains(id));
        Api.Reply badFilter = api.as("jz-cg").get(JIZHOU + "/cases?assignee=%3Cscript%3E");
        assertEquals(400, badFilter.status());
        assertEquals("assignee", badFilter.text("field"));
        JsonNode inbox = api.as("jz-cg2").get(JIZHOU + "/me/notifications").body();
        assertTrue(inbox.toString(), inbox.toString().contains(kase.get("number").asText()));

        assertEquals(cg2OpenBefore + 1, workload("jz-dispatcher", "jz-cg2").get("open").asLong());
        assertEquals("a department handler sees their department only", List.of("jz-cg", "jz-cg2"),
                usernamesOf(api.as("jz-cg").get(JIZHOU + "/people/workload").body()));
        assertEquals(403, api.as("jz-resident1").get(JIZHOU + "/people/workload").status());

        for (Map<String, Object> step : List.<Map<String, Object>>of(Map.of("action", "accept"),
                Map.of("action", "feedback", "note", "已处理"))) {
            assertEquals(200, api.as("jz-cg2").post(JIZHOU + "/cases/" + id + "/transitions", step).status());
        }
        for (String action : List.of("verify-pass", "close")) {
            Api.Reply r = api.as("jz-dispatcher").post(JIZHOU + "/cases/" + id + "/transitions", Map.of("action", action));
            assertEquals(r.body().toString(), 200, r.status());
        }
        JsonNode after = workload("jz-dispatcher", "jz-cg2");
        assertEquals(cg2OpenBefore, after.get("open").asLong());
        assertEquals(cg2ClosedBefore + 1, after.get("closedThisMonth").asLong());

        Api.Reply ranking = api.as("jz-dispatcher").get(JIZHOU + "/people/ranking?role=department-handler");
        assertEquals(ranking.body().toString(), 200, ranking.status());
        JsonNode cg2 = null;
        for (JsonNode row : ranking.body().get("rows")) {
            assertEquals("department-handler", row.at("/person/role").asText());
            if ("jz-cg2".equals(row.at("/person/username").asText())) {
                cg2 = row;
            }
        }
        assertTrue(ranking.body().toString(), cg2 != null && cg2.get("closed").asLong() >= 1);
        assertEquals(1.0, cg2.get("onTimeRate").asDouble(), 0.0);
        Api.Reply badRole = api.as("jz-dispatcher").get(JIZHOU + "/people/ranking?role=resident");
        assertEquals(400, badRole.status());
        assertEquals("role", badRole.text("field"));
        assertEquals(403, api.as("jz-cg").get(JIZHOU + "/people/ranking").status());
    }

    /** One person's row of the workload as {@code viewer} sees it. */
    private JsonNode workload(String viewer, String username) throws Exception {
        Api.Reply r = api.as(viewer).get(JIZHOU + "/people/workload");
        assertEquals(r.body().toString(), 200, r.status());
        for (JsonNode row : r.body()) {
            if (username.equals(row.at("/person/username").asText())) {
                return row;
            }
        }
        throw new AssertionError(username + " not in " + r.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    private static List<String> usernames(JsonNode people) {
        List<String> out = new ArrayList<>();
        people.forEach(p -> out.add(p.get("username").asText()));
        return out;
    }

    private static List<String> usernamesOf(JsonNode workload) {
        List<String> out = new ArrayList<>();
        workload.forEach(w -> out.add(w.at("/person/username").asText()));
        return out;
    }
}
