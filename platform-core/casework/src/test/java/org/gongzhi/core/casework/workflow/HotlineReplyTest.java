package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.gongzhi.core.tenant.TenantDefinition;
import org.junit.Test;

/**
 * 12345 回复: which close sends a reply, and its payload against {@code docs/integration/hotline-reply.schema.json}
 * (the payload is the truth: when they disagree, the schema is fixed).
 */
public class HotlineReplyTest {

    private static final Path SCHEMA = Path.of("../../docs/integration/hotline-reply.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantDefinition JIZHOU = Jizhou.DISTRICT;

    private static ObjectNode payload(CaseRecord c, String result) throws Exception {
        return (ObjectNode) JSON.readTree(JSON.writeValueAsString(HotlineReply.payload(JIZHOU, c, result, UUID.randomUUID())));
    }

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
    }

    @Test
    public void theTicketNumberComesFromTheHotlineKeyOnly() {
        assertThat(HotlineReply.ticketNumber(HotlineCallbackTest.closed("hotline", "hotline:JA-7").report())).contains("JA-7");
        assertThat(HotlineReply.ticketNumber(HotlineCallbackTest.closed("hotline", null).report())).isEmpty();
        assertThat(HotlineReply.ticketNumber(HotlineCallbackTest.closed("hotline", "hotline:").report())).isEmpty();
        assertThat(HotlineReply.ticketNumber(HotlineCallbackTest.closed("app", "hotline:JA-7").report())).isEmpty();
    }

    @Test
    public void aReplyIsDueWhenATicketsCaseClosesInADistrictWithAReplyConnector() {
        assertThat(JIZHOU.hotline().reply()).as("the demo district answers its hotline").isNotNull();
        assertThat(HotlineReply.due(JIZHOU, HotlineCallbackTest.closed("hotline", "hotline:JA-7"))).isTrue();
        assertThat(HotlineReply.due(JIZHOU, HotlineCallbackTest.closed("hotline", null))).isFalse();
        assertThat(HotlineReply.due(JIZHOU, Jizhou.dispatched())).isFalse();
        TenantDefinition donghu = new org.gongzhi.core.tenant.TenantDefinitionReader().read(Path.of("../../tenants/donghu"));
        assertThat(HotlineReply.due(donghu, HotlineCallbackTest.closed("hotline", "hotline:JA-7"))).isFalse();
    }

    @Test
    public void theResultIsTheNewestPublicNoteElseTheDefault() {
        assertThat(HotlineReply.result(null, " ", " 已修复 ")).isEqualTo("已修复");
        assertThat(HotlineReply.result("路灯已更换", "旧的")).isEqualTo("路灯已更换");
        assertThat(HotlineReply.result(null, null)).isEqualTo(HotlineReply.DEFAULT_RESULT);
    }

    @Test
    public void thePayloadMatchesTheSchemaAndCarriesNothingOfTheCaller() throws Exception {
        ObjectNode p = payload(HotlineCallbackTest.closed("hotline", "hotline:JA-7"), "已修复");
        assertThat(schema().validate(p)).as(p.toString()).isEmpty();
        assertThat(p.get("ticketNumber").asText()).isEqualTo("JA-7");
        assertThat(p.get("department").asText()).isEqualTo("CG");
        assertThat(p.get("departmentName").asText()).isEqualTo("吉州区城市管理局");
        assertThat(p.get("closedOnTime").asBoolean()).isTrue();
        assertThat(p.toString()).doesNotContain("李四", "13912345678");
        List<String> sent = new ArrayList<>();
        p.fieldNames().forEachRemaining(sent::add);
        List<String> declared = new ArrayList<>();
        JSON.readTree(SCHEMA.toFile()).get("properties").fieldNames().forEachRemaining(declared::add);
        assertThat(declared).containsExactlyElementsOf(sent);
    }

    @Test
    public void theSchemaRefusesWhatThePlatformNeverSends() throws Exception {
        Schema schema = schema();
        ObjectNode ok = payload(HotlineCallbackTest.closed("hotline", "hotline:JA-7"), "已修复");
        assertThat(schema.validate(ok.deepCopy().without("ticketNumber"))).isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("type", "dispatch"))).isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("callerPhone", "13912345678"))).isNotEmpty();
        assertThat(schema.validate(ok.deepCopy().put("result", ""))).isNotEmpty();
    }

    @Test
    public void onlyAClosedTicketsCaseHasAPayload() {
        assertThatThrownBy(() -> HotlineReply.payload(JIZHOU, HotlineCallbackTest.closed("hotline", null), "x",
                UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
    }
}
