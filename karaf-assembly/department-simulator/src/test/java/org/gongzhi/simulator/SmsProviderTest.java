package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The simulator as an SMS provider: accepts messages, lists them newest first, fails while down. */
public class SmsProviderTest {

    private final ByteArrayOutputStream events = new ByteArrayOutputStream();
    private DepartmentSimulator sim;

    private DepartmentSimulator start(SimulatorBuilder b) {
        sim = b.port(0).updates(false).log(new PrintStream(events, true, StandardCharsets.UTF_8)).build();
        sim.start();
        return sim;
    }

    @After
    public void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    @Test
    public void acceptsMessagesAndListsThemNewestFirst() throws Exception {
        start(DepartmentSimulator.builder());
        HttpResponse<String> first = TestHttp.post(sim.smsUrl(),
                "{\"to\":\"13800138000\",\"text\":\"【共治】您的验证码为 123456\",\"signature\":\"【共治】\",\"tenant\":\"jizhou\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(first.body()).get("messageId").asText()).isEqualTo("SMS-000001");
        assertThat(TestHttp.json(first.body()).get("status").asText()).isEqualTo("accepted");
        TestHttp.post(sim.smsUrl(), "{\"to\":\"13900139000\",\"text\":\"另一条\"}");
        TestHttp.post(sim.smsUrl(), "{\"to\":\"13800138000\",\"text\":\"【共治】您的验证码为 654321\"}");

        JsonNode mine = TestHttp.json(TestHttp.get(URI.create(sim.baseUrl() + "/sms/messages?to=13800138000")).body());
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("text").asText()).endsWith("654321");
        assertThat(mine.get(1).get("signature").asText()).isEqualTo("【共治】");
        assertThat(mine.get(1).get("tenant").asText()).isEqualTo("jizhou");
        assertThat(TestHttp.json(TestHttp.get(URI.create(sim.baseUrl() + "/sms/messages")).body())).hasSize(3);
        assertThat(sim.smsMessages("13900139000")).extracting(SmsMessage::text).containsExactly("另一条");
        assertThat(events.toString(StandardCharsets.UTF_8)).as("numbers and texts are never logged")
                .contains("sms-accepted").doesNotContain("13800138000").doesNotContain("123456");
    }

    @Test
    public void refusesMalformedMessagesLikeAProvider() throws Exception {
        start(DepartmentSimulator.builder().smsRequireHeader("Authorization: Bearer sms-key"));
        String ok = "{\"to\":\"13800138000\",\"text\":\"x\"}";
        assertThat(TestHttp.post(sim.smsUrl(), ok).statusCode()).isEqualTo(401);
        assertThat(TestHttp.post(sim.smsUrl(), ok, "Authorization", "Bearer sms-key").statusCode()).isEqualTo(200);
        HttpResponse<String> badPhone = TestHttp.post(sim.smsUrl(), "{\"to\":\"call me\",\"text\":\"x\"}",
                "Authorization", "Bearer sms-key");
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(badPhone.body()).get("field").asText()).isEqualTo("to");
        assertThat(TestHttp.post(sim.smsUrl(), "{\"to\":\"13800138000\",\"text\":\"\"}", "Authorization",
                "Bearer sms-key").statusCode()).isEqualTo(400);
        assertThat(TestHttp.post(sim.smsUrl(), "[1]", "Authorization", "Bearer sms-key").statusCode()).isEqualTo(400);
        assertThat(TestHttp.get(sim.smsUrl()).statusCode()).isEqualTo(405);
        assertThat(sim.smsMessages(null)).hasSize(1);
    }

    @Test
    public void isDownWithTheSimulator() throws Exception {
        start(DepartmentSimulator.builder());
        sim.down();
        HttpResponse<String> down = TestHttp.post(sim.smsUrl(), "{\"to\":\"13800138000\",\"text\":\"x\"}");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        sim.down(null, DownMode.REFUSE);
        assertThatThrownBy(() -> TestHttp.post(sim.smsUrl(), "{\"to\":\"13800138000\",\"text\":\"x\"}"))
                .isInstanceOf(IOException.class);
        sim.up();
        assertThat(TestHttp.post(sim.smsUrl(), "{\"to\":\"13800138000\",\"text\":\"x\"}").statusCode()).isEqualTo(200);
        assertThat(sim.smsMessages("13800138000")).hasSize(1);
    }

    @Test
    public void theDispatchPathMayNotTakeTheSmsPath() {
        assertThatThrownBy(() -> DepartmentSimulator.builder().dispatchPath("/sms/{tenant}").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/sms");
    }
}
