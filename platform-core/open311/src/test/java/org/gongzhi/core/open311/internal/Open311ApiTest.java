package org.gongzhi.core.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.junit.Test;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The GeoReport methods against the demo districts and an in-memory case service. */
public class Open311ApiTest {

    static final String KEY = "jizhou-test-key-0123456789";
    static final MediaLinks MEDIA = new MediaLinks("https://gongzhi.example.cn/open311/v2/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakePlatform platform = new FakePlatform();
    private final Open311Api api = new Open311Api(platform.tenants, platform,
            new ApiKeys(List.of(new ApiKeys.Client("jizhou", KEY, "test-app"))), Clock.systemUTC());

    static JsonNode json(Open311Api.Reply reply) throws Exception {
        assertThat(reply.format()).isEqualTo(Format.JSON);
        return JSON.readTree(reply.bytes());
    }

    static Document xml(Open311Api.Reply reply) throws Exception {
        assertThat(reply.format()).isEqualTo(Format.XML);
        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(reply.bytes()));
    }

    private static Form jz(String... more) {
        List<String> all = new ArrayList<>(List.of("jurisdiction_id", "jizhou"));
        all.addAll(Arrays.asList(more));
        return FakePlatform.form(all.toArray(String[]::new));
    }

    private static Form pothole(String... more) {
        List<String> all = new ArrayList<>(List.of("api_key", KEY, "service_code", "CM0603", "lat", "27.08",
                "long", "114.927", "attribute[severity]", "severe"));
        all.addAll(Arrays.asList(more));
        return jz(all.toArray(String[]::new));
    }

    private static void assertError(Open311Api.Reply reply, int status, String description) throws Exception {
        assertThat(reply.status()).isEqualTo(status);
        if (reply.format() == Format.JSON) {
            JsonNode errors = json(reply);
            assertThat(errors.isArray()).isTrue();
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
            assertThat(errors.get(0).get("description").asText()).contains(description);
        } else {
            Document d = xml(reply);
            assertThat(d.getDocumentElement().getNodeName()).isEqualTo("errors");
            assertThat(d.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(Integer.toString(status));
            assertThat(d.getElementsByTagName("description").item(0).getTextContent()).contains(description);
        }
    }

    private String postPothole(String... more) throws Exception {
        Open311Api.Reply reply = api.post("json", pothole(more));
        assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json(reply).get(0).get("service_request_id").asText();
    }

    @Test
    public void discoveryInBothFormats() throws Exception {
        JsonNode d = json(api.discovery("json", "http://localhost:8181/open311/v2"));
        assertThat(d.get("endpoints").get(0).get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(d.get("endpoints").get(0).get("formats")).extracting(JsonNode::asText)
                .containsExactly("text/xml", "application/json");
        assertThat(d.get("changeset").asText()).isNotBlank();
        Document x = xml(api.discovery("xml", "http://localhost:8181/open311/v2"));
        assertThat(x.getDocumentElement().getNodeName()).isEqualTo("discovery");
        assertThat(x.getElementsByTagName("format").getLength()).isEqualTo(2);
    }

    @Test
    public void servicesAreCityManagementAndLivelihoodOnly() throws Exception {
        JsonNode services = json(api.services("json", jz(), false));
        assertThat(services).isNotEmpty().allSatisfy(s -> assertThat(s.get("service_code").asText()).matches("(CM|LS)\\d{4}"));
        JsonNode pothole = find(services, "CM0603");
        assertThat(pothole.get("service_name").asText()).isEqualTo("道路坑洼");
        assertThat(pothole.get("group").asText()).isEqualTo("市政设施");
        assertThat(pothole.get("metadata").asBoolean()).isTrue();
        assertThat(pothole.get("type").asText()).isEqualTo("realtime");
        assertThat(find(services, "CM0101").get("metadata").asBoolean()).isFalse();
        assertThat(find(json(api.services("json", jz(), true)), "CM0603").get("service_name").asText())
                .isEqualTo("Potholed road");
        Document x = xml(api.services("xml", jz(), false));
        assertThat(x.getDocumentElement().getNodeName()).isEqualTo("services");
        assertThat(x.getElementsByTagName("service").getLength()).isEqualTo(services.size());
    }

    private static JsonNode find(JsonNode services, String code) {
        for (JsonNode s : services) {
            if (s.get("service_code").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no service " + code);
    }

    @Test
    public void definitionWithAttributes() throws Exception {
        JsonNode d = json(api.definition("CM0603", "json", jz()));
        assertThat(d.get("service_code").asText()).isEqualTo("CM0603");
        JsonNode severity = d.get("attributes").get(0);
        assertThat(severity.get("code").asText()).isEqualTo("severity");
        assertThat(severity.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(severity.get("required").asBoolean()).isTrue();
        assertThat(severity.get("variable").asBoolean()).isTrue();
        assertThat(severity.get("order").asInt()).isEqualTo(1);
        assertThat(severity.get("values")).extracting(v -> v.get("key").asText()).containsExactly("minor", "moderate", "severe");
        assertThat(d.get("attributes").get(1).has("values")).isFalse();
        Document x = xml(api.definition("CM0603", "xml", jz()));
        assertThat(x.getDocumentElement().getNodeName()).isEqualTo("service_definition");
        assertThat(x.getElementsByTagName("value").getLength()).isEqualTo(3);
        assertThat(json(api.definition("CM0101", "json", jz())).get("attributes")).isEmpty();
        assertError(api.definition("CG0101", "json", jz()), 404, "service_code provided was not found");
        assertError(api.definition("CM06", "xml", jz()), 404, "service_code provided was not found");
    }

    @Test
    public void jurisdictionAndFormatErrors() throws Exception {
        assertError(api.services("json", FakePlatform.form(), false), 400, "jurisdiction_id was not provided");
        assertError(api.services("xml", FakePlatform.form("jurisdiction_id", "nowhere"), false), 404,
                "jurisdiction_id provided was not found");
        platform.tenants.suspend("donghu");
        assertError(api.requests("json", FakePlatform.form("jurisdiction_id", "donghu"), false, MEDIA), 404, "donghu");
        Open311Api.Reply html = api.services("html", jz(), false);
        assertError(html, 404, "format html is not supported");
        assertError(api.unknown("nothing/here.json"), 404, "no such resource");
        try {
            FormCodec.requireForm("application/json");
            throw new AssertionError("a JSON body was taken for a form");
        } catch (Open311Exception e) {
            assertError(api.refused("xml", e), 400, "application/x-www-form-urlencoded");
        }
    }

    @Test
    public void postNeedsTheDistrictsApiKey() throws Exception {
        assertError(api.post("json", jz("service_code", "CM0603")), 403, "api_key was not provided");
        assertError(api.post("xml", jz("api_key", "not-a-known-key-0000", "service_code", "CM0603")), 403,
                "Invalid api_key");
        assertError(api.post("json", FakePlatform.form("jurisdiction_id", "donghu", "api_key", KEY)), 403, "Invalid api_key");
        assertThat(platform.cases).isEmpty();
    }

    @Test
    public void postValidation() throws Exception {
        assertError(api.post("json", jz("api_key", KEY)), 400, "service_code was not provided");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CM9999")), 404, "service_code provided was not found");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CG0101", "lat", "27.08", "long", "114.927")),
                404, "CG0101");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CM0101")), 400,
                "A full location parameter must be submitted");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CM0101", "lat", "27.08")), 400, "long was not provided");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CM0101", "lat", "x", "long", "1")), 400,
                "lat must be a number");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CM0101", "lat", "31.23", "long", "121.47")), 400,
                "outside jurisdiction jizhou");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CM0603", "address_string", "人民路")), 400,
                "attribute[severity] was not provided");
        assertError(api.post("json", pothole("attribute[severity]", "huge")), 400, "attribute[severity]");
        assertError(api.post("json", jz("api_key", KEY, "service_code", "CM0104", "address_string", "人民路",
                "attribute[bins]", "many")), 400, "attribute[bins] must be a number");
        assertError(api.post("xml", pothole("phone", "call me")), 400, "phone is invalid");
        assertThat(platform.cases).isEmpty();
    }

    @Test
    public void postedRequestReadsBack() throws Exception {
        String id = postPothole("attribute[area]", "3", "description", "人民路与井冈山大道路口有大坑\n晚上很危险",
                "first_name", "三", "last_name", "张", "phone", "13800000000", "media_url", "https://img.example.cn/1.jpg");
        assertThat(id).matches("360802-\\d{8}-\\d{6}");
        CaseView c = platform.cases.get(0);
        assertThat(c.channel()).isEqualTo(Channel.OPEN311);
        assertThat(c.title()).isEqualTo("人民路与井冈山大道路口有大坑");
        assertThat(c.reporterName()).isEqualTo("三 张");
        assertThat(platform.journals.get(c.id()).get(0).actor()).isEqualTo("open311:test-app");

        Open311Api.Reply one = api.request(id, "json", jz(), false, MEDIA);
        JsonNode r = json(one).get(0);
        assertThat(r.get("service_request_id").asText()).isEqualTo(id);
        assertThat(r.get("status").asText()).isEqualTo("open");
        assertThat(r.get("service_code").asText()).isEqualTo("CM0603");
        assertThat(r.get("description").asText()).contains("晚上很危险").contains("严重程度：严重（存在安全隐患）")
                .contains("坑洼面积（平方米，估计）：3");
        assertThat(r.get("lat").asDouble()).isEqualTo(27.08);
        assertThat(r.get("long").asDouble()).isEqualTo(114.927);
        assertThat(r.get("media_url").asText()).isEqualTo("https://img.example.cn/1.jpg");
        assertThat(r.get("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(new String(one.bytes(), StandardCharsets.UTF_8)).doesNotContain("13800000000").doesNotContain("张");

        assertThat(xml(api.request(id, "xml", jz(), false, MEDIA)).getElementsByTagName("request").getLength()).isEqualTo(1);
        JsonNode token = json(api.token(c.id().toString(), "json", jz())).get(0);
        assertThat(token.get("service_request_id").asText()).isEqualTo(id);
        assertError(api.token("not-a-token", "json", jz()), 404, "token");
        assertError(api.request("360802-20260101-999999", "json", jz(), false, MEDIA), 404, "service_request_id provided was not found");

        assertThat(json(api.requests("json", jz(), false, MEDIA))).extracting(n -> n.get("service_request_id").asText()).contains(id);
        assertThat(json(api.requests("json", jz("status", "closed"), false, MEDIA))).isEmpty();
        assertThat(json(api.requests("json", jz("status", "open,closed", "service_code", "CM0603"), false, MEDIA))).hasSize(1);
        assertThat(json(api.requests("json", jz("service_code", "CM0101"), false, MEDIA))).isEmpty();
        assertThat(json(api.requests("json", jz("service_request_id", id + ",360802-20260101-999999"), false, MEDIA))).hasSize(1);
        assertError(api.requests("json", jz("status", "pending"), false, MEDIA), 400, "status must be open or closed");
        assertError(api.requests("json", jz("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-06-01T00:00:00Z"),
                false, MEDIA), 400, "90 days");
        assertError(api.requests("json", jz("start_date", "yesterday"), false, MEDIA), 400, "start_date must be a w3c datetime");
    }

    @Test
    public void multiValueAnswersAndXmlSafety() throws Exception {
        Open311Api.Reply reply = api.post("xml", jz("api_key", KEY, "service_code", "CM0104", "address_string",
                "人民路 <12> & 号", "attribute[bins]", "2", "attribute[problems][]", "overflow",
                "attribute[problems][]", "smell", "description", "垃圾箱\u0001满了"));
        assertThat(reply.status()).isEqualTo(200);
        Document created = xml(reply);
        assertThat(created.getDocumentElement().getNodeName()).isEqualTo("service_requests");
        assertThat(created.getElementsByTagName("token").getLength()).isZero();
        String id = created.getElementsByTagName("service_request_id").item(0).getTextContent();
        Document read = xml(api.request(id, "xml", jz(), false, MEDIA));
        assertThat(read.getElementsByTagName("address").item(0).getTextContent()).isEqualTo("人民路 <12> & 号");
        assertThat(read.getElementsByTagName("description").item(0).getTextContent()).contains("问题类型（可多选）：满溢、异味");
    }

    @Test
    public void comprehensiveGovernanceCasesAreNeverShown() throws Exception {
        CaseView dispute = platform.report("jizhou", new NewCase("邻里纠纷", "楼上漏水", "CG0101", Channel.GRID_WORKER, 114.927, 27.08,
                null, null, null, null, List.of(), null), "jz-dispatcher", null).kase();
        String id = postPothole();
        assertThat(json(api.requests("json", jz(), false, MEDIA))).extracting(n -> n.get("service_request_id").asText())
                .containsExactly(id);
        assertError(api.request(dispute.number(), "json", jz(), false, MEDIA), 404, "not found");
        assertError(api.token(dispute.id().toString(), "json", jz()), 404, "token");
        assertThat(json(api.updates("json", jz(), MEDIA))).extracting(n -> n.get("service_request_id").asText())
                .containsOnly(id);
    }

    @Test
    public void updatesShowPublicNotesOnlyAndAreAcceptedInAnyStatus() throws Exception {
        String id = postPothole();
        CaseView c = platform.cases.get(0);
        Form update = jz("api_key", KEY, "service_request_id", id, "update_id", "fms-1", "status", "OPEN",
                "updated_datetime", "2026-11-22T10:00:00+08:00", "description", "坑越来越大了", "email", "li@example.cn");
        JsonNode before = json(api.postUpdate("json", update));
        assertThat(before.get(0).get("update_id").asText()).as("a comment before dispatch").isEqualTo(id + "-2");
        assertThat(platform.journals.get(c.id()).get(1).action()).isEqualTo(CaseAction.COMMENT);
        assertThat(json(api.postUpdate("json", update)).get(0).get("update_id").asText())
                .as("the same update_id again changes nothing").isEqualTo(id + "-2");
        assertThat(platform.journals.get(c.id())).hasSize(2);

        platform.transition("jizhou", c.id(), new TransitionCommand(CaseAction.REGISTER, "jz-dispatcher",
                "内部：上报人张三是老上访户", null, null, null, null, null, null, null));
        platform.transition("jizhou", c.id(), new TransitionCommand(CaseAction.DISPATCH, "jz-dispatcher", "请城管处置", null,
                "CG", null, null, null, null, null, "已派城管局处置"));
        Form progress = jz("api_key", KEY, "service_request_id", id, "update_id", "fms-2", "status", "IN_PROGRESS",
                "updated_datetime", "2026-11-22T11:00:00+08:00", "description", "有人来看过了");
        assertThat(json(api.postUpdate("json", progress)).get(0).get("update_id").asText()).isEqualTo(id + "-5");
        assertThat(platform.journals.get(c.id()).get(4).action()).isEqualTo(CaseAction.PROGRESS);
        assertError(api.postUpdate("json", jz("api_key", KEY, "service_request_id", id)), 400, "update_id was not provided");
        assertError(api.postUpdate("xml", jz("service_request_id", id)), 403, "api_key was not provided");
        assertError(api.postUpdate("json", jz("api_key", KEY, "service_request_id", id, "update_id", "x", "status", "pending",
                "updated_datetime", "2026-11-22T11:00:00+08:00", "description", "?")), 400, "status must be one of");

        JsonNode updates = json(api.updates("json", jz(), MEDIA));
        assertThat(updates).extracting(u -> u.get("update_id").asText())
                .containsExactly(id + "-1", id + "-2", id + "-3", id + "-4", id + "-5");
        assertThat(updates).extracting(u -> u.get("description").asText()).containsExactly(
                "上报：" + c.description(), "备注：坑越来越大了", "立案", "派遣：已派城管局处置", "进展说明：有人来看过了");
        String feed = new String(api.updates("xml", jz(), MEDIA).bytes(), StandardCharsets.UTF_8);
        assertThat(feed).doesNotContain("老上访户").doesNotContain("请城管处置").doesNotContain("li@example.cn")
                .doesNotContain("update_id fms");
        assertThat(updates).allSatisfy(u -> assertThat(u.get("status").asText()).isEqualTo("open"));
        assertThat(json(api.updates("json", jz("extended_statuses", "true"), MEDIA))).extracting(u -> u.get("status").asText())
                .containsExactly("open", "open", "action_scheduled", "action_scheduled", "action_scheduled");

        JsonNode request = json(api.request(id, "json", jz(), false, MEDIA)).get(0);
        assertThat(request.get("agency_responsible").asText()).isEqualTo(platform.tenants.find("jizhou").orElseThrow()
                .department("CG").orElseThrow().name());
        assertThat(request.get("status_notes").asText()).isEqualTo("有人来看过了");
        assertThat(request.get("expected_datetime").isNull()).isFalse();
    }

    @Test
    public void aCommentAfterCompletionIsAccepted() throws Exception {
        String id = postPothole();
        CaseView c = platform.cases.get(0);
        for (CaseAction a : List.of(CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.FEEDBACK,
                CaseAction.VERIFY_PASS, CaseAction.CLOSE)) {
            platform.transition("jizhou", c.id(), new TransitionCommand(a, "jz-dispatcher", "内部说明", null, "CG", null,
                    null, null, null, null));
        }
        Form fixed = jz("api_key", KEY, "service_request_id", id, "update_id", "fms-9", "status", "fixed",
                "updated_datetime", "2026-11-22T12:00:00+08:00", "description", "谢谢，已经修好了");
        assertThat(api.postUpdate("xml", fixed).status()).isEqualTo(200);
        assertThat(platform.journals.get(c.id()).get(7).action()).isEqualTo(CaseAction.COMMENT);
        assertThat(platform.get("jizhou", c.id()).status()).isEqualTo(CaseStatus.CLOSED);
        JsonNode r = json(api.request(id, "json", jz("extended_statuses", "true"), false, MEDIA)).get(0);
        assertThat(r.get("status").asText()).isEqualTo("fixed");
        assertThat(r.get("status_notes").asText()).isEqualTo("谢谢，已经修好了");
    }

    @Test
    public void aRejectedReportIsNotAFixedOne() throws Exception {
        String id = postPothole();
        CaseView c = platform.cases.get(0);
        platform.transition("jizhou", c.id(), new TransitionCommand(CaseAction.REJECT, "jz-dispatcher",
                "重复上报，同 0001 号；上报人电话 13800000000", null, null, null, null, null, null, null));
        JsonNode plain = json(api.request(id, "json", jz(), false, MEDIA)).get(0);
        assertThat(plain.get("status").asText()).isEqualTo("closed");
        assertThat(plain.get("status_notes").asText()).startsWith("不予立案").doesNotContain("重复上报")
                .doesNotContain("13800000000");
        JsonNode extended = json(api.request(id, "json", jz("extended_statuses", "1"), false, MEDIA)).get(0);
        assertThat(extended.get("status").asText()).isEqualTo("no_further_action");
        assertThat(json(api.requests("json", jz("extended_statuses", "true"), false, MEDIA)).get(0).get("status").asText())
                .isEqualTo("no_further_action");
        assertThat(json(api.requests("json", jz("status", "closed"), false, MEDIA))).hasSize(1);
        assertError(api.requests("json", jz("extended_statuses", "maybe"), false, MEDIA), 400, "extended_statuses");

        platform.transition("jizhou", c.id(), new TransitionCommand(CaseAction.COMMENT, "jz-dispatcher", null, null, null,
                null, null, null, null, null, "该问题已由 0001 号事件处理"));
        assertThat(json(api.request(id, "json", jz(), false, MEDIA)).get(0).get("status_notes").asText())
                .isEqualTo("不予立案：该问题已由 0001 号事件处理 (rejected: not taken up as a case)");
    }

    @Test
    public void onlyPublicCasesAreShown() throws Exception {
        String open311 = postPothole("description", "Open311 上报的坑");
        CaseView hotline = platform.report("jizhou", new NewCase("井盖缺失", "市民王五来电：家门口井盖丢了", "CM0603", Channel.HOTLINE,
                114.927, 27.08, "人民路 5 号", null, "王五", "13900000000", List.of(), null), "hotline:import", null).kase();
        CaseView app = platform.report("jizhou", new NewCase("路灯不亮", "随手拍", "CM0101", Channel.RESIDENT_APP, 114.927, 27.08,
                null, null, null, null, List.of(), null), "resident", "sub-1").kase();
        CaseView grid = platform.report("jizhou", new NewCase("道路破损", "网格员巡查发现", "CM0603", Channel.GRID_WORKER, 114.927,
                27.08, null, null, null, null, List.of(), null), "gw", null).kase();
        assertThat(json(api.requests("json", jz(), false, MEDIA))).extracting(n -> n.get("service_request_id").asText())
                .containsExactly(open311);
        for (CaseView hidden : List.of(hotline, app, grid)) {
            assertError(api.request(hidden.number(), "json", jz(), false, MEDIA), 404, "service_request_id provided was not found");
            assertError(api.token(hidden.id().toString(), "xml", jz()), 404, "token");
            assertThat(json(api.requests("json", jz("service_request_id", hidden.number()), false, MEDIA))).isEmpty();
            assertError(api.postUpdate("json", jz("api_key", KEY, "service_request_id", hidden.number(), "update_id", "u",
                    "status", "OPEN", "updated_datetime", "2026-11-22T10:00:00+08:00", "description", "?")), 404,
                    "not found");
        }
        assertThat(json(api.updates("json", jz(), MEDIA))).extracting(n -> n.get("service_request_id").asText())
                .containsOnly(open311);
        String all = new String(api.requests("xml", jz(), false, MEDIA).bytes(), StandardCharsets.UTF_8)
                + new String(api.updates("xml", jz(), MEDIA).bytes(), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("王五").doesNotContain("网格员巡查发现").doesNotContain("随手拍");
    }

    @Test
    public void emailIsKeptButNeverShownAndAddressIdComesBack() throws Exception {
        Open311Api.Reply posted = api.post("json", jz("api_key", KEY, "service_code", "CM0101", "address_id", "JZ-ADDR-0042",
                "email", "zhang.san@example.cn", "first_name", "三", "last_name", "张", "description", "路灯不亮"));
        assertThat(posted.status()).isEqualTo(200);
        String id = json(posted).get(0).get("service_request_id").asText();
        CaseView c = platform.cases.get(0);
        assertThat(c.reporterEmail()).isEqualTo("zhang.san@example.cn");
        assertThat(c.addressId()).isEqualTo("JZ-ADDR-0042");
        assertThat(c.publicCase()).isTrue();
        Open311Api.Reply one = api.request(id, "xml", jz(), false, MEDIA);
        Document d = xml(one);
        assertThat(d.getElementsByTagName("address_id").item(0).getTextContent()).isEqualTo("JZ-ADDR-0042");
        String everything = new String(one.bytes(), StandardCharsets.UTF_8)
                + new String(api.requests("json", jz(), false, MEDIA).bytes(), StandardCharsets.UTF_8)
                + new String(api.updates("json", jz(), MEDIA).bytes(), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain("zhang.san").doesNotContain("张");
    }

    @Test
    public void discoveryIsATestEndpointWhileDemoKeysAreConfigured() throws Exception {
        assertThat(json(api.discovery("json", "http://x/open311/v2")).get("endpoints").get(0).get("type").asText())
                .isEqualTo("production");
        Open311Api demo = new Open311Api(platform.tenants, platform, new ApiKeys(ApiKeys.parse(
                new String[] {"jizhou:jizhou-open311-demo-key-2026:demo"})), Clock.systemUTC());
        assertThat(json(demo.discovery("json", "http://x/open311/v2")).get("endpoints").get(0).get("type").asText())
                .isEqualTo("test");
    }

    @Test
    public void otherMethodsAndBadPathsAnswerInOpen311Format() throws Exception {
        assertError(api.methodNotAllowed("PUT", "requests.json"), 405, "Method PUT is not allowed");
        assertError(api.methodNotAllowed("DELETE", "requests/360802-20261122-000001.xml"), 405, "Method DELETE");
        assertError(api.methodNotAllowed("PATCH", "anything"), 405, "Method PATCH");
        assertError(api.request("360802\u0000", "json", jz(), false, MEDIA), 400, "service_request_id 含有空字符 NUL");
        assertError(api.token("x\u0000", "xml", jz()), 400, "token 含有空字符 NUL");
        assertError(api.definition("CM\u00000603", "json", jz()), 400, "service_code 含有空字符 NUL");
        assertError(api.refused("json", Open311Exception.badRequest("description contains a NUL character")), 400, "NUL");
        assertThat(api.refused("html", Open311Exception.badRequest("x")).format()).isEqualTo(Format.XML);
    }
}
