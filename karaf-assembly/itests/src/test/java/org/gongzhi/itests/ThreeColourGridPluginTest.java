package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 吉州 一格八员、一网三色 through the REST API: for Jizhou, which enables it, and for nobody else. */
public class ThreeColourGridPluginTest extends SharedPlatformTest {

    private static final String BASE = "/api/v1/tenants/jizhou/plugins/three-colour-grid";
    private static final String GRID = "360802001001001";

    @Test
    public void rosterAndWhistleReachTheEightRoles() throws Exception {
        assertEquals(201, api.put(BASE + "/grids/" + GRID + "/roster/w-1",
                "{\"name\":\"刘志愿\",\"role\":\"VOLUNTEER\",\"phone\":\"13900000002\"}").status());
        JsonNode roster = api.get(BASE + "/grids/" + GRID + "/roster").body();
        assertEquals(1, roster.get("members").size());
        assertEquals(7, roster.get("missingRoles").size());
        assertEquals(400, api.put(BASE + "/grids/" + GRID + "/roster/w-2", "{\"name\":\"x\",\"role\":\"WIZARD\"}").status());

        Api.Reply whistle = api.post(BASE + "/whistles", "{\"gridCode\":\"" + GRID + "\",\"summary\":\"河堤渗水\","
                + "\"urgency\":\"urgent\",\"departments\":[\"YJ\"]}");
        assertEquals(whistle.body().toString(), 201, whistle.status());
        String id = whistle.text("id");
        Api.Reply answered = api.post(BASE + "/whistles/" + id + "/responses",
                "{\"responderId\":\"w-1\",\"status\":\"arrived\"}");
        assertEquals(answered.body().toString(), 200, answered.status());
        assertTrue(answered.body().toString(), answered.body().has("firstResponseAt"));
    }

    @Test
    public void difficultCasesAreRedAndNeedAConsultationBeforeVerification() throws Exception {
        String caseId = api.post("/api/v1/tenants/jizhou/cases", "{\"title\":\"村民土地纠纷\",\"categoryCode\":\"CG0103\","
                + "\"channel\":\"grid-worker\",\"gridCode\":\"" + GRID + "\"}").text("id");
        String path = "/api/v1/tenants/jizhou/cases/" + caseId;
        JsonNode registered = api.post(path + "/transitions", Map.of("action", "register")).body();
        assertEquals("difficult", registered.get("tier").asText());
        assertEquals("red", registered.get("triage").get("attributes").get("colour").asText());
        api.post(path + "/transitions", Map.of("action", "dispatch", "leadDepartment", "ZR"));
        api.post(path + "/transitions", Map.of("action", "accept"));
        api.post(path + "/transitions", Map.of("action", "feedback", "note", "已调处"));

        Api.Reply refused = api.post(path + "/transitions", Map.of("action", "verify-pass"));
        assertEquals(refused.body().toString(), 409, refused.status());
        assertEquals("action", refused.text("field"));

        Api.Reply consultation = api.post(BASE + "/cases/" + caseId + "/consultations", "{\"gridCode\":\"" + GRID + "\","
                + "\"date\":\"2026-11-20\",\"leadDepartment\":\"ZR\",\"coDepartments\":[\"SF\"],"
                + "\"participants\":[\"自然资源局\",\"司法所\"],\"conclusion\":\"按确权证划界\"}");
        assertEquals(consultation.body().toString(), 201, consultation.status());
        assertEquals(200, api.post(path + "/transitions", Map.of("action", "verify-pass")).status());
        assertEquals(200, api.get(BASE + "/assessment/ranking?period=2026-11").status());
    }

    @Test
    public void otherDistrictsSeeNeitherTheEndpointsNorTheTriage() throws Exception {
        assertEquals(404, api.get("/api/v1/tenants/donghu/plugins/three-colour-grid/grids/360102001/roster").status());
        assertEquals(404, api.post("/api/v1/tenants/jiangbei/plugins/three-colour-grid/whistles", "{}").status());
        String caseId = api.post("/api/v1/tenants/donghu/cases",
                "{\"title\":\"土地纠纷\",\"categoryCode\":\"CG0103\",\"channel\":\"hotline\"}").text("id");
        JsonNode registered = api.post("/api/v1/tenants/donghu/cases/" + caseId + "/transitions",
                Map.of("action", "register")).body();
        assertFalse(registered.toString(), registered.has("triage") && "three-colour-grid".equals(
                registered.get("triage").get("model").asText()));
        JsonNode models = api.get("/api/v1/tenants/donghu/plugins").body();
        models.forEach(m -> assertFalse(m.toString(), "three-colour-grid".equals(m.get("id").asText())));
        JsonNode jizhou = api.get("/api/v1/tenants/jizhou/plugins").body();
        assertEquals(jizhou.toString(), "three-colour-grid", jizhou.get(0).get("id").asText());
        assertTrue(jizhou.toString(), jizhou.get(0).get("deployed").asBoolean());
    }
}
