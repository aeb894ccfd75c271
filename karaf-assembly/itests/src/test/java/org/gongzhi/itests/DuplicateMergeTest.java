package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Duplicates on the running platform (issue 17, ADR 0034): a resident reports what the hotline already brought in,
 * intake flags it with the hotline case as candidate, the dispatcher merges it (bad input 400 naming the
 * field, a grid worker 403), and the resident's own page then shows the hotline case's progress to its close
 * and its public answer.
 */
public class DuplicateMergeTest extends SharedPlatformTest {

    private static final String JZ = "/api/v1/tenants/jizhou";
    private static final String GRID = "360802001001001";
    private static final double LON = 114.9861;
    private static final double LAT = 27.1187;

    @Test
    public void aMergedDuplicatesReporterFollowsTheMastersProgress() throws Exception {
        Api.Reply master = api.post(JZ + "/cases", Map.of("title", "永叔路12号门口暴露垃圾", "categoryCode", "CM0101",
                "channel", "hotline", "gridCode", GRID, "longitude", LON, "latitude", LAT, "address", "永叔路12号"));
        assertEquals(master.body().toString(), 201, master.status());
        String masterId = master.text("id");
        assertTrue(master.body().toString(), master.body().at("/duplicate/repeatNumber").asInt() >= 1);

        Residents residents = Residents.of(httpPort());
        String token = residents.signIn("jizhou", "13900007301");
        Residents.Answer reported = residents.post("/api/v1/resident/jizhou/reports", Map.of("categoryCode", "CM0101",
                "description", "永叔路12号门口垃圾没人清运", "gridCode", GRID, "channel", "qr-code", "longitude", LON + 0.0001,
                "latitude", LAT, "evidence", List.of(), "publicConsent", false), token, Map.of());
        assertEquals(reported.body().toString(), 201, reported.status());
        String dupId = reported.text("id");

        JsonNode flagged = api.as("jz-dispatcher").get(JZ + "/cases/" + dupId).body();
        assertEquals(flagged.toString(), "flagged", flagged.at("/duplicate/state").asText());
        JsonNode candidate = null;
        for (JsonNode c : flagged.at("/duplicate/candidates")) {
            candidate = masterId.equals(c.get("id").asText()) ? c : candidate;
        }
        assertTrue(flagged.toString(), candidate != null && candidate.get("distanceMetres").asInt() < 20);

        String merge = JZ + "/cases/" + dupId + "/duplicate/merge";
        Api.Reply bad = api.as("jz-dispatcher").post(merge, Map.of("master", "no-such-case"));
        assertEquals(400, bad.status());
        assertEquals("master", bad.text("field"));
        assertEquals(403, api.as("jz-grid1").post(merge, Map.of("master", masterId)).status());
        Api.Reply merged = api.as("jz-dispatcher").post(merge, Map.of("master", masterId, "note", "同一处垃圾"));
        assertEquals(merged.body().toString(), 200, merged.status());
        assertEquals("merged", merged.text("state"));
        assertEquals(master.text("number"), merged.text("mergedIntoNumber"));
        assertEquals(409, api.as("jz-dispatcher").post(merge, Map.of("master", masterId)).status());
        JsonNode masterJournal = api.get(JZ + "/cases/" + masterId + "/journal").body();
        assertTrue(masterJournal.toString(), masterJournal.toString().contains("并入重复件 " + reported.text("number")));

        JizhouCases.closeOverTheStaffApi(api, masterId, "永叔路12号垃圾已清运");

        Residents.Answer page = residents.get("/api/v1/resident/jizhou/reports/" + dupId, token);
        assertEquals(page.body().toString(), 200, page.status());
        assertEquals("closed", page.text("status"));
        assertEquals(reported.text("number"), page.text("number"));
        String notes = page.body().get("publicNotes").toString();
        assertTrue(notes, notes.contains("永叔路12号垃圾已清运"));
        assertTrue(notes, notes.contains("合并办理"));
    }
}
