package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 东湖 老倌俚工作室 through the REST API: for Donghu, which enables it, and for nobody else. */
public class OldManStudiosPluginTest extends SharedPlatformTest {

    private static final String BASE = "/api/v1/tenants/donghu/plugins/old-man-studios";
    private static final String VILLAGE = "360102100201";
    private static final String GRID = "360102100201001";

    @Test
    public void aVillageDisputeIsMediatedByItsStudioToAnAgreement() throws Exception {
        Api.Reply studio = api.post(BASE + "/studios", "{\"name\":\"老倌俚工作室\",\"village\":\"" + VILLAGE + "\","
                + "\"mediators\":[{\"name\":\"熊大爷\",\"age\":68,\"standing\":\"退休教师\",\"phone\":\"13800000003\"}]}");
        assertEquals(studio.body().toString(), 201, studio.status());
        Api.Reply dispute = api.post(BASE + "/disputes", "{\"parties\":[{\"name\":\"甲\",\"role\":\"applicant\"},"
                + "{\"name\":\"乙\",\"role\":\"respondent\"}],\"type\":\"neighbour\",\"grid\":\"" + GRID + "\","
                + "\"valueYuan\":3000,\"description\":\"宅基地滴水纠纷\"}");
        assertEquals(dispute.body().toString(), 201, dispute.status());
        String id = dispute.text("id");
        JsonNode assigned = api.post(BASE + "/disputes/" + id + "/assignment", "{}").body();
        assertEquals(assigned.toString(), studio.text("id"), assigned.get("assignee").get("id").asText());
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.Reply session = api.post(BASE + "/disputes/" + id + "/sessions", "{\"date\":\"" + today + "\","
                + "\"partiesPresent\":[\"甲\",\"乙\"],\"mediators\":[\"熊大爷\"],\"notes\":\"双方各让一步\"}");
        assertEquals(session.body().toString(), 200, session.status());
        Api.Reply agreed = api.post(BASE + "/disputes/" + id + "/agreement", "{\"date\":\"" + today + "\","
                + "\"text\":\"乙方加装檐沟\",\"terms\":[\"十日内完工\"],\"followUpDate\":\"2027-01-10\"}");
        assertEquals(agreed.body().toString(), 200, agreed.status());
        JsonNode figures = api.get(BASE + "/figures").body();
        assertTrue(figures.toString(), figures.get("district").get("agreements").asLong() >= 1);
    }

    @Test
    public void aDisputeCaseCannotCloseBeforeItsMediationHasAnOutcome() throws Exception {
        String caseId = api.post("/api/v1/tenants/donghu/cases", "{\"title\":\"邻里纠纷\",\"categoryCode\":\"CG0101\","
                + "\"channel\":\"grid-worker\",\"gridCode\":\"" + GRID + "\"}").text("id");
        String path = "/api/v1/tenants/donghu/cases/" + caseId;
        api.post(path + "/transitions", Map.of("action", "register"));
        Awaitility.await("draft dispute from the case").atMost(Duration.ofSeconds(10))
                .until(() -> api.get(BASE + "/disputes/case-" + caseId).status() == 200);
        for (Object step : new Object[] {Map.of("action", "dispatch", "leadDepartment", "SF"), Map.of("action", "accept"),
                Map.of("action", "feedback", "note", "已调解"), Map.of("action", "verify-pass")}) {
            assertEquals(200, api.post(path + "/transitions", step).status());
        }
        Api.Reply refused = api.post(path + "/transitions", Map.of("action", "close"));
        assertEquals(refused.body().toString(), 409, refused.status());
    }

    @Test
    public void otherDistrictsCannotReachTheStudios() throws Exception {
        assertEquals(404, api.get("/api/v1/tenants/jizhou/plugins/old-man-studios/studios").status());
        assertEquals(404, api.post("/api/v1/tenants/jiangbei/plugins/old-man-studios/disputes", "{}").status());
        assertEquals(200, api.get(BASE + "/studios").status());
    }
}
