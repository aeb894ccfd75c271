package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Department systems over real HTTP and files: Jizhou's city management (CG) is department
 * simulator A (HTTP, an API key header, progress posted back with the department's Keycloak
 * service account); market supervision (SJ) is simulator A too until a test points it at
 * simulator B through Config Admin; sanitation (HW) exchanges XML files. Connectors come from
 * {@code etc/org.gongzhi.connector-*.cfg}, as an operator would override the definition.
 */
public class DepartmentIntegrationTest extends PlatformTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String POISON = "【退件测试】";
    private static final String KEY = "X-Api-Key";

    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private BundleContext bundles;

    @Override
    protected Option[] extraOptions(int httpPort, String keycloakUrl) throws IOException {
        String a = Departments.start(httpPort, keycloakUrl, POISON, KEY + ":jz-cg-key", true);
        String b = Departments.start(httpPort, keycloakUrl, null, null, false);
        Path exchange = Files.createTempDirectory("gongzhi-exchange");
        String connector = "etc/org.gongzhi.connector-";
        return new Option[] {
            editConfigurationFilePut("etc/system.properties", "gongzhi.test.simulator.a", a),
            editConfigurationFilePut("etc/system.properties", "gongzhi.test.simulator.b", b),
            editConfigurationFilePut("etc/system.properties", "gongzhi.test.exchange", exchange.toString()),
            editConfigurationFilePut("etc/system.properties", "gongzhi.test.example.client",
                    Path.of("../../docs/integration/example-client.sh").toAbsolutePath().normalize().toString()),
            editConfigurationFilePut("etc/org.gongzhi.integration.cfg", "publicUrl", "http://127.0.0.1:" + httpPort),
            editConfigurationFilePut("etc/org.gongzhi.integration.cfg", "retryBaseSeconds", "1"),
            editConfigurationFilePut("etc/org.gongzhi.integration.cfg", "retryMaxSeconds", "2"),
            editConfigurationFilePut("etc/org.gongzhi.integration.cfg", "maxAttempts", "100"),
            editConfigurationFilePut(connector + "jizhou-cg.cfg", "tenant", "jizhou"),
            editConfigurationFilePut(connector + "jizhou-cg.cfg", "department", "CG"),
            editConfigurationFilePut(connector + "jizhou-cg.cfg", "type", "http"),
            editConfigurationFilePut(connector + "jizhou-cg.cfg", "url", a + "/dispatches/{tenant}/{department}"),
            editConfigurationFilePut(connector + "jizhou-cg.cfg", "authHeader", KEY),
            editConfigurationFilePut(connector + "jizhou-cg.cfg", "authValue", "jz-cg-key"),
            editConfigurationFilePut(connector + "jizhou-sj.cfg", "tenant", "jizhou"),
            editConfigurationFilePut(connector + "jizhou-sj.cfg", "department", "SJ"),
            editConfigurationFilePut(connector + "jizhou-sj.cfg", "type", "http"),
            editConfigurationFilePut(connector + "jizhou-sj.cfg", "url", a + "/dispatches/{tenant}/{department}"),
            editConfigurationFilePut(connector + "jizhou-sj.cfg", "authHeader", KEY),
            editConfigurationFilePut(connector + "jizhou-sj.cfg", "authValue", "jz-cg-key"),
            editConfigurationFilePut(connector + "jizhou-hw.cfg", "tenant", "jizhou"),
            editConfigurationFilePut(connector + "jizhou-hw.cfg", "department", "HW"),
            editConfigurationFilePut(connector + "jizhou-hw.cfg", "type", "file"),
            editConfigurationFilePut(connector + "jizhou-hw.cfg", "format", "xml"),
            editConfigurationFilePut(connector + "jizhou-hw.cfg", "directory", exchange + "/{tenant}-{department}/out"),
            editConfigurationFilePut(connector + "jizhou-hw.cfg", "updatesDirectory", exchange + "/{tenant}-{department}/in"),
        };
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Reports, registers and dispatches a Jizhou case to {@code lead}; returns the case id. */
    private String dispatched(String title, String lead) throws Exception {
        Api.Reply r = api.post("/api/v1/tenants/jizhou/cases", Map.of("title", title, "categoryCode", "CM0101",
                "channel", "grid-worker", "longitude", 114.927, "latitude", 27.08));
        assertEquals(r.body().toString(), 201, r.status());
        String id = r.text("id");
        assertEquals(200, api.post("/api/v1/tenants/jizhou/cases/" + id + "/transitions", Map.of("action", "register")).status());
        Api.Reply d = api.post("/api/v1/tenants/jizhou/cases/" + id + "/transitions",
                Map.of("action", "dispatch", "leadDepartment", lead));
        assertEquals(d.body().toString(), 200, d.status());
        return id;
    }

    /** The outbox records of a case. */
    private List<JsonNode> dispatchesOf(String caseId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode d : api.get("/api/v1/tenants/jizhou/dispatches?limit=500").body().get("items")) {
            if (d.get("caseId").asText().equals(caseId)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The lead department's outbox record of a case (a triage may add a co-handling copy). */
    private JsonNode dispatchOf(String caseId) throws Exception {
        List<JsonNode> lead = dispatchesOf(caseId).stream().filter(d -> d.get("lead").asBoolean()).toList();
        assertEquals(lead.toString(), 1, lead.size());
        return lead.get(0);
    }

    private String status(String caseId) throws Exception {
        return api.get("/api/v1/tenants/jizhou/cases/" + caseId).text("status");
    }

    private static JsonNode admin(String simulator, String method, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(System.getProperty(simulator) + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(path, 200, r.statusCode());
        return JSON.readTree(r.body());
    }

    /** Simulator's records of the given dispatch ids. */
    private static Map<String, JsonNode> seenBy(String simulator, Set<String> dispatchIds) throws Exception {
        Map<String, JsonNode> seen = new java.util.HashMap<>();
        for (JsonNode d : admin(simulator, "GET", "/admin/dispatches")) {
            if (dispatchIds.contains(d.get("dispatchId").asText())) {
                seen.put(d.get("dispatchId").asText(), d);
            }
        }
        return seen;
    }

    private static void await(String what, Duration atMost, org.awaitility.core.ThrowingRunnable check) {
        Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(check);
    }

    private void awaitState(String caseId, String state) {
        await(state, Duration.ofSeconds(30), () -> assertEquals(state, dispatchOf(caseId).get("state").asText()));
    }

    private static String deptToken(String department) {
        return Tokens.ofDepartment("jizhou", "dept-" + department.toLowerCase(), "demo-jizhou-" + department.toLowerCase() + "-secret");
    }

    // ---- tests --------------------------------------------------------------------------------

    @Test
    public void aDispatchReachesTheDepartmentOverHttpAndItsProgressComesBack() throws Exception {
        String caseId = dispatched("小区门口垃圾堆积", "CG");
        awaitState(caseId, "delivered");
        JsonNode d = dispatchOf(caseId);
        JsonNode seen = seenBy("gongzhi.test.simulator.a", Set.of(d.get("dispatchId").asText())).get(d.get("dispatchId").asText());
        assertEquals(caseId, seen.get("caseId").asText());
        assertEquals(1, seen.get("deliveries").asInt());
        assertEquals(seen.get("receipt").asText(), d.get("receipt").asText());

        // the simulator answers with accepted, in-progress and resolved, posted with its service account
        await("resolved by the department", Duration.ofSeconds(60), () -> assertEquals("feedback", status(caseId)));
        JsonNode journal = api.get("/api/v1/tenants/jizhou/cases/" + caseId + "/journal").body();
        List<String> actions = new ArrayList<>();
        journal.forEach(e -> actions.add(e.path("action").asText()));
        assertTrue(actions.toString(), String.join(",", actions).contains("dispatch,accept,progress,feedback"));
        JsonNode feedback = journal.get(journal.size() - 1);
        assertEquals("service-account-dept-cg", feedback.get("actor").asText()); // Keycloak's name of the client's account
        assertFalse(feedback.get("note").asText().isBlank());
    }

    @Test
    public void anOutageAndARestartLoseNothingAndDeliverEachDispatchOnce() throws Exception {
        admin("gongzhi.test.simulator.a", "POST", "/admin/down?mode=refuse");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cases.add(dispatched("停电期间派遣 " + i, "CG"));
        }
        await("attempted while down", Duration.ofSeconds(30), () -> {
            for (String c : cases) {
                JsonNode d = dispatchOf(c);
                assertEquals("pending", d.get("state").asText());
                assertTrue(d.toString(), d.get("attempts").asInt() >= 1);
            }
        });
        // the platform's integration restarts during the outage
        Bundle integration = java.util.Arrays.stream(bundles.getBundles())
                .filter(b -> "org.gongzhi.integration".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        integration.stop();
        integration.start();
        admin("gongzhi.test.simulator.a", "POST", "/admin/up");

        Set<String> ids = new HashSet<>();
        await("all delivered after the outage", Duration.ofSeconds(60), () -> {
            ids.clear();
            for (String c : cases) {
                JsonNode d = dispatchOf(c);
                assertEquals("delivered", d.get("state").asText());
                ids.add(d.get("dispatchId").asText());
            }
        });
        Map<String, JsonNode> seen = seenBy("gongzhi.test.simulator.a", ids);
        assertEquals(cases.size(), seen.size());
        seen.values().forEach(s -> assertFalse(s.toString(), s.get("acceptedAt").isNull()));
        Set<String> receipts = new HashSet<>();
        seen.values().forEach(s -> receipts.add(s.get("receipt").asText()));
        assertEquals(cases.size(), receipts.size());
    }

    @Test
    public void aPoisonDispatchIsADeadLetterAndIsDeliveredOnceItsConnectorIsFixedAndItIsReplayed() throws Exception {
        String caseId = dispatched(POISON + " 无照经营", "SJ");
        awaitState(caseId, "dead");
        JsonNode dead = dispatchOf(caseId);
        assertTrue(dead.toString(), dead.get("lastError").asText().contains("422"));
        String id = dead.get("dispatchId").asText();
        JsonNode listed = api.get("/api/v1/tenants/jizhou/dispatches?state=dead").body().get("items");
        assertTrue(listed.findValuesAsText("dispatchId").contains(id));
        assertEquals(200, api.post("/api/v1/tenants/jizhou/dispatches/" + id + "/replay", "{}").status());
        awaitState(caseId, "dead");

        // the operator points SJ at its new system (simulator B) through Config Admin: live, no restart
        Configuration sj = sjConfiguration();
        Dictionary<String, Object> props = sj.getProperties();
        props.put("url", System.getProperty("gongzhi.test.simulator.b") + "/dispatches/{tenant}/{department}");
        props.remove("authHeader");
        props.remove("authValue");
        sj.update(props);
        await("replayed and delivered to B", Duration.ofSeconds(30), () -> {
            Api.Reply r = api.post("/api/v1/tenants/jizhou/dispatches/" + id + "/replay", "{}");
            assertTrue(r.body().toString(), r.status() == 200 || r.status() == 409);
            assertEquals("delivered", dispatchOf(caseId).get("state").asText());
        });
        assertTrue(seenBy("gongzhi.test.simulator.b", Set.of(id)).containsKey(id));
        assertEquals(409, api.post("/api/v1/tenants/jizhou/dispatches/" + id + "/replay", "{}").status());

        // a new SJ dispatch goes to B as well
        String next = dispatched("食品经营许可过期", "SJ");
        awaitState(next, "delivered");
        String nextId = dispatchOf(next).get("dispatchId").asText();
        assertTrue(seenBy("gongzhi.test.simulator.b", Set.of(nextId)).containsKey(nextId));
        assertTrue(seenBy("gongzhi.test.simulator.a", Set.of(nextId)).isEmpty());
    }

    private Configuration sjConfiguration() throws Exception {
        for (Configuration c : configAdmin.listConfigurations("(service.factoryPid=org.gongzhi.connector)")) {
            if ("SJ".equals(c.getProperties().get("department"))) {
                return c;
            }
        }
        throw new AssertionError("no connector configuration of SJ");
    }

    @Test
    public void aFileConnectorWritesXmlAndReadsProgressFiles() throws Exception {
        String caseId = dispatched("垃圾清运车漏液", "HW");
        awaitState(caseId, "delivered");
        String id = dispatchOf(caseId).get("dispatchId").asText();
        Path dir = Path.of(System.getProperty("gongzhi.test.exchange"), "jizhou-HW");
        String xml = Files.readString(dir.resolve("out").resolve(id + ".xml"), StandardCharsets.UTF_8);
        assertTrue(xml, xml.contains("<dispatch>") && xml.contains("<dispatchId>" + id + "</dispatchId>") && xml.contains("垃圾清运车漏液"));

        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("hw-1.json"), "{\"updateId\":\"hw-1\",\"dispatchId\":\"" + id
                + "\",\"status\":\"resolved\",\"note\":\"已清洗路面\",\"photos\":[\"https://img.example/hw.jpg\"]}");
        Files.writeString(in.resolve("hw-2.json"), "{\"updateId\":\"hw-2\",\"dispatchId\":\"" + java.util.UUID.randomUUID()
                + "\",\"status\":\"accepted\"}");
        await("applied", Duration.ofSeconds(30), () -> assertEquals("feedback", status(caseId)));
        await("files sorted", Duration.ofSeconds(30), () -> {
            assertTrue(Files.exists(in.resolve(".done").resolve("hw-1.json")));
            assertTrue(Files.exists(in.resolve(".error").resolve("hw-2.json")));
            assertTrue(Files.readString(in.resolve(".error").resolve("hw-2.json.reason.txt")).contains("NotFoundException"));
        });
    }

    @Test
    public void departmentUpdatesOverRestGetClearAnswersAndChangeNothingWhenRefused() throws Exception {
        String caseId = dispatched("占道经营", "GA");
        awaitState(caseId, "unrouted");
        String id = dispatchOf(caseId).get("dispatchId").asText();
        Api ga = api.withToken(deptToken("GA"));
        Api cg = api.withToken(deptToken("CG"));
        String path = "/api/v1/tenants/jizhou/departments/GA/updates";
        String accepted = "{\"updateId\":\"ga-1\",\"dispatchId\":\"" + id + "\",\"status\":\"accepted\",\"sequence\":1}";

        assertEquals(403, cg.post(path, accepted).status());
        Api.Reply wrong = cg.post("/api/v1/tenants/jizhou/departments/CG/updates", accepted);
        assertEquals(403, wrong.status());
        assertEquals("department", wrong.text("field"));
        assertEquals(404, ga.post(path, "{\"updateId\":\"ga-0\",\"dispatchId\":\"" + java.util.UUID.randomUUID()
                + "\",\"status\":\"accepted\"}").status());
        Api.Reply bad = ga.post(path, "{\"updateId\":\"ga-x\",\"dispatchId\":\"" + id + "\",\"status\":\"done\"}");
        assertEquals(400, bad.status());
        assertEquals("status", bad.text("field"));
        assertEquals("dispatched", status(caseId));

        Api.Reply first = ga.post(path, accepted);
        assertEquals(first.body().toString(), 200, first.status());
        assertEquals("accept", first.body().get("steps").get(0).asText());
        Api.Reply again = ga.post(path, accepted);
        assertEquals(200, again.status());
        assertTrue(again.body().get("duplicate").asBoolean());
        Api.Reply stale = ga.post(path, "{\"updateId\":\"ga-2\",\"dispatchId\":\"" + id
                + "\",\"status\":\"in-progress\",\"note\":\"旧消息\",\"sequence\":1}");
        assertEquals(409, stale.status());
        assertEquals("sequence", stale.text("field"));
        assertEquals("handling", status(caseId));
        assertEquals(403, api.as("jz-grid1").post(path, accepted).status());
    }

    /** What docs/integration/example-client.sh printed and answered. */
    private record Run(int exit, String out, String err) {
    }

    /** Runs the integration guide's example client as department GA (bash, curl and jq on the PATH). */
    private static Run exampleClient(String sequence, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", System.getProperty("gongzhi.test.example.client")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("example-client", ".out");
        Path err = Files.createTempFile("example-client", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("GONGZHI_URL", "http://127.0.0.1:" + Integer.getInteger("gongzhi.test.http.port"));
        pb.environment().put("KEYCLOAK_URL", System.getProperty("gongzhi.test.keycloak.url"));
        pb.environment().put("DEPARTMENT", "GA");
        if (sequence != null) {
            pb.environment().put("SEQUENCE", sequence);
        }
        Process p = pb.start();
        assertTrue("example client still running after 60 s", p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    @Test
    public void theGuidesExampleClientTakesATokenAndReportsUpdates() throws Exception {
        assertEquals("curl or jq missing: ./gongzhi setup installs them", 0, new ProcessBuilder("bash", "-c",
                "command -v jq && command -v curl").redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
        String caseId = dispatched("井盖缺失", "GA"); // GA has no connector: nobody else reports on it
        awaitState(caseId, "unrouted");
        String id = dispatchOf(caseId).get("dispatchId").asText();

        Run accepted = exampleClient("1", id, "accepted");
        assertEquals(accepted.err(), 0, accepted.exit());
        assertEquals("accept", JSON.readTree(accepted.out()).get("steps").get(0).asText());
        assertEquals("handling", status(caseId));

        Run refused = exampleClient(null, id, "done");
        assertEquals(1, refused.exit());
        assertTrue(refused.err(), refused.err().contains("refused: HTTP 400"));

        Run resolved = exampleClient("2", id, "resolved", "井盖已补装");
        assertEquals(resolved.err(), 0, resolved.exit());
        assertEquals("feedback", status(caseId));
    }
}
