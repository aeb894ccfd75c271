package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The inbound contract over real HTTP on 127.0.0.1. */
public class DispatchEndpointTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private DepartmentSimulator sim;

    @After
    public void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    private URI start(SimulatorBuilder b) {
        sim = b.port(0).quiet(true).build();
        sim.start();
        return sim.dispatchUrl("jizhou", "CG");
    }

    @Test
    public void aRepeatedDispatchIsAnsweredWithTheSameReceiptAndGetsOneSetOfUpdates() throws Exception {
        Path updates = tmp.newFolder("updates").toPath();
        URI uri = start(DepartmentSimulator.builder().updatesDir(updates)
                .acceptAfter(Duration.ofMillis(20)).resolveAfter(Duration.ofMillis(60)));
        String id = UUID.randomUUID().toString();
        String body = TestHttp.dispatch(id).toString();

        HttpResponse<String> first = TestHttp.post(uri, body);
        HttpResponse<String> second = TestHttp.post(uri, body);
        HttpResponse<String> third = TestHttp.post(uri, body);

        assertThat(first.statusCode()).isEqualTo(202);
        JsonNode receipt = TestHttp.json(first.body());
        assertThat(receipt.get("dispatchId").asText()).isEqualTo(id);
        assertThat(receipt.get("receipt").asText()).matches("CG-\\d{8}-\\d{6}");
        assertThat(receipt.get("duplicate").asBoolean()).isFalse();
        for (HttpResponse<String> again : new HttpResponse[] {second, third}) {
            assertThat(again.statusCode()).isEqualTo(200);
            JsonNode r = TestHttp.json(again.body());
            assertThat(r.get("receipt").asText()).isEqualTo(receipt.get("receipt").asText());
            assertThat(r.get("duplicate").asBoolean()).isTrue();
        }
        assertThat(sim.awaitUpdates(Duration.ofSeconds(5))).isTrue();
        // a second set, if there were one, would be due within this time: the folder must not change meanwhile
        await("no second set of updates").during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                    try (var files = Files.list(updates)) {
                        assertThat(files.map(p -> p.getFileName().toString()))
                                .containsExactlyInAnyOrder(id + "-001-accepted.json", id + "-002-resolved.json");
                    }
                });
        StatsSnapshot stats = sim.stats();
        assertThat(stats.received()).isEqualTo(3);
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.duplicates()).isEqualTo(2);
        assertThat(stats.byDepartment().get("CG").duplicates()).isEqualTo(2);
        assertThat(stats.byTenant().get("jizhou").accepted()).isEqualTo(1);
        assertThat(stats.updates().sent()).isEqualTo(2);
        assertThat(sim.dispatches()).singleElement().satisfies(d -> {
            assertThat(d.dispatchId()).isEqualTo(id);
            assertThat(d.deliveries()).isEqualTo(3);
            assertThat(d.receipt()).isEqualTo(receipt.get("receipt").asText());
            assertThat(d.source()).isEqualTo("http");
        });
        JsonNode listed = TestHttp.json(TestHttp.get(sim.baseUrl().resolve("/admin/dispatches")).body());
        assertThat(listed.get(0).get("deliveries").asInt()).isEqualTo(3);
        assertThat(listed.get(0).get("firstSeen").asText()).isNotEmpty();
    }

    @Test
    public void aBadDispatchIsRefusedWith400NamingTheField() throws Exception {
        URI uri = start(DepartmentSimulator.builder().updates(false));
        for (String field : new String[] {"dispatchId", "tenant", "department", "caseId", "title"}) {
            ObjectNode d = TestHttp.dispatch(UUID.randomUUID().toString());
            d.remove(field);
            assertProblem(TestHttp.post(uri, d.toString()), 400, field);
        }
        assertProblem(TestHttp.post(uri, "{\"dispatchId\": "), 400, "body");
        assertProblem(TestHttp.post(uri, "[1,2]"), 400, "body");
        ObjectNode notUuid = TestHttp.dispatch("not-a-uuid");
        assertProblem(TestHttp.post(uri, notUuid.toString()), 400, "dispatchId");
        ObjectNode badTier = TestHttp.dispatch(UUID.randomUUID().toString()).put("tier", "urgent");
        assertProblem(TestHttp.post(uri, badTier.toString()), 400, "tier");
        ObjectNode badDue = TestHttp.dispatch(UUID.randomUUID().toString()).put("dueAt", "tomorrow");
        assertProblem(TestHttp.post(uri, badDue.toString()), 400, "dueAt");
        ObjectNode badLon = TestHttp.dispatch(UUID.randomUUID().toString()).put("longitude", "east");
        assertProblem(TestHttp.post(uri, badLon.toString()), 400, "longitude");
        ObjectNode blankTitle = TestHttp.dispatch(UUID.randomUUID().toString()).put("title", "  ");
        assertProblem(TestHttp.post(uri, blankTitle.toString()), 400, "title");

        assertThat(sim.stats().rejected()).containsEntry("400", 12L);
        assertThat(sim.stats().accepted()).isZero();
        assertThat(sim.dispatches()).isEmpty();
    }

    @Test
    public void theConfiguredHeaderIsRequired() throws Exception {
        URI uri = start(DepartmentSimulator.builder().updates(false).requireHeader("Authorization", "Bearer s3cret"));
        HttpResponse<String> none = TestHttp.post(uri, TestHttp.newDispatch());
        assertProblem(none, 401, null);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(TestHttp.post(uri, TestHttp.newDispatch(), "Authorization", "Bearer wrong"), 401, null);
        assertThat(TestHttp.post(uri, TestHttp.newDispatch(), "Authorization", "Bearer s3cret").statusCode())
                .isEqualTo(202);
        assertThat(sim.stats().rejected()).containsEntry("401", 2L);
    }

    @Test
    public void anApiKeyHeaderWorksAlike() throws Exception {
        URI uri = start(DepartmentSimulator.builder().updates(false).requireHeader("X-Api-Key: k1"));
        assertProblem(TestHttp.post(uri, TestHttp.newDispatch(), "X-Api-Key", "k2"), 401, null);
        assertThat(TestHttp.post(uri, TestHttp.newDispatch(), "X-Api-Key", "k1").statusCode()).isEqualTo(202);
    }

    @Test
    public void aPoisonTitleIsAlways422() throws Exception {
        URI uri = start(DepartmentSimulator.builder().updates(false).poisonTitle("POISON"));
        String body = TestHttp.dispatch(UUID.randomUUID().toString()).put("title", "垃圾 POISON 测试").toString();
        assertProblem(TestHttp.post(uri, body), 422, "title");
        assertProblem(TestHttp.post(uri, body), 422, "title");
        assertThat(TestHttp.post(uri, TestHttp.newDispatch()).statusCode()).isEqualTo(202);
        assertThat(sim.stats().rejected()).containsEntry("422", 2L);
        assertThat(sim.stats().accepted()).isEqualTo(1);
    }

    @Test
    public void aDispatchIdReusedForAnotherCaseIsAConflict() throws Exception {
        URI uri = start(DepartmentSimulator.builder().updates(false));
        String id = UUID.randomUUID().toString();
        assertThat(TestHttp.post(uri, TestHttp.dispatch(id).toString()).statusCode()).isEqualTo(202);
        ObjectNode other = TestHttp.dispatch(id).put("caseId", UUID.randomUUID().toString());
        assertProblem(TestHttp.post(uri, other.toString()), 409, "caseId");
        ObjectNode edited = TestHttp.dispatch(id).put("title", "标题改了");
        assertThat(TestHttp.post(uri, edited.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    public void aPathTemplateTakesTheDepartmentFromThePath() throws Exception {
        start(DepartmentSimulator.builder().updates(false).dispatchPath("/departments/{department}/dispatches"));
        URI cg = sim.dispatchUrl("jizhou", "CG");
        assertThat(cg.getPath()).isEqualTo("/departments/CG/dispatches");
        assertThat(TestHttp.post(cg, TestHttp.newDispatch()).statusCode()).isEqualTo(202);
        assertProblem(TestHttp.post(sim.dispatchUrl("jizhou", "GA"), TestHttp.newDispatch()), 400, "department");
        assertThat(TestHttp.post(sim.baseUrl().resolve("/departments/CG/elsewhere"), TestHttp.newDispatch())
                .statusCode()).isEqualTo(404);
        assertThat(sim.stats().byDepartment().get("GA").rejected()).containsEntry("400", 1L);
    }

    @Test
    public void otherMethodsAndMediaTypesAreRefused() throws Exception {
        URI uri = start(DepartmentSimulator.builder().updates(false));
        HttpResponse<String> get = TestHttp.get(uri);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> xml = TestHttp.CLIENT.send(java.net.http.HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/xml")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<dispatch/>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(xml, 415, null);
        assertThat(TestHttp.get(sim.baseUrl().resolve("/health")).statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(sim.baseUrl().resolve("/nowhere")).statusCode()).isEqualTo(404);
    }

    static void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode p = TestHttp.json(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith(Problem.TYPE_BASE);
        assertThat(p.get("title").asText()).isNotBlank();
        if (field == null) {
            assertThat(p.has("field")).isFalse();
        } else {
            assertThat(p.get("field").asText()).isEqualTo(field);
            assertThat(p.get("detail").asText()).startsWith(field);
        }
    }
}
