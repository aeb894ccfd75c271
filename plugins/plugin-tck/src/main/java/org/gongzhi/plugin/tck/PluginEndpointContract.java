package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.plugin.tck.FixedPluginTenants.ENABLED_TENANT;
import static org.junit.Assume.assumeFalse;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.ws.rs.Path;

import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.junit.Before;
import org.junit.Test;

/**
 * The contract of a plugin's REST endpoints ({@link PluginEndpoint}): extend it in the plugin's
 * test sources and build the endpoints in {@link #createEndpoints} as DS would, with the storage
 * and tenants handed in. The endpoints are served as the platform serves them (section of the
 * class {@code @Path}, strict JSON binding, {@code InvalidInputException} → 400), without a server,
 * for tenant {@value FixedPluginTenants#ENABLED_TENANT} and a caller holding every staff role.
 *
 * <p>Checked: the shape (one literal section per class, unique, method paths relative to it);
 * the plugin's example requests answer 2xx; every {@code GET} answers without a server error,
 * also with odd path values; every method taking a body answers a missing body, malformed JSON,
 * a JSON array, an unknown field with a 4xx, and a body of nulls or of overlong texts without a
 * server error; {@code offset}/{@code limit} query parameters that are not numbers give a 4xx;
 * storage is used only for {@value FixedPluginTenants#ENABLED_TENANT} and the plugin's model,
 * and no storage call is refused.
 *
 * <pre>{@code
 * public class NotesEndpointContractTest extends PluginEndpointContract {
 *     protected EndpointsUnderTest createEndpoints(PluginStorage storage, PluginTenants tenants) {
 *         return EndpointsUnderTest.of(TemplateModel.ID, new NotesResource(storage, tenants), new GridsResource(storage))
 *                 .withExamples(EndpointRequest.post("notes", "{\"text\":\"周五网格例会\"}"), EndpointRequest.get("notes"));
 *     }
 * }
 * }</pre>
 */
public abstract class PluginEndpointContract {

    private static final Pattern SECTION = Pattern.compile("[A-Za-z0-9._~-]+");
    /** The staff roles that reach plugin endpoints. */
    static final Set<String> STAFF_ROLES = Set.of("district-admin", "dispatcher", "grid-worker", "department-handler",
            "mediator", "social-worker");
    /** Path values a caller may send in place of an id. */
    static final List<String> ODD_PATH_VALUES = List.of("tck-missing-1", "0", "-1", "%E4%B8%8D%E5%AD%98%E5%9C%A8",
            "x".repeat(300), "..", "a.b");

    protected InMemoryPluginStorage storage;
    protected EndpointsUnderTest endpoints;
    private EndpointHarness harness;

    /** Builds the plugin's endpoints with the storage and tenants of the contract. */
    protected abstract EndpointsUnderTest createEndpoints(PluginStorage storage, PluginTenants tenants);

    @Before
    public final void createEndpointsUnderTest() {
        EndpointsUnderTest probe = createEndpoints(new InMemoryPluginStorage(ENABLED_TENANT),
                FixedPluginTenants.builder().tenant(ENABLED_TENANT).build());
        assertThat(probe).as("createEndpoints must return the endpoints").isNotNull();
        FixedPluginTenants tenants = FixedPluginTenants.tck(probe.model());
        storage = new InMemoryPluginStorage(tenants.tenants().toArray(String[]::new));
        endpoints = createEndpoints(storage, tenants);
        harness = new EndpointHarness(endpoints.endpoints(), "tck-user", STAFF_ROLES);
    }

    private EndpointHarness.Reply call(EndpointRequest r) {
        return harness.call(ENABLED_TENANT, r);
    }

    @Test
    public void endpointsAreWellFormed() {
        assumeFalse("the plugin registers no PluginEndpoint", endpoints.endpoints().isEmpty());
        List<String> sections = new ArrayList<>();
        for (PluginEndpoint e : endpoints.endpoints()) {
            String name = e.getClass().getName();
            Path p = e.getClass().getAnnotation(Path.class);
            assertThat(p).as("%s carries @Path(\"<section>\")", name).isNotNull();
            String section = p.value();
            assertThat(section).as("%s: the class @Path is one literal path segment, without / or {variables}", name)
                    .matches(SECTION);
            assertThat(sections).as("%s: section %s is unique within the model", name, section).doesNotContain(section);
            sections.add(section);
        }
        for (EndpointHarness.Operation op : harness.operations()) {
            Path mp = op.method().getAnnotation(Path.class);
            if (mp != null) {
                assertThat(EndpointHarness.strip(mp.value())).as("%s: method paths are relative to the section", op)
                        .doesNotStartWith(op.section() + "/").isNotEqualTo(op.section());
                assertThat(mp.value()).as("%s: a method path does not name the platform's base", op)
                        .doesNotContain("/api/v1");
            }
        }
        for (String s : sections) {
            assertThat(harness.operations()).as("section %s has at least one resource method", s)
                    .anyMatch(op -> op.section().equals(s));
        }
    }

    @Test
    public void examplesAnswer2xx() {
        assumeFalse("no example requests (EndpointsUnderTest.withExamples)", endpoints.examples().isEmpty());
        for (EndpointRequest r : endpoints.examples()) {
            EndpointHarness.Reply reply = call(r);
            assertThat(reply.ok()).as("%s answered %s", r, reply).isTrue();
        }
        assertRulesKept();
    }

    @Test
    public void readsAnswerWithoutServerErrors() {
        assumeFalse("the plugin registers no PluginEndpoint", endpoints.endpoints().isEmpty());
        endpoints.examples().forEach(this::call);
        List<String> failures = new ArrayList<>();
        for (EndpointHarness.Operation op : harness.operations()) {
            if (!op.httpMethod().equals("GET")) {
                continue;
            }
            List<String> values = op.names().isEmpty() ? List.of("") : ODD_PATH_VALUES;
            for (String v : values) {
                EndpointRequest r = EndpointRequest.get(EndpointHarness.fill(op, v));
                EndpointHarness.Reply reply = call(r);
                if (reply.status() >= 500) {
                    failures.add(op + " → " + r + " answered " + reply);
                }
            }
        }
        assertThat(failures).as("reads that answered a server error").isEmpty();
        assertRulesKept();
    }

    @Test
    public void badBodiesAnswer4xx() {
        List<EndpointHarness.Operation> writes = harness.operations().stream().filter(EndpointHarness.Operation::hasBody).toList();
        assumeFalse("no endpoint method takes a body", writes.isEmpty());
        List<String> failures = new ArrayList<>();
        for (EndpointHarness.Operation op : writes) {
            String path = EndpointHarness.fill(op, "tck-1");
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("no body", null);
            bad.put("malformed JSON", "{\"");
            bad.put("a JSON array", "[]");
            bad.put("an unknown field", "{\"tckUnknownField\":1}");
            for (var b : bad.entrySet()) {
                EndpointHarness.Reply reply = call(new EndpointRequest(op.httpMethod(), path, b.getValue()));
                if (reply.status() < 400 || reply.status() >= 500) {
                    failures.add(op + " with " + b.getKey() + " answered " + reply + " (a 4xx expected)");
                }
            }
            for (var odd : oddBodies(op).entrySet()) {
                EndpointHarness.Reply reply = call(new EndpointRequest(op.httpMethod(), path, odd.getValue()));
                if (reply.status() >= 500) {
                    failures.add(op + " with " + odd.getKey() + " answered " + reply + " (a 2xx or 4xx expected)");
                }
            }
        }
        assertThat(failures).as("bad bodies not refused with a 4xx").isEmpty();
        assertRulesKept();
    }

    @Test
    public void pagingParametersThatAreNotNumbersAnswer4xx() {
        List<String> failures = new ArrayList<>();
        boolean any = false;
        for (EndpointHarness.Operation op : harness.operations()) {
            if (!op.httpMethod().equals("GET")) {
                continue;
            }
            for (String q : EndpointHarness.queryParameters(op.method())) {
                if (!q.equals("offset") && !q.equals("limit")) {
                    continue;
                }
                any = true;
                for (String v : List.of("abc", "-1", "99999999999999999999")) {
                    EndpointRequest r = EndpointRequest.get(EndpointHarness.fill(op, "tck-1") + "?" + q + "=" + v);
                    EndpointHarness.Reply reply = call(r);
                    if (reply.status() < 400 || reply.status() >= 500) {
                        failures.add(op + " → " + r + " answered " + reply + " (a 4xx expected)");
                    }
                }
            }
        }
        assumeFalse("no GET takes offset or limit", !any);
        assertThat(failures).as("paging parameters not refused").isEmpty();
    }

    /** A body of nulls and one of overlong texts, built from the body's record components (objects: {}). */
    private static Map<String, String> oddBodies(EndpointHarness.Operation op) {
        Parameter p = EndpointHarness.bodyParameter(op.method());
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("an empty object", "{}");
        if (p != null && p.getType().isRecord()) {
            StringBuilder nulls = new StringBuilder("{");
            StringBuilder longTexts = new StringBuilder("{");
            for (RecordComponent c : p.getType().getRecordComponents()) {
                if (nulls.length() > 1) {
                    nulls.append(',');
                }
                nulls.append('"').append(c.getName()).append("\":null");
                if (c.getType() == String.class) {
                    if (longTexts.length() > 1) {
                        longTexts.append(',');
                    }
                    longTexts.append('"').append(c.getName()).append("\":\"").append("长".repeat(20_000)).append('"');
                }
            }
            odd.put("every field null", nulls.append('}').toString());
            odd.put("overlong texts", longTexts.append('}').toString());
        }
        return odd;
    }

    /** Storage used within its rules, and only for the enabled tenant and the plugin's model. */
    private void assertRulesKept() {
        assertThat(storage.rejectedCalls()).as("storage calls the storage refused").isEmpty();
        assertThat(storage.calls()).as("storage calls outside tenant %s or model %s", ENABLED_TENANT, endpoints.model())
                .allMatch(c -> ENABLED_TENANT.equals(c.tenantId()) && endpoints.model().equals(c.modelId()));
    }
}
