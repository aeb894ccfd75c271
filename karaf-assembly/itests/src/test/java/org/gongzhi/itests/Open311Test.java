package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Black-box tests of the Open311 GeoReport v2 endpoint, written from the specification
 * (wiki.open311.org/GeoReport_v2, Service Discovery, the servicerequestupdates extension):
 * jurisdiction_id is the district, no bearer token, form-encoded POSTs with the demo api_key.
 */
public class Open311Test extends PlatformTestSupport {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String W3C = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)";

    private Open311Client open311;

    @Before
    public void client() {
        open311 = new Open311Client(Integer.getInteger("gongzhi.test.http.port"));
    }

    @Test
    public void discoveryInBothFormats() throws Exception {
        Open311Client.Reply json = open311.get("discovery.json");
        assertEquals(json.toString(), 200, json.status());
        assertTrue(json.contentType(), json.contentType().startsWith("application/json"));
        JsonNode endpoint = json.json().get("endpoints").get(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.get("specification").asText());
        assertTrue(endpoint.get("url").asText(), endpoint.get("url").asText().endsWith("/open311/v2"));
        assertEquals(List.of("text/xml", "application/json"), texts(endpoint.get("formats")));
        Open311Client.Reply xml = open311.get("discovery.xml");
        assertTrue(xml.contentType(), xml.contentType().startsWith("text/xml"));
        assertTrue(xml.body(), xml.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        Document d = xml.xml();
        assertEquals("discovery", d.getDocumentElement().getNodeName());
        assertNotNull(d.getElementsByTagName("key_service").item(0));
    }

    @Test
    public void servicesAndDefinitions() throws Exception {
        JsonNode services = ok(open311.get("services.json", "jurisdiction_id", "jizhou")).json();
        List<String> codes = new ArrayList<>();
        services.forEach(s -> codes.add(s.get("service_code").asText()));
        assertTrue(codes.toString(), codes.contains("CM0603") && codes.contains("LS0403"));
        assertTrue(codes.toString(), codes.stream().allMatch(c -> c.startsWith("CM") || c.startsWith("LS")));
        for (JsonNode s : services) {
            assertEquals("realtime", s.get("type").asText());
            if (s.get("service_code").asText().equals("CM0603")) {
                assertTrue(s.get("metadata").asBoolean());
                assertEquals("市政设施", s.get("group").asText());
            }
        }
        Document list = ok(open311.get("services.xml", "jurisdiction_id", "jizhou")).xml();
        assertEquals("services", list.getDocumentElement().getNodeName());
        assertEquals(services.size(), list.getElementsByTagName("service").getLength());

        JsonNode definition = ok(open311.get("services/CM0603.json", "jurisdiction_id", "jizhou")).json();
        assertEquals("CM0603", definition.get("service_code").asText());
        JsonNode severity = definition.get("attributes").get(0);
        assertEquals("severity", severity.get("code").asText());
        assertEquals("singlevaluelist", severity.get("datatype").asText());
        assertTrue(severity.get("required").asBoolean());
        assertEquals(List.of("minor", "moderate", "severe"), texts(severity.get("values"), "key"));
        Document xml = ok(open311.get("services/CM0603.xml", "jurisdiction_id", "jizhou")).xml();
        assertEquals("service_definition", xml.getDocumentElement().getNodeName());
        assertEquals(3, xml.getElementsByTagName("value").getLength());
    }

    @Test
    public void requestIsPostedReadBackAndFollowed() throws Exception {
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        Open311Client.Reply posted = open311.post("requests.json", "jurisdiction_id", "jizhou",
                "api_key", Open311Client.JIZHOU_KEY, "service_code", "CM0603", "lat", "27.08", "long", "114.927",
                "address_string", "吉州区人民路 12 号", "description", "人民路路口有大坑，夜间危险",
                "attribute[severity]", "severe", "attribute[area]", "2.5", "first_name", "三", "last_name", "张",
                "phone", "13800000000", "media_url", "https://img.example.cn/pothole.jpg");
        JsonNode created = ok(posted).json().get(0);
        String id = created.get("service_request_id").asText();
        assertTrue(id, id.matches("360802-\\d{8}-\\d{6}"));
        assertFalse("a realtime answer carries no token", created.has("token"));
        assertFalse(created.get("service_notice").asText().isBlank());

        Open311Client.Reply one = ok(open311.get("requests/" + id + ".json", "jurisdiction_id", "jizhou"));
        JsonNode request = one.json().get(0);
        assertEquals("open", request.get("status").asText());
        assertEquals("CM0603", request.get("service_code").asText());
        assertEquals("道路坑洼", request.get("service_name").asText());
        assertTrue(request.get("description").asText(), request.get("description").asText().contains("严重程度：严重"));
        assertTrue(request.get("requested_datetime").asText().matches(W3C));
        assertTrue(request.get("expected_datetime").isNull() || request.get("expected_datetime").asText().matches(W3C));
        assertEquals(27.08, request.get("lat").asDouble(), 1e-9);
        assertEquals("https://img.example.cn/pothole.jpg", request.get("media_url").asText());
        assertFalse("never the reporter's phone or name", one.body().contains("13800000000") || one.body().contains("张"));
        Document xml = ok(open311.get("requests/" + id + ".xml", "jurisdiction_id", "jizhou")).xml();
        assertEquals("service_requests", xml.getDocumentElement().getNodeName());
        assertEquals(id, xml.getElementsByTagName("service_request_id").item(0).getTextContent());

        String now = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        assertTrue(ids(open311.get("requests.json", "jurisdiction_id", "jizhou")).contains(id));
        assertTrue(ids(open311.get("requests.json", "jurisdiction_id", "jizhou", "status", "open", "service_code", "CM0603",
                "start_date", before.truncatedTo(ChronoUnit.SECONDS).toString(), "end_date", now)).contains(id));
        assertFalse(ids(open311.get("requests.json", "jurisdiction_id", "jizhou", "status", "closed")).contains(id));
        assertFalse(ids(open311.get("requests.json", "jurisdiction_id", "jizhou", "service_code", "CM0101")).contains(id));
        assertFalse(ids(open311.get("requests.json", "jurisdiction_id", "jizhou", "start_date", "2026-01-01T00:00:00Z",
                "end_date", "2026-02-01T00:00:00+08:00")).contains(id));
        assertEquals(List.of(id), ids(open311.get("requests.json", "jurisdiction_id", "jizhou", "service_request_id",
                id + ",360802-20200101-000000")));

        String uuid = caseId(id);
        JsonNode token = ok(open311.get("tokens/" + uuid + ".json", "jurisdiction_id", "jizhou")).json().get(0);
        assertEquals(id, token.get("service_request_id").asText());
        assertEquals(uuid, token.get("token").asText());

        Api dispatcher = api.as("jz-dispatcher");
        String path = JIZHOU + "/cases/" + uuid + "/transitions";
        assertEquals(200, dispatcher.post(path, Map.of("action", "register")).status());
        assertEquals(200, dispatcher.post(path, Map.of("action", "dispatch", "leadDepartment", "CG", "note", "请城管处置")).status());
        JsonNode updates = ok(open311.get("servicerequestupdates.json", "jurisdiction_id", "jizhou")).json();
        List<String> mine = new ArrayList<>();
        for (JsonNode u : updates) {
            if (u.get("service_request_id").asText().equals(id)) {
                mine.add(u.get("update_id").asText() + " " + u.get("status").asText() + " " + u.get("description").asText());
                assertTrue(u.get("updated_datetime").asText().matches(W3C));
            }
        }
        assertEquals(List.of(id + "-1 open 上报：人民路路口有大坑，夜间危险\n\n【附加信息】\n严重程度：严重（存在安全隐患）\n坑洼面积（平方米，估计）：2.5",
                id + "-2 open 立案", id + "-3 open 派遣：请城管处置"), mine);
        Document feed = ok(open311.get("servicerequestupdates.xml", "jurisdiction_id", "jizhou")).xml();
        assertEquals("service_request_updates", feed.getDocumentElement().getNodeName());

        JsonNode update = ok(open311.post("servicerequestupdates.json", "jurisdiction_id", "jizhou",
                "api_key", Open311Client.JIZHOU_KEY, "service_request_id", id, "update_id", "client-1", "status", "OPEN",
                "updated_datetime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "description", "坑又变大了"))
                .json().get(0);
        assertEquals(id + "-4", update.get("update_id").asText());
        JsonNode journal = dispatcher.get(JIZHOU + "/cases/" + uuid + "/journal").body();
        assertEquals("progress", journal.get(3).get("action").asText());
        JsonNode reread = ok(open311.get("requests/" + id + ".json", "jurisdiction_id", "jizhou")).json().get(0);
        assertEquals("坑又变大了", reread.get("status_notes").asText());
        assertFalse(reread.get("agency_responsible").asText().isBlank());
    }

    @Test
    public void errorsFollowTheSpecification() throws Exception {
        error(open311.get("services.json"), 400, "jurisdiction_id was not provided");
        error(open311.get("requests.xml", "jurisdiction_id", "nowhere"), 404, "jurisdiction_id provided was not found");
        String[] pothole = {"jurisdiction_id", "jizhou", "service_code", "CM0603", "lat", "27.08", "long", "114.927",
            "attribute[severity]", "minor"};
        error(open311.post("requests.json", pothole), 403, "api_key was not provided");
        error(open311.post("requests.xml", with(pothole, "api_key", "wrong-key-000000000000")), 403, "Invalid api_key");
        error(open311.post("requests.json", "jurisdiction_id", "donghu", "api_key", Open311Client.JIZHOU_KEY,
                "service_code", "CM0603"), 403, "Invalid api_key");
        error(open311.post("requests.json", "jurisdiction_id", "jizhou", "api_key", Open311Client.JIZHOU_KEY,
                "service_code", "CM9999", "address_string", "人民路"), 404, "service_code provided was not found");
        error(open311.post("requests.json", "jurisdiction_id", "jizhou", "api_key", Open311Client.JIZHOU_KEY,
                "service_code", "CM0101"), 400, "A full location parameter must be submitted");
        error(open311.post("requests.json", "jurisdiction_id", "jizhou", "api_key", Open311Client.JIZHOU_KEY,
                "service_code", "CM0603", "address_string", "人民路"), 400, "attribute[severity] was not provided");
        error(open311.post("requests.json", "jurisdiction_id", "jizhou", "api_key", Open311Client.JIZHOU_KEY,
                "service_code", "CM0101", "lat", "31.23", "long", "121.47"), 400, "outside jurisdiction jizhou");
        error(open311.postJson("requests.json", "{\"service_code\":\"CM0101\"}"), 400, "x-www-form-urlencoded");
        error(open311.get("requests/360802-20200101-000000.json", "jurisdiction_id", "jizhou"), 404,
                "service_request_id provided was not found");
        error(open311.get("services/CG0101.xml", "jurisdiction_id", "jizhou"), 404, "service_code provided was not found");
        error(open311.get("tokens/00000000-0000-0000-0000-000000000000.json", "jurisdiction_id", "jizhou"), 404, "token");
        error(open311.get("services.html", "jurisdiction_id", "jizhou"), 404, "format html is not supported");
        error(open311.get("nothing.json"), 404, "no such resource");
    }

    @Test
    public void comprehensiveGovernanceIsNeverShown() throws Exception {
        Api.Reply dispute = api.as("jz-dispatcher").post(JIZHOU + "/cases", "{\"title\":\"邻里纠纷\",\"categoryCode\":\"CG0101\","
                + "\"channel\":\"hotline\",\"longitude\":114.927,\"latitude\":27.08}");
        assertEquals(dispute.body().toString(), 201, dispute.status());
        String number = dispute.text("number");
        assertFalse(ids(open311.get("requests.json", "jurisdiction_id", "jizhou")).contains(number));
        assertTrue(ids(open311.get("requests.json", "jurisdiction_id", "jizhou", "service_request_id", number)).isEmpty());
        error(open311.get("requests/" + number + ".json", "jurisdiction_id", "jizhou"), 404, "not found");
        error(open311.get("tokens/" + dispute.text("id") + ".xml", "jurisdiction_id", "jizhou"), 404, "token");
        for (JsonNode u : ok(open311.get("servicerequestupdates.json", "jurisdiction_id", "jizhou")).json()) {
            assertFalse(u.toString(), u.get("service_request_id").asText().equals(number));
        }
    }

    private String caseId(String number) throws Exception {
        for (JsonNode c : api.as("jz-dispatcher").get(JIZHOU + "/cases?channel=open311&limit=200").body().get("items")) {
            if (c.get("number").asText().equals(number)) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("no case " + number);
    }

    private static Open311Client.Reply ok(Open311Client.Reply reply) {
        assertEquals(reply.toString(), 200, reply.status());
        return reply;
    }

    private static void error(Open311Client.Reply reply, int status, String description) throws Exception {
        assertEquals(reply.toString(), status, reply.status());
        if (reply.contentType().startsWith("application/json")) {
            JsonNode e = reply.json().get(0);
            assertEquals(status, e.get("code").asInt());
            assertTrue(reply.toString(), e.get("description").asText().contains(description));
        } else {
            assertTrue(reply.toString(), reply.contentType().startsWith("text/xml"));
            Document d = reply.xml();
            assertEquals("errors", d.getDocumentElement().getNodeName());
            assertEquals(Integer.toString(status), d.getElementsByTagName("code").item(0).getTextContent());
            assertTrue(reply.toString(), d.getElementsByTagName("description").item(0).getTextContent().contains(description));
        }
    }

    private static List<String> ids(Open311Client.Reply reply) throws Exception {
        return texts(ok(reply).json(), "service_request_id");
    }

    private static List<String> texts(JsonNode array, String... field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field.length == 0 ? n.asText() : n.get(field[0]).asText()));
        return out;
    }

    private static String[] with(String[] form, String... more) {
        List<String> all = new ArrayList<>(List.of(form));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
