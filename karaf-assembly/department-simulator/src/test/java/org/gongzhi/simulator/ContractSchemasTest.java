package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The update API's JSON Schema of docs/integration-guide.md against the updates the simulator (our
 * reference department system) really posts, and against bodies the schema must refuse.
 */
public class ContractSchemasTest {

    static final Path SCHEMAS = Path.of("../../docs/integration");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformStub platform;
    private DepartmentSimulator sim;

    public ContractSchemasTest() throws Exception {
        platform = new PlatformStub();
    }

    @After
    public void stop() {
        if (sim != null) {
            sim.stop();
        }
        platform.close();
    }

    static Schema schema(String file) throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMAS.resolve(file)));
    }

    @Test
    public void theUpdatesTheSimulatorPostsMatchTheSchema() throws Exception {
        Schema schema = schema("department-update.schema.json");
        sim = DepartmentSimulator.builder().port(0).quiet(true).platformUrl(platform.url())
                .tokenUrl(platform.tokenUrl()).clientSecret("demo-{tenant}-{department}-secret")
                .acceptAfter(Duration.ofMillis(20)).progressAfter(Duration.ofMillis(60))
                .resolveAfter(Duration.ofMillis(120)).build();
        sim.start();
        String id = UUID.randomUUID().toString();
        assertThat(TestHttp.post(sim.dispatchUrl("jizhou", "CG"), TestHttp.dispatch(id).toString()).statusCode())
                .isEqualTo(202);
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();

        assertThat(platform.posts).extracting(p -> p.body().get("status").asText())
                .containsExactly("accepted", "in-progress", "resolved");
        for (PlatformStub.Post p : platform.posts) {
            List<Error> errors = schema.validate(p.body());
            assertThat(errors).as(p.body().toString()).isEmpty();
        }
    }

    @Test
    public void theSchemaRefusesWhatThePlatformRefuses() throws Exception {
        Schema schema = schema("department-update.schema.json");
        ObjectNode ok = (ObjectNode) JSON.readTree("""
                {"updateId": "CG-1-3", "dispatchId": "7b0d3c1e-5a7b-4a53-9d43-2f1d6c3b1a01", "status": "resolved",
                 "note": "垃圾已清运", "photos": ["https://files.example/after.jpg"], "sequence": 3}""");
        assertThat(schema.validate(ok)).isEmpty();

        assertThat(schema.validate(ok.deepCopy().without("note"))).as("resolved needs a note").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().without("dispatchId"))).as("dispatchId or caseId").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("status", "done"))).as("unknown status").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("sequence", -1))).as("negative sequence").isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("colour", "red"))).as("unknown field").isNotEmpty();
    }

    @Test
    public void theGuidesExamplesMatchTheirSchemas() throws Exception {
        for (String[] pair : new String[][] {{"dispatch.example.json", "dispatch.schema.json"},
                {"department-update.example.json", "department-update.schema.json"}}) {
            JsonNode example = JSON.readTree(SCHEMAS.resolve(pair[0]).toFile());
            assertThat(schema(pair[1]).validate(example)).as(pair[0]).isEmpty();
        }
    }
}
