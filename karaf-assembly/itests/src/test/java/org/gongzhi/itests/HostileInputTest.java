package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input against the booted platform, generated from its own OpenAPI document (as served
 * at {@code /api/v1/openapi.yaml}), so that a new endpoint is covered without anyone adding it here.
 *
 * <p>Operations with the resident page's security scheme are called with a resident token, obtained like a
 * resident would: a one-time code read from the SMS provider simulator, then a session ({@link Residents}).
 *
 * <p>Runs in the test JVM (jqwik), not in the container: the platform is booted by Pax Exam in
 * server mode ({@link BootedPlatform}) and only spoken to over HTTP, like an attacker on the same
 * machine would.
 *
 * <ul>
 *   <li>{@link MalformedRequests}: ≥ 10,000 malformed requests across every operation with input,
 *   each with a token of a role the operation allows → no 5xx, every 4xx a problem naming the
 *   field at fault, nothing stored, health 200 after, no ERROR line in karaf.log.</li>
 *   <li>{@link CrossDistrict}: every operation × every role of another district (and every role of
 *   the district that must not see the object) → the same answer as for one that does not exist; the
 *   resident page's operations on a report with another resident's and another district's resident token.</li>
 *   <li>{@link Idempotency}: another caller's {@code Idempotency-Key}, or the hotline's key space,
 *   never answers with someone else's case.</li>
 * </ul>
 *
 * A report of every finding goes to {@code target/hostile-input-report.txt}.
 */
class HostileInputTest {

    static final int TRIES = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISTRICT = "jizhou";
    private static final String FAKE_DISTRICT = "atlantis";
    private static final String DEPARTMENT = "CG";
    private static final String FAKE_ID = "6f1e8a3c-0d4b-4e59-8c7a-2b9d1f0e4a11";
    private static final String RESIDENT1_NAME = "谢居民一";
    private static final String RESIDENT1_PHONE = "13911110001";
    private static final Path REPORT = Path.of("target", "hostile-input-report.txt");

    static BootedPlatform platform;
    static RawHttp http;
    static OpenApi document;
    static Mutations mutations;
    /** The reference case (reported by jz-resident1 in jz-grid1's grid, dispatched to CG) and its dispatch. */
    static String caseId;
    static String dispatchId;
    /** The reference report of the resident page (by the hostile run's resident, from a QR code). */
    static String residentCaseId;
    private static final String GRID = "360802001001001";
    static final List<String> report = new ArrayList<>();

    @BeforeContainer
    static void boot() throws Exception {
        platform = BootedPlatform.start("hostile");
        http = new RawHttp(platform.httpPort());
        RawHttp.Answer yaml = http.send("GET", "/api/v1/openapi.yaml", null, Map.of(), null);
        assertEquals(200, yaml.status());
        document = OpenApi.parse(yaml.text());
        Callers.residents = Residents.of(platform.httpPort());
        referenceCase();
        residentReport();
        Set<String> realIds = Set.of("donghu", "jizhou", "jiangbei", caseId, dispatchId, residentCaseId, GRID);
        mutations = new Mutations(document, new Mutations.Fixtures(DISTRICT, DEPARTMENT,
                HostileInputTest::validPathValue, Map.of("dispatchId", dispatchId, "caseId", caseId), realIds));
        Files.deleteIfExists(REPORT);
    }

    @AfterContainer
    static void stop() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, report, StandardCharsets.UTF_8);
        if (platform != null) {
            platform.close();
        }
    }

    /** Valid values of path parameters ("template#name"): the reference objects of Jizhou. */
    static String validPathValue(String templateAndName) {
        String name = templateAndName.substring(templateAndName.indexOf('#') + 1);
        String template = templateAndName.substring(0, templateAndName.indexOf('#'));
        return switch (name) {
            case "tenant" -> DISTRICT;
            case "department" -> DEPARTMENT;
            case "model" -> "three-colour-grid";
            case "code" -> GRID;
            default -> template.contains("/cases/{id}") ? caseId
                    : template.contains("/resident/{tenant}/reports/{id}") ? residentCaseId
                    : template.contains("/dispatches/{id}") ? dispatchId
                    : template.contains("/city/districts/{id}") ? "jiangbei"
                    : FAKE_ID;
        };
    }

    private static void referenceCase() throws Exception {
        String path = "/api/v1/tenants/" + DISTRICT + "/cases";
        RawHttp.Answer created = json("POST", path, "jz-resident1", Map.of("title", "楼道堆放杂物", "categoryCode", "CM0101",
                "channel", "resident-app", "longitude", 114.927, "latitude", 27.08, "reporterName", RESIDENT1_NAME,
                "reporterPhone", RESIDENT1_PHONE), Map.of());
        assertEquals(created.text(), 201, created.status());
        caseId = created.json().get("id").asText();
        RawHttp.Answer registered = json("POST", path + "/" + caseId + "/transitions", "jz-admin",
                Map.of("action", "register"), Map.of());
        assertEquals(registered.text(), 200, registered.status());
        RawHttp.Answer dispatched = json("POST", path + "/" + caseId + "/transitions", "jz-admin",
                Map.of("action", "dispatch", "leadDepartment", DEPARTMENT), Map.of());
        assertEquals(dispatched.text(), 200, dispatched.status());
        RawHttp.Answer dispatches = json("GET", "/api/v1/tenants/" + DISTRICT + "/dispatches", "jz-admin", null, Map.of());
        for (JsonNode d : dispatches.json().get("items")) {
            if (d.get("caseId").asText().equals(caseId)) {
                dispatchId = d.get("dispatchId").asText();
            }
        }
        assertTrue(dispatches.text(), dispatchId != null);
    }

    /** A report of the resident page by the run's resident (a token from a code read off the SMS simulator). */
    private static void residentReport() throws Exception {
        String token = Callers.token(Callers.resident(DISTRICT, Callers.RESIDENT_PHONE));
        Residents.Answer created = Callers.residents.post("/api/v1/resident/" + DISTRICT + "/reports", Map.of(
                "categoryCode", "CM0101", "description", "楼道堆放杂物", "gridCode", GRID, "channel", "qr-code",
                "evidence", List.of(), "publicConsent", false), token, Map.of());
        assertEquals(String.valueOf(created.body()), 201, created.status());
        residentCaseId = created.text("id");
    }

    static RawHttp.Answer json(String method, String path, String caller, Object body, Map<String, String> headers)
            throws Exception {
        Map<String, String> h = new LinkedHashMap<>(headers);
        byte[] bytes = null;
        if (body != null) {
            h.put("Content-Type", "application/json");
            bytes = body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
        }
        return http.send(method, path, caller == null ? null : Callers.token(caller), h, bytes);
    }

    /** What the hostile run must not change: counts, lists and the reference case, per district and city-wide. */
    static Map<String, String> state() throws Exception {
        Map<String, String> s = new TreeMap<>();
        for (String d : List.of("donghu", "jizhou", "jiangbei")) {
            String admin = Callers.user(d, "district-admin");
            s.put(d + " cases", total(json("GET", "/api/v1/tenants/" + d + "/cases?limit=1", admin, null, Map.of())));
            s.put(d + " dispatches", total(json("GET", "/api/v1/tenants/" + d + "/dispatches?limit=1", admin, null, Map.of())));
            s.put(d + " plugins", json("GET", "/api/v1/tenants/" + d + "/plugins", admin, null, Map.of()).text());
            s.put(d + " reports", Integer.toString(json("GET", "/api/v1/tenants/" + d + "/reports", admin, null,
                    Map.of()).json().size()));
        }
        JsonNode districts = json("GET", "/api/v1/city/districts", "city-admin", null, Map.of()).json();
        for (JsonNode d : districts) {
            s.put("district " + d.get("id").asText(), d.path("status").asText());
        }
        s.put("city reports", Integer.toString(json("GET", "/api/v1/city/reports", "city-admin", null, Map.of())
                .json().size()));
        JsonNode kase = json("GET", "/api/v1/tenants/" + DISTRICT + "/cases/" + caseId, "jz-admin", null, Map.of()).json();
        s.put("reference case", kase.path("status").asText("?") + " v" + kase.path("version").asText("?"));
        s.put("reference journal", Integer.toString(json("GET", "/api/v1/tenants/" + DISTRICT + "/cases/" + caseId
                + "/journal", "jz-admin", null, Map.of()).json().size()));
        return s;
    }

    /** A page's {@code total}, or the status and body when the page could not be read. */
    private static String total(RawHttp.Answer a) {
        return a.status() == 200 && a.json() != null && a.json().has("total") ? a.json().get("total").asText()
                : a.status() + " " + HostileRequest.abbreviate(a.text(), 200);
    }

    /** Findings grouped by (operation, input kind, outcome), with counts and a first example each. */
    static final class Findings {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final Map<String, String> examples = new ConcurrentHashMap<>();

        void add(String key, String example) {
            counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            examples.putIfAbsent(key, example);
        }

        boolean isEmpty() {
            return counts.isEmpty();
        }

        int total() {
            return counts.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        List<String> lines() {
            return new TreeMap<>(counts).entrySet().stream()
                    .map(e -> e.getValue().get() + " × " + e.getKey() + "\n      e.g. " + examples.get(e.getKey()))
                    .toList();
        }
    }

    @Group
    class MalformedRequests {

        static final Findings findings = new Findings();
        static final Map<String, AtomicInteger> perOperation = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> perStatus = new ConcurrentHashMap<>();
        static final AtomicInteger jettyPathRefusals = new AtomicInteger();
        static Map<String, String> before;
        static KarafLog log;
        static long started;

        @BeforeProperty
        void markState() throws Exception {
            before = state();
            log = KarafLog.markEnd(platform.karafLog());
            started = System.nanoTime();
        }

        @Provide
        Arbitrary<HostileRequest> malformed() {
            // every kind of input of every operation, weighted (body fields most): operations with more input get more
            List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<HostileRequest>>> kinds = new ArrayList<>();
            document.operations().forEach(op -> kinds.addAll(mutations.kinds(op)));
            return Arbitraries.frequencyOf(kinds.toArray(net.jqwik.api.Tuple.Tuple2[]::new));
        }

        @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
        void malformedInputIsRefusedCleanly(@ForAll("malformed") HostileRequest r) {
            Statistics.label("operation").collect(r.operation().toString());
            Statistics.label("kind").collect(r.kind());
            perOperation.computeIfAbsent(r.operation().toString(), k -> new AtomicInteger()).incrementAndGet();
            RawHttp.Answer a;
            try {
                a = http.send(r);
            } catch (Exception e) {
                findings.add(r.operation() + " | " + r.kind() + " | no answer: " + e.getClass().getSimpleName(),
                        r.describe());
                return;
            }
            perStatus.computeIfAbsent(Integer.toString(a.status()), k -> new AtomicInteger()).incrementAndGet();
            String outcome = judge(r, a);
            if (outcome != null) {
                findings.add(r.operation() + " | " + r.kind() + (r.target() == null ? "" : " @" + r.target())
                        + " | " + outcome, r.describe() + "\n      → " + a.status() + " " + a.contentType() + " "
                        + HostileRequest.abbreviate(a.text().replaceAll("\\s+", " "), 300));
            }
        }

        /**
         * Jetty's own 400 for a path it cannot decode ({@code %00}, encoded surrogates, {@code ..%2F}):
         * answered before any servlet or filter of ours runs, so it is plain HTML, not problem details.
         */
        private static boolean jettyRefusedThePath(HostileRequest r, RawHttp.Answer a) {
            return r.kind().startsWith("bad-path") && a.status() == 400 && a.text().contains("Bad Message 400");
        }

        /** What is wrong with the answer, or null. */
        private String judge(HostileRequest r, RawHttp.Answer a) {
            if (a.status() >= 500) {
                return a.status() + " " + mediaType(a);
            }
            if (a.status() < 300) {
                if (r.mustReject()) {
                    return "accepted " + a.status();
                }
                if (a.json() != null && a.json().path("created").asInt(0) > 0) {
                    return "accepted " + a.status() + " (created " + a.json().get("created").asInt() + ")";
                }
                return null;
            }
            if ((a.status() == 401 || a.status() == 403) && !r.kind().equals("bad-path-id")) { // another department's path: 403
                return "refused the allowed caller " + a.status() + " " + (a.json() == null ? "" : a.json().path("type").asText());
            }
            if (!a.isProblem() && jettyRefusedThePath(r, a)) {
                // known gap (issue 12): Jetty refuses such a path before any servlet runs; counted, not hidden
                jettyPathRefusals.incrementAndGet();
                return null;
            }
            if (!a.isProblem()) {
                return a.status() + " not problem+json (" + mediaType(a) + ")";
            }
            if (a.json().path("status").asInt() != a.status()) {
                return a.status() + " problem with status " + a.json().path("status");
            }
            if (a.status() == 400 && r.target() != null && !r.kind().startsWith("bad-path")
                    && (a.field() == null || a.field().isBlank())) {
                return "400 without field";
            }
            return null;
        }

        @AfterProperty
        void nothingChangedNothingBroke() throws Exception {
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            int sent = perOperation.values().stream().mapToInt(AtomicInteger::get).sum();
            Map<String, String> after = state();
            int health = json("GET", "/api/v1/health", null, null, Map.of()).status();
            List<String> errors = log.errorsSince();
            List<String> uncovered = document.operations().stream().filter(OpenApi.Operation::hasInput)
                    .map(OpenApi.Operation::toString).filter(op -> !perOperation.containsKey(op)).toList();
            List<String> changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k)))
                    .map(k -> k + ": " + before.get(k) + " → " + after.get(k)).toList();

            report.add("# Malformed requests: " + sent + " sent in " + seconds + " s, " + findings.total()
                    + " findings in " + findings.lines().size() + " groups");
            report.add("statuses: " + new TreeMap<>(perStatus));
            report.add("bad paths refused by Jetty before any servlet (HTML 400, a known gap): " + jettyPathRefusals.get());
            report.add("per operation: " + new TreeMap<>(perOperation));
            report.add("state changed: " + changed);
            report.add("health after: " + health);
            report.add("ERROR lines in karaf.log: " + errors.size());
            errors.stream().map(l -> "    " + HostileRequest.abbreviate(l, 400)).distinct().limit(40).forEach(report::add);
            report.add("## findings (count × operation | input kind @field | outcome)");
            findings.lines().forEach(l -> report.add("  " + l));
            report.add("");

            String summary = sent + " requests, " + findings.total() + " findings:\n  "
                    + findings.lines().stream().map(l -> l.split("\n")[0]).collect(Collectors.joining("\n  "))
                    + "\nstate changed: " + changed + "\nERROR lines: " + errors.size() + "\nsee " + REPORT.toAbsolutePath();
            assertTrue("at least 10,000 malformed requests: " + sent, sent >= Math.min(TRIES, 10_000));
            assertTrue("operations never tried: " + uncovered, uncovered.isEmpty());
            assertEquals("health after the run", 200, health);
            assertTrue(summary, findings.isEmpty());
            assertTrue("state changed: " + changed, changed.isEmpty());
            assertTrue("ERROR lines in karaf.log: " + errors.size() + "\n" + String.join("\n", errors.stream()
                    .limit(10).toList()), errors.isEmpty());
        }
    }

    private static String mediaType(RawHttp.Answer a) {
        return a.contentType().isEmpty() ? "no content type" : a.contentType().split(";")[0];
    }

    @Group
    class CrossDistrict {

        /**
         * Every operation of the document with every role of another district, and every role of
         * the district that must not reach the object, answers exactly as for something that does
         * not exist: same status, same media type, same body (but its {@code instance}).
         */
        @Example
        void anotherDistrictCannotTellOurObjectsFromMissingOnes() throws Exception {
            List<String> leaks = new ArrayList<>();
            int compared = 0;
            for (OpenApi.Operation op : document.operations()) {
                if (op.residentToken() && !op.path().contains("{id}")) {
                    continue; // a resident's own list and reports: nothing of anyone else's to reach
                }
                if (!op.residentToken() && (op.roles().isEmpty()
                        || op.roles().size() == OpenApi.ALL_ROLES.size() && !op.path().contains("{"))) {
                    continue; // open to everyone (health, the document, the district list, the plugin list, the resident page)
                }
                for (String[] pair : probes(op)) {
                    String caller = pair[0];
                    RawHttp.Answer real = send(op, caller, false, pair[1].equals("same-district"));
                    RawHttp.Answer missing = send(op, caller, true, pair[1].equals("same-district"));
                    compared++;
                    String why = difference(real, missing);
                    if (why != null) {
                        leaks.add(op + " as " + caller + " (" + pair[1] + "): " + why);
                    }
                }
            }
            report.add("# Cross-district sweep: " + compared + " pairs compared, " + leaks.size() + " differ");
            leaks.forEach(l -> report.add("  " + l));
            report.add("");
            assertTrue(compared + " pairs, " + leaks.size() + " differ:\n" + String.join("\n", leaks), leaks.isEmpty());
        }

        /** {caller, why} pairs that must not reach {@code op}'s objects in Jizhou. */
        private List<String[]> probes(OpenApi.Operation op) {
            List<String[]> probes = new ArrayList<>();
            if (op.residentToken()) { // the reference report: another resident of the district, one of another district
                probes.add(new String[] {Callers.resident(DISTRICT, "13700000002"), "same-district"});
                probes.add(new String[] {Callers.resident("donghu", "13700000003"), "same-district"});
                return probes;
            }
            boolean city = op.path().startsWith("/api/v1/city/");
            if (!city) {
                Callers.districtUsers("donghu").forEach(u -> probes.add(new String[] {u, "other-district"}));
                probes.add(new String[] {"dept:donghu/" + DEPARTMENT, "other-district"});
            }
            boolean hasId = op.path().contains("{id}");
            if (op.path().contains("/cases/{id}")) {
                // may not see this case: the city (never cases), another resident, grid worker, department
                for (String u : List.of("city-admin", "jz-resident2", "jz-grid2", "jz-ga")) {
                    probes.add(new String[] {u, "same-district"});
                }
            } else if (hasId) { // roles the operation does not allow at all
                for (String role : OpenApi.ALL_ROLES) {
                    if (!op.roles().contains(role)) {
                        probes.add(new String[] {Callers.user(DISTRICT, role), "same-district"});
                    }
                }
            } else if (city) { // the city's own operations: no district role reaches them
                Callers.districtUsers(DISTRICT).forEach(u -> probes.add(new String[] {u, "city-only"}));
            }
            return probes;
        }

        /**
         * {@code op} with a valid body; its ids those of Jizhou's reference objects, or (missing) of
         * objects that do not exist: another district's id for {tenant} (unless same-district) and a
         * fresh id for the others.
         */
        private RawHttp.Answer send(OpenApi.Operation op, String caller, boolean missing, boolean sameDistrict)
                throws Exception {
            String path = op.path();
            for (OpenApi.Param p : op.params()) {
                if (p.in().equals("path")) {
                    String real = validPathValue(op.path() + "#" + p.name());
                    if (op.path().startsWith("/api/v1/city/districts/{id}") && p.name().equals("id")) {
                        real = DISTRICT; // the city's lifecycle operations: a real district; DELETE without force (it has cases)
                    }
                    String value = !missing ? real : p.name().equals("tenant") ? (sameDistrict ? real : FAKE_DISTRICT)
                            : p.name().equals("department") || p.name().equals("model") ? real
                            : op.path().startsWith("/api/v1/city/districts/{id}") ? FAKE_DISTRICT : FAKE_ID;
                    path = path.replace("{" + p.name() + "}", value);
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            byte[] body = null;
            if (!op.bodies().isEmpty() && !op.bodies().get(0).examples().isEmpty()) {
                OpenApi.Body b = op.bodies().get(0);
                JsonNode example = b.examples().get(0).deepCopy();
                if (example.isObject()) {
                    if (example.has("dispatchId")) {
                        ((ObjectNode) example).put("dispatchId", missing ? FAKE_ID : dispatchId);
                    }
                    body = JSON.writeValueAsBytes(example);
                } else {
                    body = example.asText().getBytes(StandardCharsets.UTF_8);
                }
                headers.put("Content-Type", b.mediaType());
            } else if (!op.bodies().isEmpty()) {
                headers.put("Content-Type", op.bodies().get(0).mediaType());
                body = "{}".getBytes(StandardCharsets.UTF_8);
            }
            return http.send(op.method(), path, Callers.token(caller), headers, body);
        }

        private String difference(RawHttp.Answer real, RawHttp.Answer missing) {
            if (real.status() < 400) {
                return "reached it: " + real.status() + " " + HostileRequest.abbreviate(real.text(), 200);
            }
            if (real.status() != missing.status()) {
                return "status " + real.status() + " vs missing " + missing.status() + ": "
                        + HostileRequest.abbreviate(real.text(), 200);
            }
            if (!mediaType(real).equals(mediaType(missing))) {
                return "media type " + mediaType(real) + " vs " + mediaType(missing);
            }
            JsonNode a = withoutInstance(normalised(real));
            JsonNode b = withoutInstance(normalised(missing));
            if (a == null ? b != null : !a.equals(b)) {
                return "body " + real.text() + " vs missing " + missing.text();
            }
            return null;
        }

        /** The body with the ids the caller sent (which it may read back) replaced by one placeholder. */
        private JsonNode normalised(RawHttp.Answer a) {
            String text = a.text();
            for (String id : List.of(DISTRICT, FAKE_DISTRICT, caseId, dispatchId, residentCaseId, FAKE_ID)) {
                text = text.replace(id, "«id»");
            }
            try {
                return JSON.readTree(text);
            } catch (IOException notJson) {
                return JSON.getNodeFactory().textNode(text);
            }
        }

        private JsonNode withoutInstance(JsonNode body) {
            if (body instanceof ObjectNode o) {
                ObjectNode copy = o.deepCopy();
                copy.remove("instance");
                return copy;
            }
            return body;
        }
    }

    @Group
    class Idempotency {

        private final String cases = "/api/v1/tenants/" + DISTRICT + "/cases";

        @Example
        void anotherCallersKeyNeverAnswersWithTheirCase() throws Exception {
            String key = "replay-" + UUID.randomUUID();
            RawHttp.Answer first = json("POST", cases, "jz-resident1", residentCase(RESIDENT1_NAME, RESIDENT1_PHONE, null),
                    Map.of("Idempotency-Key", key));
            assertEquals(first.text(), 201, first.status());
            String theirs = first.json().get("id").asText();
            List<String> leaks = new ArrayList<>();
            for (String other : List.of("jz-resident2", "jz-dispatcher", "jz-admin")) {
                leaks.addAll(leaks(other, "Idempotency-Key", json("POST", cases, other, replay(other, null),
                        Map.of("Idempotency-Key", key)), theirs, RESIDENT1_NAME, RESIDENT1_PHONE));
                leaks.addAll(leaks(other, "body idempotencyKey", json("POST", cases, other, replay(other, key),
                        Map.of()), theirs, RESIDENT1_NAME, RESIDENT1_PHONE));
            }
            RawHttp.Answer own = json("POST", cases, "jz-resident1", residentCase(RESIDENT1_NAME, RESIDENT1_PHONE, null),
                    Map.of("Idempotency-Key", key));
            report.add("# Idempotency replay: " + leaks.size() + " leaks");
            leaks.forEach(l -> report.add("  " + l));
            assertTrue(String.join("\n", leaks), leaks.isEmpty());
            assertEquals("the owner's own replay still answers 200 with the case", 200, own.status());
            assertEquals(theirs, own.json().get("id").asText());
        }

        @Example
        void hotlineKeysAreOutOfReach() throws Exception {
            String ticket = "HX" + System.nanoTime();
            String csv = "工单编号,受理时间,来电人,联系电话,诉求内容,诉求分类,街道,社区,经度,纬度\n" + ticket
                    + ",2026-03-10 09:15:00,热线来电人,13933330003,阳明小区东门外有人占道卖菜。,市容环境/占道经营,古南街道,阳明社区,114.927,27.08\n";
            RawHttp.Answer batch = http.send("POST", "/api/v1/tenants/" + DISTRICT + "/hotline/batches",
                    Callers.token("jz-admin"), Map.of("Content-Type", "text/csv; charset=UTF-8"),
                    csv.getBytes(StandardCharsets.UTF_8));
            assertEquals(batch.text(), 200, batch.status());
            assertEquals(batch.text(), 1, batch.json().get("created").asInt());
            String hotlineCase = batch.json().get("rows").get(0).get("caseId").asText();
            List<String> leaks = new ArrayList<>();
            for (String user : List.of("jz-resident1", "jz-dispatcher", "jz-admin", "jz-grid1")) {
                leaks.addAll(leaks(user, "Idempotency-Key hotline:", json("POST", cases, user, replay(user, null),
                        Map.of("Idempotency-Key", "hotline:" + ticket)), hotlineCase, "热线来电人", "13933330003"));
                leaks.addAll(leaks(user, "body idempotencyKey hotline:", json("POST", cases, user,
                        replay(user, "hotline:" + ticket), Map.of()), hotlineCase, "热线来电人", "13933330003"));
            }
            report.add("# Hotline key space: " + leaks.size() + " leaks");
            leaks.forEach(l -> report.add("  " + l));
            assertTrue(String.join("\n", leaks), leaks.isEmpty());
        }

        private List<String> leaks(String who, String how, RawHttp.Answer a, String theirId, String name, String phone) {
            List<String> leaks = new ArrayList<>();
            if (a.json() != null && theirId.equals(a.json().path("id").asText())) {
                leaks.add(who + " via " + how + " got the case " + theirId + " (" + a.status() + ")");
            }
            if (a.text().contains(name) || a.text().contains(phone)) {
                leaks.add(who + " via " + how + " read the reporter's name or phone (" + a.status() + ")");
            }
            // 201 (a new case), 200 (the caller's own earlier case under that key), 409 without data: all fine
            if (a.status() >= 500 || a.status() != 201 && a.status() != 200 && a.status() != 409) {
                leaks.add(who + " via " + how + " answered " + a.status() + " " + HostileRequest.abbreviate(a.text(), 200));
            }
            return leaks;
        }

        /** A valid report of {@code who} (resident channel for residents, grid-worker channel otherwise). */
        private Map<String, Object> replay(String who, String bodyKey) {
            Map<String, Object> body = new LinkedHashMap<>(residentCase("另一位居民", "13922220002", bodyKey));
            if (!who.contains("resident")) {
                body.put("channel", "grid-worker");
            }
            return body;
        }

        private Map<String, Object> residentCase(String name, String phone, String bodyKey) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "路灯不亮", "categoryCode", "CM0101",
                    "channel", "resident-app", "longitude", 114.927, "latitude", 27.08, "reporterName", name,
                    "reporterPhone", phone));
            if (bodyKey != null) {
                body.put("idempotencyKey", bodyKey);
            }
            return body;
        }
    }
}
