package org.gongzhi.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 12345 回复 and 回访 over HTTP with the real database and Keycloak (ADR 0030): the reply of a closed ticket
 * reaches Jizhou's hotline folder through the outbox; the callback list shows the caller's phone to the
 * seats only; a reached call evaluates the case; three failed ones list it as 未回访成功; bad input names
 * its field; other roles and districts are refused.
 */
public class HotlineCallbackTest extends SharedPlatformTest {

    private static final String JIZHOU = HotlineTickets.JIZHOU;
    private static final String CALLBACKS = JIZHOU + "/hotline/callbacks";

    private JsonNode task(String state, String caseId) throws Exception {
        Api.Reply list = api.as("jz-dispatcher").get(CALLBACKS + "?state=" + state + "&limit=500");
        assertEquals(list.body().toString(), 200, list.status());
        for (JsonNode t : list.body().get("items")) {
            if (t.get("caseId").asText().equals(caseId)) {
                return t;
            }
        }
        return null;
    }

    private Api.Reply attempt(String caseId, String json) throws Exception {
        return api.as("jz-dispatcher").post(CALLBACKS + "/" + caseId + "/attempts", json);
    }

    @Test
    public void theReplyOfAClosedTicketReachesTheHotlineFolderWithoutTheCaller() throws Exception {
        String ticket = HotlineTickets.ticket("RP");
        String id = HotlineTickets.closed(api, ticket, "回复测试人", "13911110001", "中山路路灯不亮", "路灯已修复，恢复照明");
        JsonNode[] reply = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : api.get(JIZHOU + "/dispatches?state=delivered&limit=500").body().get("items")) {
                if (d.get("caseId").asText().equals(id) && d.get("department").asText().equals("12345:reply")) {
                    reply[0] = d;
                    return true;
                }
            }
            return false;
        });
        // the demo's reply connector writes relative to Karaf's working directory, its home
        Path file = karafHome().resolve("data/exchange/jizhou/hotline/replies")
                .resolve(reply[0].get("dispatchId").asText() + ".json");
        assertTrue(file.toAbsolutePath().toString(), Files.isRegularFile(file));
        JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("hotline-reply", payload.get("type").asText());
        assertEquals(ticket, payload.get("ticketNumber").asText());
        assertEquals("路灯已修复，恢复照明", payload.get("result").asText());
        assertEquals("CG", payload.get("department").asText());
        String text = payload.toString();
        assertFalse(text, text.contains("13911110001") || text.contains("回复测试人") || text.contains("callbackUrl"));
    }

    @Test
    public void aReachedCallerEvaluatesTheCaseInTheSeatsName() throws Exception {
        String id = HotlineTickets.closed(api, HotlineTickets.ticket("CB"), "回访测试人", "13911110002", "路灯不亮", "已修复");
        JsonNode t = task("due", id);
        assertEquals("13911110002", t.get("callerPhone").asText());
        assertEquals("回访测试人", t.get("callerName").asText());
        assertEquals(0, t.get("failedAttempts").asInt());
        assertEquals(3, t.get("maxAttempts").asInt());

        Api.Reply r = attempt(id, "{\"reached\":true,\"satisfaction\":4,\"note\":\"基本满意，希望加快\"}");
        assertEquals(r.body().toString(), 200, r.status());
        assertEquals("evaluated", r.text("state"));
        Api.Reply kase = api.get(JIZHOU + "/cases/" + id);
        assertEquals("evaluated", kase.text("status"));
        assertEquals(4, kase.body().get("satisfaction").asInt());
        JsonNode journal = api.get(JIZHOU + "/cases/" + id + "/journal").body();
        JsonNode last = journal.get(journal.size() - 1);
        assertEquals("evaluate", last.get("action").asText());
        assertEquals("jz-dispatcher", last.get("actor").asText());
        assertEquals(null, task("due", id));
        assertProblem(attempt(id, "{\"reached\":false}"), 409, "status");
    }

    @Test
    public void threeFailedAttemptsListTheCaseAsUnreachable() throws Exception {
        String id = HotlineTickets.closed(api, HotlineTickets.ticket("UR"), "未接通测试人", "13911110003", "路灯不亮", "已修复");
        for (int i = 1; i <= 3; i++) {
            Api.Reply r = attempt(id, "{\"reached\":false,\"note\":\"无人接听\"}");
            assertEquals(r.body().toString(), 200, r.status());
            assertEquals(i, r.body().get("failedAttempts").asInt());
            assertEquals(i < 3 ? "due" : "unreachable", r.text("state"));
        }
        assertEquals(null, task("due", id));
        assertEquals("unreachable", task("unreachable", id).get("state").asText());
        assertEquals("closed", api.get(JIZHOU + "/cases/" + id).text("status"));
        long comments = 0;
        for (JsonNode j : api.get(JIZHOU + "/cases/" + id + "/journal").body()) {
            comments += "comment".equals(j.get("action").asText()) ? 1 : 0;
        }
        assertEquals(3, comments);
        assertProblem(attempt(id, "{\"reached\":false}"), 409, "attempts");
    }

    @Test
    public void badInputNamesItsFieldAndOnlyTheCentreMayCall() throws Exception {
        String id = HotlineTickets.closed(api, HotlineTickets.ticket("BI"), "输入测试人", "13911110004", "路灯不亮", "已修复");
        assertProblem(attempt(id, "{}"), 400, "reached");
        assertProblem(attempt(id, "{\"reached\":true}"), 400, "satisfaction");
        assertProblem(attempt(id, "{\"reached\":true,\"satisfaction\":9}"), 400, "satisfaction");
        assertProblem(attempt(id, "{\"reached\":false,\"satisfaction\":3}"), 400, "satisfaction");
        assertProblem(attempt(id, "{\"reached\":\"yes\"}"), 400, "reached");
        assertProblem(attempt(id, "{\"reached\":false,\"phone\":\"1\"}"), 400, "phone");
        assertProblem(attempt(id, "{\"reached\":false,\"note\":\"" + "长".repeat(501) + "\"}"), 400, "note");
        assertProblem(api.as("jz-dispatcher").get(CALLBACKS + "?state=evaluated"), 400, "state");
        assertProblem(api.as("jz-dispatcher").get(CALLBACKS + "?limit=0"), 400, "limit");
        assertEquals(404, attempt("not-a-case", "{\"reached\":false}").status());

        assertEquals(403, api.as("jz-grid1").get(CALLBACKS).status());
        assertEquals(403, api.as("jz-cg").post(CALLBACKS + "/" + id + "/attempts", "{\"reached\":false}").status());
        assertEquals(404, api.as("dh-dispatcher").get(CALLBACKS).status());
        assertEquals(404, api.as("dh-dispatcher").post(CALLBACKS + "/" + id + "/attempts", "{\"reached\":false}").status());
        assertEquals(401, api.anonymous().get(CALLBACKS).status());
        assertEquals(200, api.as("jz-admin").get(CALLBACKS).status());
        assertEquals("closed", api.get(JIZHOU + "/cases/" + id).text("status"));
        assertEquals(0, task("due", id).get("failedAttempts").asInt());
    }

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertEquals(reply.body().toString(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(reply.body().toString(), field, reply.text("field"));
        }
    }

}
