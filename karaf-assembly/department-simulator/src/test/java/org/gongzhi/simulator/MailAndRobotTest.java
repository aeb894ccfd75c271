package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The simulator as an SMTP server (a real SMTP client sends to it) and as WeChat Work robots:
 * what arrives is listed newest first, and nothing personal reaches its log.
 */
public class MailAndRobotTest {

    private final ByteArrayOutputStream events = new ByteArrayOutputStream();
    private DepartmentSimulator sim;

    private void start(SimulatorBuilder b) {
        sim = b.port(0).updates(false).log(new PrintStream(events, true, StandardCharsets.UTF_8)).build();
        sim.start();
    }

    @After
    public void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    private void mail(String to, String subject, String text) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(sim.smtpPort()));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "5000");
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress("gongzhi@example.org"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    @Test
    public void acceptsMailFromAnSmtpClientAndListsIt() throws Exception {
        start(DepartmentSimulator.builder().smtpPort(0));
        assertThat(sim.smtpPort()).isPositive();
        mail("jz-cg@jizhou.example.org", "【催办】案件即将超期", "案件 JZ-2026-000042 将于 2 小时后超期，请及时办理。");
        mail("jz-ga@jizhou.example.org", "【催办】另一件", "另一条");

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.mailMessages(null).size() == 2);
        String to = URLEncoder.encode("jz-cg@jizhou.example.org", StandardCharsets.UTF_8);
        JsonNode mine = TestHttp.json(TestHttp.get(URI.create(sim.baseUrl() + "/mail/messages?to=" + to)).body());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("subject").asText()).isEqualTo("【催办】案件即将超期");
        assertThat(mine.get(0).get("text").asText()).contains("JZ-2026-000042 将于 2 小时后超期");
        assertThat(mine.get(0).get("from").asText()).isEqualTo("gongzhi@example.org");
        assertThat(mine.get(0).get("to").get(0).asText()).isEqualTo("jz-cg@jizhou.example.org");
        assertThat(sim.mailMessages(null)).extracting(MailMessage::subject)
                .containsExactly("【催办】另一件", "【催办】案件即将超期");
        assertThat(TestHttp.post(URI.create(sim.baseUrl() + "/mail/messages"), "{}").statusCode()).isEqualTo(405);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.toString(StandardCharsets.UTF_8)
                .contains("mail-accepted messageId=MAIL-000002"));
        assertThat(events.toString(StandardCharsets.UTF_8)).as("addresses, subjects and texts are never logged")
                .doesNotContain("jz-cg").doesNotContain("催办").doesNotContain("JZ-2026");
    }

    @Test
    public void hasNoSmtpServerUnlessAsked() throws Exception {
        start(DepartmentSimulator.builder());
        assertThat(sim.smtpPort()).isEqualTo(-1);
        assertThat(TestHttp.get(URI.create(sim.baseUrl() + "/mail/messages")).statusCode()).isEqualTo(404);
    }

    @Test
    public void robotsAnswerLikeWecomAndListByKey() throws Exception {
        start(DepartmentSimulator.builder());
        JsonNode ok = TestHttp.json(TestHttp.post(sim.wecomUrl("k1"),
                "{\"msgtype\":\"text\",\"text\":{\"content\":\"【催办】群消息\"}}").body());
        assertThat(ok.get("errcode").asInt()).isZero();
        TestHttp.post(sim.wecomUrl("k2"), "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**二**\"}}");
        assertThat(TestHttp.json(TestHttp.post(sim.wecomUrl("k1"), "{\"msgtype\":\"image\"}").body())
                .get("errcode").asInt()).isEqualTo(40008);
        assertThat(TestHttp.json(TestHttp.post(sim.wecomUrl("k1"), "{\"msgtype\":\"text\",\"text\":{}}").body())
                .get("errcode").asInt()).isEqualTo(44004);
        assertThat(TestHttp.json(TestHttp.post(URI.create(sim.baseUrl() + "/wecom/send"),
                "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}").body()).get("errcode").asInt()).isEqualTo(93000);
        JsonNode k1 = TestHttp.json(TestHttp.get(URI.create(sim.baseUrl() + "/wecom/messages?key=k1")).body());
        assertThat(k1).hasSize(1);
        assertThat(k1.get(0).get("content").asText()).isEqualTo("【催办】群消息");
        assertThat(TestHttp.json(TestHttp.get(URI.create(sim.baseUrl() + "/wecom/messages")).body())).hasSize(2);
        assertThat(TestHttp.get(sim.wecomUrl("k1")).statusCode()).isEqualTo(405);
        sim.down();
        assertThat(TestHttp.post(sim.wecomUrl("k1"), "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")
                .statusCode()).isEqualTo(503);
        assertThat(events.toString(StandardCharsets.UTF_8)).doesNotContain("群消息");
    }

    @Test
    public void aRobotTakesTwentyMessagesAMinuteLikeTheRealOne() throws Exception {
        start(DepartmentSimulator.builder());
        for (int i = 0; i < 20; i++) {
            assertThat(TestHttp.json(TestHttp.post(sim.wecomUrl("busy"),
                    "{\"msgtype\":\"text\",\"text\":{\"content\":\"第" + i + "条\"}}").body()).get("errcode").asInt()).isZero();
        }
        assertThat(TestHttp.json(TestHttp.post(sim.wecomUrl("busy"),
                "{\"msgtype\":\"text\",\"text\":{\"content\":\"第21条\"}}").body()).get("errcode").asInt()).isEqualTo(45009);
        assertThat(TestHttp.json(TestHttp.post(sim.wecomUrl("quiet"),
                "{\"msgtype\":\"text\",\"text\":{\"content\":\"另一个群\"}}").body()).get("errcode").asInt()).isZero();
        assertThat(sim.wecomMessages("busy")).hasSize(20);
    }
}
