package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.gongzhi.core.service.supervision.SupervisionSweep;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Supervision (督办, issue 16) over HTTP in the distribution: a dispatcher issues an order on a case,
 * the handling department answers it, the case's records, journal and the district's KPIs show it;
 * bad input is a 400 naming the field; a case whose warning time has passed gets one reminder from
 * the sweep (called here through its OSGi service, with the moment to compare with); listed matters
 * are published; the city reads the escalations.
 */
public class SupervisionTest extends PlatformTestSupport {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    private SupervisionSweep sweep;

    @Test
    public void anOrderIsIssuedAnsweredAndCountedInTheKpis() throws Exception {
        JsonNode kase = JizhouCases.dispatchedToCg(api, "督办测试");
        String path = JIZHOU + "/cases/" + kase.get("id").asText() + "/supervision";
        String deadline = Instant.now().plus(Duration.ofDays(1)).toString();

        Api.Reply order = api.as("jz-dispatcher").post(path,
                Map.of("reason", "群众多次反映，请加快处置并说明进展", "deadline", deadline));
        assertEquals(order.body().toString(), 201, order.status());
        assertEquals("order", order.text("kind"));
        assertEquals("督办", order.text("kindLabel"));
        assertEquals("manual", order.text("trigger"));
        assertEquals("jz-dispatcher", order.text("issuedBy"));
        assertFalse(order.body().get("overdue").asBoolean());
        String sid = order.text("id");

        JsonNode seen = api.as("jz-cg").get(path).body();
        assertEquals(seen.toString(), 1, seen.size());
        assertEquals("the department sees the order", sid, seen.get(0).get("id").asText());
        assertEquals("another department does not see the case", 404, api.as("jz-ga").get(path).status());
        assertEquals(404, api.as("jz-ga").post(path + "/" + sid + "/answer", Map.of("answer", "不是我们的")).status());

        Api.Reply answered = api.as("jz-cg").post(path + "/" + sid + "/answer", Map.of("answer", "已组织人员现场清运"));
        assertEquals(answered.body().toString(), 200, answered.status());
        assertEquals("已组织人员现场清运", answered.text("answer"));
        assertEquals("jz-cg", answered.text("answeredBy"));
        Api.Reply again = api.as("jz-cg").post(path + "/" + sid + "/answer", Map.of("answer", "再答一次"));
        assertEquals(409, again.status());
        assertEquals("answer", again.text("field"));

        List<String> notes = new ArrayList<>();
        api.get(JIZHOU + "/cases/" + kase.get("id").asText() + "/journal").body()
                .forEach(e -> notes.add(e.path("note").asText()));
        assertTrue(notes.toString(), notes.stream().anyMatch(n -> n.startsWith("督办：群众多次反映")));
        assertTrue(notes.toString(), notes.contains("督办答复：已组织人员现场清运"));

        LocalDate today = LocalDate.now(SHANGHAI);
        JsonNode kpis = api.get(JIZHOU + "/kpis?from=" + today.minusDays(1) + "&to=" + today.plusDays(40)).body();
        assertTrue(kpis.toString(), kpis.get("supervisionOrders").asLong() >= 1);
        assertTrue(kpis.toString(), kpis.get("supervisionDue").asLong() >= 1);
        assertTrue(kpis.toString(), kpis.get("supervisionOnTime").asLong() >= 1);
        assertTrue(kpis.toString(), kpis.has("supervisionOnTimeRate"));
    }

    @Test
    public void badOrdersAreRefusedNamingTheField() throws Exception {
        JsonNode kase = JizhouCases.dispatchedToCg(api, "督办测试");
        String path = JIZHOU + "/cases/" + kase.get("id").asText() + "/supervision";
        String deadline = Instant.now().plus(Duration.ofDays(1)).toString();
        assertField(api.post(path, Map.of("reason", "  ", "deadline", deadline)), "reason");
        assertField(api.post(path, Map.of("reason", "事由", "deadline", "明天")), "deadline");
        assertField(api.post(path, Map.of("reason", "事由", "deadline", "2020-01-01")), "deadline");
        assertField(api.post(path, Map.of("reason", "事由", "deadline", deadline, "kind", "reminder")), "kind");
        assertField(api.post(path, "{\"reason\":\"事由\",\"deadline\":\"" + deadline + "\",\"priority\":1}"), "priority");
        assertEquals("grid workers do not issue orders", 403,
                api.as("jz-grid1").post(path, Map.of("reason", "事由", "deadline", deadline)).status());
        assertEquals(404, api.post(JIZHOU + "/cases/not-a-case/supervision", Map.of("reason", "事由", "deadline", deadline))
                .status());
        assertEquals(404, api.as("jz-cg").post(path + "/not-an-id/answer", Map.of("answer", "x")).status());
    }

    @Test
    public void aCaseWhoseWarningTimePassedGetsOneReminder() throws Exception {
        JsonNode kase = JizhouCases.dispatchedToCg(api, "督办测试");
        String path = JIZHOU + "/cases/" + kase.get("id").asText() + "/supervision";
        Instant warning = Instant.parse(kase.get("warningAt").asText());
        assertTrue(kase.toString(), warning.isBefore(Instant.parse(kase.get("dueAt").asText())));
        assertEquals(0, api.get(path).body().size());

        assertNotNull("the sweep is a service of the platform", sweep);
        sweep.sweep(warning.plusSeconds(1), 100_000);
        sweep.sweep(warning.plusSeconds(2), 100_000);

        JsonNode records = api.get(path).body();
        assertEquals(records.toString(), 1, records.size());
        assertEquals("reminder", records.get(0).get("kind").asText());
        assertEquals("warning", records.get(0).get("trigger").asText());
        assertEquals("supervision", records.get(0).get("issuedBy").asText());
        JsonNode journal = api.get(JIZHOU + "/cases/" + kase.get("id").asText() + "/journal").body();
        JsonNode last = journal.get(journal.size() - 1);
        assertEquals("comment", last.get("action").asText());
        assertTrue(last.toString(), last.get("note").asText().startsWith("催办："));
    }

    @Test
    public void listedMattersArePublishedAndTheCityReadsEscalations() throws Exception {
        JsonNode kase = JizhouCases.dispatchedToCg(api, "督办测试");
        String path = JIZHOU + "/cases/" + kase.get("id").asText() + "/supervision";
        String day = LocalDate.now(SHANGHAI).plusDays(10).toString();
        Api.Reply listed = api.post(path, Map.of("kind", "listed", "reason", "重大安全隐患，挂牌督办", "deadline", day));
        assertEquals(listed.body().toString(), 201, listed.status());
        assertTrue(listed.body().get("listed").asBoolean());
        assertEquals("a day means its end in the district",
                LocalDate.parse(day).plusDays(1).atStartOfDay(SHANGHAI).toInstant(), Instant.parse(listed.text("deadline")));

        List<String> all = ids(api.as("jz-dispatcher").get(JIZHOU + "/supervision?kind=listed").body());
        assertTrue(all.toString(), all.contains(listed.text("id")));
        assertEquals(403, api.as("jz-dispatcher").post(JIZHOU + "/supervision/listed/publish", "").status());
        Api.Reply published = api.post(JIZHOU + "/supervision/listed/publish", "");
        assertEquals(published.body().toString(), 200, published.status());
        assertTrue(ids(published.body()).contains(listed.text("id")));
        assertTrue(ids(api.get(JIZHOU + "/supervision?published=true").body()).contains(listed.text("id")));
        assertField(api.get(JIZHOU + "/supervision?kind=order"), "kind");

        Api.Reply escalations = api.as("city-admin").get("/api/v1/city/escalations?open=true");
        assertEquals(escalations.body().toString(), 200, escalations.status());
        assertTrue(escalations.body().isArray());
        assertEquals(403, api.as("jz-admin").get("/api/v1/city/escalations").status());
        assertField(api.as("city-admin").get("/api/v1/city/escalations?from=2026-02-30"), "from");
    }

    // ---- helpers ----

    private static void assertField(Api.Reply reply, String field) {
        assertEquals(reply.body().toString(), 400, reply.status());
        assertEquals(reply.body().toString(), field, reply.text("field"));
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
