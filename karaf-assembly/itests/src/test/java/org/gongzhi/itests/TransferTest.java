package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cross-district transfer (跨区转办, issue 17 part 5, ADR 0037) on the platform: a service matter filed in
 * Jizhou by a reporter living in Donghu is proposed to Donghu, transferred, refused with a reason, back in
 * Jizhou, transferred again and accepted. Both journals keep the whole story, the photo is readable by Donghu
 * and by no third district, the case enters Donghu's loop and the KPIs count it once.
 */
public class TransferTest extends SharedPlatformTest {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String DONGHU = "/api/v1/tenants/donghu";
    private static final String GRID = "360802001001001";

    @Test
    public void transferRefuseBackTransferAccept() throws Exception {
        Api jz = api.as("jz-dispatcher");
        Api dh = api.as("dh-dispatcher");
        Api jb = api.as("jb-dispatcher");
        long jizhouBefore = jz.get(JIZHOU + "/kpis").body().get("reported").asLong();
        long donghuBefore = dh.get(DONGHU + "/kpis").body().get("reported").asLong();

        byte[] photo;
        try (InputStream in = TransferTest.class.getResourceAsStream("/evidence/gps.jpg")) {
            assertNotNull("fixture /evidence/gps.jpg", in);
            photo = in.readAllBytes();
        }
        Api.Reply uploaded = jz.post(JIZHOU + "/evidence", photo, "image/jpeg");
        assertEquals(uploaded.toString(), 201, uploaded.status());
        String evidence = uploaded.text("id");
        // LS0401 (housing and property) is a service matter: it belongs where the reporter lives
        Api.Reply reported = jz.post(JIZHOU + "/cases", Map.of("title", "小区电梯停运", "categoryCode", "LS0401",
                "channel", "hotline", "gridCode", GRID, "reporterName", "王五", "reporterPhone", "13900000000",
                "attachments", List.of("evidence:" + evidence)));
        assertEquals(reported.toString(), 201, reported.status());
        String id = reported.text("id");
        String number = reported.text("number");
        String transfer = JIZHOU + "/cases/" + id + "/transfer";

        Api.Reply badOrigin = jz.put(transfer + "/origin", "{\"residenceDistrict\":\"mars\"}");
        assertEquals(badOrigin.toString(), 400, badOrigin.status());
        assertEquals("residenceDistrict", badOrigin.text("field"));
        Api.Reply proposal = jz.put(transfer + "/origin", "{\"residenceDistrict\":\"donghu\",\"householdDistrict\":null}");
        assertEquals(proposal.toString(), 200, proposal.status());
        assertEquals("service", proposal.text("matterKind"));
        assertEquals("donghu", proposal.text("proposedDistrict"));

        Api.Reply bad = jz.post(transfer, Map.of("toDistrict", "jizhou"));
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals("toDistrict", bad.text("field"));
        String first = sent(jz.post(transfer, Map.of("toDistrict", "donghu", "note", "报告人居住在东湖区")));
        assertEquals("the case waits for Donghu", 409,
                jz.post(JIZHOU + "/cases/" + id + "/transitions", Map.of("action", "register")).status());

        // Donghu sees it pending, with the case, its journal and the photo; Jiangbei sees nothing
        assertTrue(ids(dh.get(DONGHU + "/incoming-transfers")).contains(first));
        assertEquals(404, jb.get("/api/v1/tenants/jiangbei/incoming-transfers/" + first).status());
        JsonNode incoming = dh.get(DONGHU + "/incoming-transfers/" + first).body();
        assertEquals(number, incoming.at("/kase/number").asText());
        assertEquals(1, incoming.get("evidence").size());
        assertEquals(200, dh.bytes(incoming.get("evidence").get(0).get("url").asText()).status());

        Api.Reply noReason = dh.post(DONGHU + "/incoming-transfers/" + first + "/refuse", Map.of("reason", " "));
        assertEquals(noReason.toString(), 400, noReason.status());
        assertEquals("reason", noReason.text("field"));
        Api.Reply refused = dh.post(DONGHU + "/incoming-transfers/" + first + "/refuse",
                Map.of("reason", "报告人已迁出本区"));
        assertEquals(refused.toString(), 200, refused.status());
        assertEquals("refused", refused.text("state"));
        assertEquals(409, dh.post(DONGHU + "/incoming-transfers/" + first + "/accept", Map.of()).status());

        // back in Jizhou, which continues, then sends it again
        assertEquals(200, jz.post(JIZHOU + "/cases/" + id + "/transitions", Map.of("action", "register")).status());
        String second = sent(jz.post(transfer, Map.of("toDistrict", "donghu")));
        Api.Reply accepted = dh.post(DONGHU + "/incoming-transfers/" + second + "/accept", Map.of());
        assertEquals(accepted.toString(), 200, accepted.status());
        assertEquals("accepted", accepted.text("state"));
        String copy = accepted.text("toCaseId");
        assertTrue(accepted.text("toCaseNumber"), accepted.text("toCaseNumber").startsWith("360102-"));

        // Jizhou's case is closed to it; Donghu's is a reported case of its own with the whole journal
        assertEquals("rejected", jz.get(JIZHOU + "/cases/" + id).text("status"));
        List<String> sender = notes(jz.get(JIZHOU + "/cases/" + id + "/journal"));
        List<String> receiver = notes(dh.get(DONGHU + "/cases/" + copy + "/journal"));
        assertTrue(sender.toString(), sender.stream().anyMatch(n -> n.contains("报告人已迁出本区")));
        assertTrue(sender.toString(), sender.get(sender.size() - 1).contains(accepted.text("toCaseNumber")));
        assertEquals(receiver.toString(), sender.subList(0, sender.size() - 1),
                receiver.subList(0, sender.size() - 1));
        assertTrue(receiver.toString(), receiver.get(receiver.size() - 1).contains(number));
        assertEquals(404, jb.get(DONGHU + "/cases/" + copy).status());

        // the photo is Donghu's now, on its copy; a third district cannot read it
        JsonNode theirs = dh.get(DONGHU + "/cases/" + copy + "/evidence").body();
        assertEquals(theirs.toString(), 1, theirs.size());
        String url = theirs.get(0).get("url").asText();
        assertTrue(url, url.startsWith(DONGHU + "/evidence/"));
        assertEquals(200, dh.bytes(url).status());
        assertEquals(404, jb.bytes(url).status());

        // the case enters Donghu's loop
        Api.Reply registered = dh.post(DONGHU + "/cases/" + copy + "/transitions", Map.of("action", "register"));
        assertEquals(registered.toString(), 200, registered.status());
        Api.Reply dispatched = dh.post(DONGHU + "/cases/" + copy + "/transitions", Map.of("action", "dispatch"));
        assertEquals(dispatched.toString(), 200, dispatched.status());

        // counted once: by Donghu, which handles it
        assertEquals(jizhouBefore, jz.get(JIZHOU + "/kpis").body().get("reported").asLong());
        assertEquals(donghuBefore + 1, dh.get(DONGHU + "/kpis").body().get("reported").asLong());
    }

    private static String sent(Api.Reply r) {
        assertEquals(r.toString(), 201, r.status());
        assertEquals("pending", r.text("state"));
        return r.text("id");
    }

    private static List<String> ids(Api.Reply r) {
        assertEquals(r.toString(), 200, r.status());
        List<String> out = new ArrayList<>();
        r.body().forEach(t -> out.add(t.get("id").asText()));
        return out;
    }

    private static List<String> notes(Api.Reply r) {
        assertEquals(r.toString(), 200, r.status());
        List<String> out = new ArrayList<>();
        r.body().forEach(e -> out.add(e.path("note").asText("")));
        return out;
    }
}
