package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.Test;

/**
 * The live event stream over HTTP (issue 15): a new case reaches a dispatcher's stream within a second of
 * its 201, never another district's stream nor a grid worker of another grid, and a stream resumed with
 * {@code Last-Event-ID} gets what it missed, once and in order.
 */
public class EventStreamTest extends SharedPlatformTest {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String GRID1 = "360802001001001";
    private static final Duration SECOND = Duration.ofSeconds(1);

    private int port() {
        return httpPort();
    }

    private EventStream open(String path, String user, String lastEventId) throws Exception {
        EventStream s = EventStream.open(port(), path, Tokens.of(user), lastEventId);
        assertEquals(200, s.status);
        assertTrue(s.contentType, s.contentType.startsWith("text/event-stream"));
        // the greeting comment says the subscription is being made; a probe case says it is in place
        Awaitility.await("greeting").atMost(Duration.ofSeconds(5)).until(() -> !s.comments.isEmpty());
        return s;
    }

    private String report(String district, String grid) throws Exception {
        Api.Reply r = api.as(district.equals("jizhou") ? "jz-grid1" : "dh-grid1").post("/api/v1/tenants/" + district
                + "/cases", Map.of("title", "井盖缺失", "categoryCode", "CM0101", "channel", "grid-worker", "gridCode", grid));
        assertEquals(r.toString(), 201, r.status());
        return r.text("id");
    }

    @Test
    public void aNewCaseReachesTheDistrictsStreamWithinASecondAndNoOtherDistrictsOrGrids() throws Exception {
        try (EventStream dispatcher = open(JIZHOU + "/events", "jz-dispatcher", null);
             EventStream donghu = open("/api/v1/tenants/donghu/events", "dh-dispatcher", null);
             EventStream otherGrid = open(JIZHOU + "/events", "jz-grid2", null);
             EventStream city = open("/api/v1/city/events", "city-admin", null)) {
            String warmUp = report("jizhou", GRID1);
            Awaitility.await("warm-up event").atMost(Duration.ofSeconds(5)).until(() -> !dispatcher.of(warmUp).isEmpty());

            long answered = 0;
            String id = null;
            long worst = 0;
            for (int i = 0; i < 5; i++) {
                id = report("jizhou", GRID1);
                answered = System.nanoTime();
                String caseId = id;
                Awaitility.await("event of " + caseId).atMost(SECOND).until(() -> !dispatcher.of(caseId).isEmpty());
                worst = Math.max(worst, dispatcher.of(caseId).get(0).arrivedNanos() - answered);
            }
            assertTrue("201 → event " + worst / 1_000_000 + " ms", worst < 1_000_000_000L);
            EventStream.Frame frame = dispatcher.of(id).get(0);
            assertEquals("report", frame.data().path("action").asText());
            assertEquals("reported", frame.data().path("to").asText());
            assertEquals(GRID1, frame.data().path("grid").asText());
            assertEquals(frame.id(), frame.data().path("id").asText());
            assertTrue("no title or reporter in an event: " + frame.data(), frame.data().path("title").isMissingNode()
                    && frame.data().path("reporterName").isMissingNode());
            String last = id;
            Awaitility.await("city stream").atMost(SECOND).until(() -> !city.of(last).isEmpty());

            String theirs = report("donghu", "360102001001001");
            Awaitility.await("donghu's own event").atMost(Duration.ofSeconds(2)).until(() -> !donghu.of(theirs).isEmpty());
            assertTrue(donghu.of(last).isEmpty());
            assertTrue(dispatcher.of(theirs).isEmpty());
            assertTrue("jz-grid2 works another grid", otherGrid.cases().isEmpty());
            EventStream.Frame mode = dispatcher.frames.stream().filter(f -> "mode".equals(f.event())).findFirst().orElseThrow();
            assertEquals("jizhou", mode.data().path("tenant").asText());
            assertEquals("normal", mode.data().path("mode").asText());
            assertEquals(3, city.frames.stream().filter(f -> "mode".equals(f.event())).count());
        }
    }

    @Test
    public void aResumedStreamGetsWhatItMissedOnceAndInOrder() throws Exception {
        String cursor;
        try (EventStream first = open(JIZHOU + "/events", "jz-dispatcher", null)) {
            String seen = report("jizhou", GRID1);
            Awaitility.await("seen").atMost(Duration.ofSeconds(5)).until(() -> !first.of(seen).isEmpty());
            cursor = first.of(seen).get(0).id();
        }
        String missed1 = report("jizhou", GRID1);
        String dispatched = missed1;
        Api.Reply reg = api.as("jz-dispatcher").post(JIZHOU + "/cases/" + dispatched + "/transitions",
                Map.of("action", "register", "note", "立案"));
        assertEquals(reg.toString(), 200, reg.status());
        String missed2 = report("jizhou", GRID1);
        try (EventStream resumed = open(JIZHOU + "/events", "jz-dispatcher", cursor)) {
            String live = report("jizhou", GRID1);
            Awaitility.await("resumed").atMost(Duration.ofSeconds(3)).until(() -> !resumed.of(live).isEmpty());
            List<String> order = resumed.cases().stream().map(f -> f.data().path("caseId").asText() + ":"
                    + f.data().path("action").asText()).toList();
            assertEquals(List.of(missed1 + ":report", missed1 + ":register", missed2 + ":report", live + ":report"), order);
        }
    }
}
