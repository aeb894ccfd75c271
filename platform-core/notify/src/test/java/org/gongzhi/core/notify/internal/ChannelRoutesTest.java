package org.gongzhi.core.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationState;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.gongzhi.simulator.DepartmentSimulator;
import org.gongzhi.simulator.WecomMessage;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The channel routes against real other ends: a GreenMail SMTP server started here, and the department
 * simulator as the SMS provider and the WeCom robots. The outbox is the in-memory one.
 */
public class ChannelRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration PACE = Duration.ofSeconds(2);
    private final MemoryNotificationOutbox outbox = new MemoryNotificationOutbox();
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private DepartmentSimulator sim;
    private NotifyRuntime runtime;
    private NotificationDelivery delivery;

    @Before
    public void start() throws Exception {
        smtp.start();
        sim = DepartmentSimulator.builder().host("127.0.0.1").port(0).updates(false).build();
        sim.start();
        runtime = new NotifyRuntime(new NotifyRuntime.Settings("test-node", 2, Duration.ofMillis(100), 50,
                Duration.ofSeconds(30), new Backoff(Duration.ofMillis(300), Duration.ofSeconds(1), 4),
                new Pace(Map.of(NotificationChannel.SMS, PACE, NotificationChannel.EMAIL, PACE,
                        NotificationChannel.WECOM, PACE)), 500));
        delivery = new NotificationDelivery(runtime, outbox, FakeTenantDirectory.demo(), Clock.systemUTC());
    }

    @After
    public void stop() {
        delivery.stop();
        runtime.stop();
        sim.stop();
        smtp.stop();
    }

    private void sms() throws Exception {
        new SmsChannel(runtime, new SmsChannelRoute.Settings(sim.smsUrl(), "【共治】", ""), 1000, 2000);
    }

    private void email() throws Exception {
        new EmailChannel(runtime, new EmailChannelRoute.Settings("127.0.0.1", smtp.getSmtp().getPort(),
                "notify@gongzhi.example.cn", "", "", false, 5000));
    }

    @Test
    public void anEmailReachesTheSmtpServerWithItsSubjectAndChineseText() throws Exception {
        email();
        Notification n = outbox.add("jizhou", "jz-cg", NotificationChannel.EMAIL, "【催办】案件 JZ-2026-000042 即将超期",
                "【催办】案件 JZ-2026-000042（井盖缺失）将于今天 17:00 到期，请抓紧办理。");
        await().atMost(WAIT).until(() -> outbox.row(n.id()).state() == NotificationState.DELIVERED);
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("jz-cg@jizhou.example.cn");
        assertThat(got[0].getFrom()[0].toString()).isEqualTo("notify@gongzhi.example.cn");
        assertThat(got[0].getSubject()).isEqualTo("【催办】案件 JZ-2026-000042 即将超期");
        assertThat(((String) got[0].getContent()).strip())
                .isEqualTo("【催办】案件 JZ-2026-000042（井盖缺失）将于今天 17:00 到期，请抓紧办理。");
        assertThat(GreenMailUtil.getBody(got[0])).isNotBlank();
    }

    @Test
    public void anSmsReachesTheSimulatedProviderWithTheSignature() throws Exception {
        sms();
        Notification n = outbox.add("jizhou", "jz-cg", NotificationChannel.SMS, "s", "【催办】案件 JZ-2026-000042 即将超期");
        await().atMost(WAIT).until(() -> outbox.row(n.id()).state() == NotificationState.DELIVERED);
        assertThat(sim.smsMessages("13900000402")).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("【共治】【催办】案件 JZ-2026-000042 即将超期");
            assertThat(m.tenant()).isEqualTo("jizhou");
        });
    }

    @Test
    public void aDepartmentsRobotGetsTheWecomTextAndAGroupWithoutOneIsUnrouted() throws Exception {
        new WecomChannel(runtime, new WecomChannelRoute.Settings(Map.of("jizhou/CG", sim.wecomUrl("cg-key"),
                "jizhou", sim.wecomUrl("jz-key")), false), 5000);
        Notification cg = outbox.add("jizhou", "department:CG", NotificationChannel.WECOM, "s", "城管请注意：案件 JZ-1 即将超期");
        Notification ga = outbox.add("jizhou", "department:GA", NotificationChannel.WECOM, "s", "公安请注意");
        Notification city = outbox.add("jizhou", "city", NotificationChannel.WECOM, "s", "市级");
        await().atMost(WAIT).until(() -> outbox.row(cg.id()).state() == NotificationState.DELIVERED
                && outbox.row(ga.id()).state() == NotificationState.DELIVERED
                && outbox.row(city.id()).state() == NotificationState.UNROUTED);
        List<WecomMessage> cgGot = sim.wecomMessages("cg-key");
        assertThat(cgGot).singleElement().satisfies(m -> {
            assertThat(m.msgtype()).isEqualTo("text");
            assertThat(m.content()).isEqualTo("城管请注意：案件 JZ-1 即将超期");
        });
        assertThat(sim.wecomMessages("jz-key")).extracting(WecomMessage::content).containsExactly("公安请注意");
    }

    @Test
    public void aChannelThatIsDownGetsTheNotificationLaterAndOnce() throws Exception {
        sms();
        sim.down();
        Notification n = outbox.add("jizhou", "jz-ga", NotificationChannel.SMS, "s", "案件 JZ-2026-000043 已超期");
        await().atMost(WAIT).until(() -> outbox.row(n.id()).attempts() >= 2);
        assertThat(outbox.row(n.id()).state()).isEqualTo(NotificationState.PENDING);
        assertThat(outbox.row(n.id()).toString()).doesNotContain("13900000502");
        assertThat(sim.smsMessages("13900000502")).isEmpty();
        sim.up();
        await().atMost(WAIT).until(() -> outbox.row(n.id()).state() == NotificationState.DELIVERED);
        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> sim.smsMessages("13900000502").size() == 1);
        assertThat(outbox.deliveries.get(n.id()).get()).isEqualTo(1);
    }

    @Test
    public void aChannelThatStaysDownEndsAsADeadLetterAndAnUnconfiguredOneCountsAsDown() throws Exception {
        sms();
        sim.down();
        Notification n = outbox.add("jizhou", "jz-ga", NotificationChannel.SMS, "s", "t");
        Notification mail = outbox.add("jizhou", "jz-ga", NotificationChannel.EMAIL, "s", "t");
        await().atMost(WAIT).until(() -> outbox.row(n.id()).state() == NotificationState.DEAD);
        assertThat(outbox.row(n.id()).attempts()).isEqualTo(4);
        assertThat(outbox.row(mail.id()).attempts()).isPositive();
        assertThat(outbox.row(mail.id()).lastError()).contains("not configured");
    }

    @Test
    public void aPersonWithoutAnAddressIsUnrouted() throws Exception {
        email();
        Notification n = outbox.add("jizhou", "kc-only-user", NotificationChannel.EMAIL, "s", "t");
        await().atMost(WAIT).until(() -> outbox.row(n.id()).state() == NotificationState.UNROUTED);
    }

    @Test
    public void whatComesWithinThePaceGoesOutAsOneDigestThatNamesEveryCaseOnce() throws Exception {
        email();
        Notification first = outbox.add("jizhou", "jz-cg", NotificationChannel.EMAIL, "【催办】案件 JZ-1 即将超期", "t1");
        await().atMost(WAIT).until(() -> outbox.row(first.id()).state() == NotificationState.DELIVERED);
        List<Notification> burst = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            burst.add(outbox.add("jizhou", "jz-cg", NotificationChannel.EMAIL, "【催办】案件 JZ-" + i + " 即将超期", "t" + i));
        }
        Notification other = outbox.add("jizhou", "jz-ga", NotificationChannel.EMAIL, "【催办】案件 JZ-9 即将超期", "t9");
        await().atMost(WAIT).until(() -> burst.stream().allMatch(n -> outbox.row(n.id()).state() == NotificationState.DELIVERED)
                && outbox.row(other.id()).state() == NotificationState.DELIVERED);
        await().during(Duration.ofMillis(2500)).atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 3);
        List<MimeMessage> toCg = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals("jz-cg@jizhou.example.cn")) {
                toCg.add(m);
            }
        }
        assertThat(toCg).hasSize(2);
        assertThat(toCg.get(0).getSubject()).isEqualTo("【催办】案件 JZ-1 即将超期");
        assertThat(toCg.get(1).getSubject()).isEqualTo("【吉州区】5 条通知");
        String digest = ((String) toCg.get(1).getContent()).strip();
        for (int i = 2; i <= 6; i++) {
            assertThat(digest).containsOnlyOnce("【催办】案件 JZ-" + i + " 即将超期");
        }
        assertThat(digest).doesNotContain("JZ-1 ", "JZ-9");
        assertThat(toCg.get(1).getSentDate().getTime() - toCg.get(0).getSentDate().getTime())
                .isGreaterThanOrEqualTo(PACE.toMillis() - 1000);
        burst.forEach(n -> assertThat(outbox.deliveries.get(n.id()).get()).isEqualTo(1));
    }

    @Test
    public void anSmsDigestListsTheFirstFewAndCountsTheRest() throws Exception {
        sms();
        Notification first = outbox.add("jizhou", "jz-cg", NotificationChannel.SMS, "【催办】案件 JZ-1 即将超期", "案件 JZ-1 即将超期");
        await().atMost(WAIT).until(() -> outbox.row(first.id()).state() == NotificationState.DELIVERED);
        List<Notification> burst = new ArrayList<>();
        for (int i = 2; i <= 8; i++) {
            burst.add(outbox.add("jizhou", "jz-cg", NotificationChannel.SMS, "【催办】案件 JZ-" + i + " 即将超期", "t" + i));
        }
        await().atMost(WAIT).until(() -> burst.stream().allMatch(n -> outbox.row(n.id()).state() == NotificationState.DELIVERED));
        await().during(Duration.ofMillis(2500)).atMost(WAIT).until(() -> sim.smsMessages("13900000402").size() == 2);
        String digest = sim.smsMessages("13900000402").stream().map(m -> m.text()).filter(t -> !t.endsWith("JZ-1 即将超期"))
                .findFirst().orElseThrow();
        assertThat(digest).startsWith("【共治】吉州区综治中心：您有 7 条通知合并发送").contains("另有 4 条");
        for (int i = 2; i <= 4; i++) {
            assertThat(digest).containsOnlyOnce("【催办】案件 JZ-" + i + " 即将超期");
        }
        assertThat(digest).doesNotContain("JZ-5", "JZ-1 ");
        burst.forEach(n -> assertThat(outbox.deliveries.get(n.id()).get()).isEqualTo(1));
    }
}
