package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.core.casework.workflow.Jizhou.FLOW;
import static org.gongzhi.core.casework.workflow.Jizhou.MONDAY_9;
import static org.gongzhi.core.casework.workflow.Jizhou.step;
import static org.gongzhi.core.casework.workflow.Jizhou.take;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The dispatch schema of docs/integration-guide.md ({@code docs/integration/dispatch.schema.json}) against the
 * payloads a real dispatch through {@link CaseWorkflow} produces, lead and co-handling, and against payloads it
 * must refuse. The payload is the truth: when they disagree, the schema is fixed.
 */
public class DispatchPayloadSchemaTest {

    private static final Path SCHEMA = Path.of("../../docs/integration/dispatch.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant LATER = MONDAY_9.plus(Duration.ofMinutes(20));

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA));
    }

    /** The payloads of dispatching {@code c} to CG with HW and SJ co-handling, as the department receives them. */
    private static List<ObjectNode> dispatch(CaseRecord c) throws Exception {
        CaseRecord registered = take(c, MONDAY_9, step(CaseAction.REGISTER, null));
        StepOutcome out = FLOW.apply(registered, Jizhou.dispatch("CG", "HW", "SJ"), LATER, StepHooks.none());
        assertThat(out.dispatches()).hasSize(3);
        List<ObjectNode> payloads = new ArrayList<>();
        for (DispatchOrder order : out.dispatches()) {
            // storage writes the map with a plain ObjectMapper (JsonText); on delivery the integration bundle
            // adds the callback URL (DeliverySteps.route)
            ObjectNode p = (ObjectNode) JSON.readTree(JSON.writeValueAsString(
                    order.payload(Jizhou.DISTRICT, out.after(), UUID.randomUUID())));
            p.put("callbackUrl", "http://127.0.0.1:8181/api/v1/tenants/jizhou/departments/" + order.department()
                    + "/updates");
            payloads.add(p);
        }
        return payloads;
    }

    /** A case with every optional fact given (description, coordinates, address, attachments, the reporter). */
    private static CaseRecord full() {
        CaseReport report = new CaseReport(UUID.randomUUID(), "360802-20261102-000002", "人民路垃圾堆放",
                "门口垃圾两天未清运", "CM0101", "CITY_MANAGEMENT", "hotline", Jizhou.GRID, null, 114.927, 27.08,
                "吉州区人民路 12 号", "测试居民", "13800000000", "resident@example.org", "sub-1", null, true,
                List.of("evidence:5d1f3a2e-7b8c-4d9e-8f01-23456789abcd", "https://files.example/before.jpg"),
                MONDAY_9.minus(Duration.ofMinutes(5)), "key-1", "hotline", false);
        return new CaseRecord(report, LoopState.reported(SlaTier.COORDINATION));
    }

    @Test
    public void everyPayloadOfARealDispatchMatchesTheSchema() throws Exception {
        Schema schema = schema();
        List<ObjectNode> payloads = new ArrayList<>(dispatch(full()));
        payloads.addAll(dispatch(Jizhou.reported(SlaTier.SIMPLE))); // no description, coordinates, attachments
        assertThat(payloads).extracting(p -> p.get("role").asText())
                .containsExactly("lead", "co", "co", "lead", "co", "co");
        for (ObjectNode p : payloads) {
            assertThat(schema.validate(p)).as(p.toString()).isEmpty();
            assertThat(p.toString()).as("no personal data of the reporter").doesNotContain("测试居民", "13800000000",
                    "resident@example.org", "sub-1");
        }
    }

    @Test
    public void theSchemaDescribesNoFieldThePlatformDoesNotSend() throws Exception {
        JsonNode declared = JSON.readTree(SCHEMA.toFile()).get("properties");
        List<String> names = new ArrayList<>();
        declared.fieldNames().forEachRemaining(names::add);
        ObjectNode sent = dispatch(full()).get(0);
        List<String> sentNames = new ArrayList<>();
        sent.fieldNames().forEachRemaining(sentNames::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(sentNames);
    }

    @Test
    public void theSchemaRefusesAPayloadWithAFieldMissingOrOfTheWrongType() throws Exception {
        Schema schema = schema();
        ObjectNode ok = dispatch(full()).get(0);
        assertThat(schema.validate(ok)).isEmpty();

        assertThat(schema.validate(ok.deepCopy().without("caseId"))).as("caseId missing").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().without("dispatchedAt"))).as("dispatchedAt missing").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("longitude", "114.9"))).as("longitude as text").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("latitude", 91))).as("latitude out of range").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("coDepartments", "HW"))).as("co-departments not a list")
                .isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("role", "leader"))).as("unknown role").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("tier", "urgent"))).as("unknown tier").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("reporterPhone", "13800000000"))).as("unknown field")
                .isNotEmpty();
    }
}
