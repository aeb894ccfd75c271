package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.gongzhi.simulator.DepartmentSimulator;
import org.gongzhi.simulator.SmsMessage;
import org.gongzhi.simulator.WecomMessage;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Notifications delivered by the distribution itself (issue 16, ADR 0029): two Karaf containers as two
 * platform nodes on one PostgreSQL, each with the delivery bundle {@code gongzhi-notify}, sending e-mail to
 * a real SMTP server started here (GreenMail), SMS to the department simulator playing the SMS gateway and
 * WeChat Work robot messages to the same simulator's robot webhook. A case is made to cross its warning
 * time (its {@code warning_at} moved into the past in the database); the supervision sweep on the
 * clustered schedule (every 15 s) writes the 催办 and its notifications, and the nodes deliver them: each
 * person gets each channel once, the inbox shows it with an unread count, and a provider that is down gets
 * its messages once it is back, once. Runs in the test JVM ({@link BootedPlatform}).
 */
public class NotificationDeliveryTest {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String FROM = "notify@gongzhi.example.cn";
    private static final String CG_ROBOT = "jz-cg-robot";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The holders of a case of 城管 (CG) in grid 360802001001001 and their addresses (tenants/jizhou/people.yaml). */
    private static final Map<String, String[]> PEOPLE = Map.of(
            "jz-cg", new String[] {"jz-cg@jizhou.example.cn", "13900000402"},
            "jz-cg2", new String[] {"jz-cg2@jizhou.example.cn", "13900011002"},
            "jz-grid1", new String[] {"jz-grid1@jizhou.example.cn", "13900000202"},
            "jz-dispatcher", new String[] {"jz-dispatcher@jizhou.example.cn", "13900000102"});
    /** Sweep every 15 s, then delivery: a notification is out well within this. */
    private static final Duration DELIVERED = Duration.ofSeconds(90);
    /** The 催办's template key: the case's dispatch told the bureau as well ({@code case.dispatched}), not counted here. */
    private static final String REMINDER = "supervision.reminder.warning";

    private static GreenMail smtp;
    private static DepartmentSimulator provider;
    private static TestDatabase database;
    private static BootedPlatform first;
    private static BootedPlatform second;
    private static Api api;

    @BeforeClass
    public static void twoNodes() throws IOException {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        provider = Departments.startProvider();
        database = TestDatabase.start();
        long booting = System.nanoTime();
        first = BootedPlatform.start("notify-1", database, http -> delivery("notify-1"));
        second = BootedPlatform.start("notify-2", database, http -> delivery("notify-2"));
        System.out.printf("NotificationDeliveryTest: two nodes up in %d s%n", (System.nanoTime() - booting) / 1_000_000_000L);
        api = first.api();
    }

    /** A node's delivery settings: the SMTP server, the simulator as SMS gateway and robot, quick retries. */
    private static Option[] delivery(String node) {
        return new Option[] {
            KarafFeatures.operatorAccount(),
            editConfigurationFilePut("etc/org.gongzhi.sms.cfg", "url", provider.smsUrl().toString()),
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "node", node),
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "pollMillis", "250"),
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "retryBaseSeconds", "1"),
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "retryMaxSeconds", "2"),
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "maxAttempts", "1000"),
            // a short pace (ADR 0040), so that the 催办 goes out alone once the dispatch notice is out (see settled)
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "paceSmsSeconds", "1"),
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "paceEmailSeconds", "1"),
            editConfigurationFilePut("etc/org.gongzhi.notify.cfg", "paceWecomSeconds", "1"),
            editConfigurationFilePut("etc/org.gongzhi.notify.mail.cfg", "host", "127.0.0.1"),
            editConfigurationFilePut("etc/org.gongzhi.notify.mail.cfg", "port", Integer.toString(smtp.getSmtp().getPort())),
            editConfigurationFilePut("etc/org.gongzhi.notify.mail.cfg", "from", FROM),
            editConfigurationFilePut("etc/org.gongzhi.notify.wecom.cfg", "webhooks", "jizhou/CG=" + provider.wecomUrl(CG_ROBOT)),
        };
    }

    @AfterClass
    public static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    public void theDeliveryBundleIsActiveOnBothNodes() throws Exception {
        for (BootedPlatform node : List.of(first, second)) {
            Map<String, String> states = new KarafFeatures(node.etc()).bundleStates();
            assertEquals(states.toString(), "Active", states.get("org.gongzhi.notify"));
        }
    }

    @Test
    public void aCaseCrossingItsWarningTimeIsNotifiedOncePerPersonAndChannel() throws Exception {
        List<Path> logs = List.of(first.karafLog(), second.karafLog());
        JsonNode kase = JizhouCases.dispatchedToCg(api, "通知送达测试");
        String number = kase.get("number").asText();
        settled(kase);
        crossWarningTime(kase);

        Awaitility.await("the 催办's notifications delivered").atMost(DELIVERED).pollInterval(Duration.ofMillis(500))
                .until(() -> delivered(kase, PEOPLE.size() * 3 + 1));
        // and nothing more arrives: both nodes poll, the sweep runs again every 15 s
        nothingMoreFor(kase, PEOPLE.size() * 3 + 1, Duration.ofSeconds(4));

        JsonNode records = api.get(JIZHOU + "/cases/" + kase.get("id").asText() + "/supervision").body();
        assertEquals(records.toString(), 1, records.size());
        assertEquals("reminder", records.get(0).get("kind").asText());
        assertEquals("warning", records.get(0).get("trigger").asText());

        Map<String, String> rows = outbox(kase);
        for (String person : PEOPLE.keySet()) {
            for (String channel : List.of("INBOX", "SMS", "EMAIL")) {
                assertEquals(rows.toString(), "DELIVERED", rows.get(person + "/" + channel));
            }
        }
        assertEquals(rows.toString(), "DELIVERED", rows.get("department:CG/WECOM"));

        // e-mail: one per person, from the configured sender, the shipped template's Chinese subject and text
        String subject = "【催办】案件 " + number + " 即将超期";
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI)
                .format(Instant.parse(kase.get("dueAt").asText()));
        Pattern text = Pattern.compile("【催办】案件 " + Pattern.quote(number) + "（[^（）]+）将于 " + Pattern.quote(due)
                + " 到期，已用时限超过预警线，请抓紧办理。");
        String mailed = null;
        for (Map.Entry<String, String[]> p : PEOPLE.entrySet()) {
            List<MimeMessage> mails = mailsTo(p.getValue()[0], number);
            assertEquals(p.getKey() + " gets one e-mail", 1, mails.size());
            MimeMessage mail = mails.get(0);
            assertEquals(subject, mail.getSubject());
            assertEquals(FROM, mail.getFrom()[0].toString());
            assertTrue(mail.getContentType(), mail.getContentType().toLowerCase().contains("charset=utf-8"));
            mailed = ((String) mail.getContent()).strip();
            assertTrue(mailed, text.matcher(mailed).matches());
        }

        // SMS: one per person's phone, the gateway's signature before the same text
        for (Map.Entry<String, String[]> p : PEOPLE.entrySet()) {
            List<SmsMessage> sms = smsTo(p.getValue()[1], number);
            assertEquals(p.getKey() + " gets one SMS", 1, sms.size());
            assertEquals("【共治】" + mailed, sms.get(0).text());
            assertEquals("jizhou", sms.get(0).tenant());
        }

        // the department's group robot: one text message
        List<WecomMessage> robot = robotMessages(number);
        assertEquals(robot.toString(), 1, robot.size());
        assertEquals("text", robot.get(0).msgtype());
        assertTrue(robot.get(0).content(), robot.get(0).content().contains(mailed));

        // the inbox, through the second node (the nodes share the database)
        Api cg = second.api().as("jz-cg");
        long unread = unread(cg);
        assertTrue("unread " + unread, unread >= 1);
        JsonNode mine = null;
        int dispatchNotices = 0;
        for (JsonNode item : cg.get(JIZHOU + "/me/notifications?unread=true&limit=200").body().get("items")) {
            if (number.equals(item.path("caseNumber").asText()) && "case.dispatched".equals(item.path("event").asText())) {
                dispatchNotices++;
                assertEquals(item.toString(), "【派遣】新案件 " + number, item.path("subject").asText());
            }
            if (number.equals(item.path("caseNumber").asText()) && REMINDER.equals(item.path("event").asText())) {
                assertEquals("one inbox item for the case", null, mine);
                mine = item;
            }
        }
        assertNotNull("the 催办 is in jz-cg's inbox", mine);
        assertEquals("the dispatch told the bureau's handler once (派遣通知)", 1, dispatchNotices);
        assertEquals(subject, mine.get("subject").asText());
        assertEquals(mailed, mine.get("text").asText());
        assertEquals("supervision.reminder.warning", mine.get("event").asText());
        assertFalse(mine.get("read").asBoolean());
        String id = mine.get("id").asText();
        assertEquals("someone else's notification", 404, api.as("jz-ga").post(JIZHOU + "/me/notifications/" + id + "/read", "").status());
        Api.Reply read = cg.post(JIZHOU + "/me/notifications/" + id + "/read", "");
        assertEquals(read.body().toString(), 200, read.status());
        assertTrue(read.body().get("read").asBoolean());
        assertNotNull(read.text("readAt"));
        assertEquals(unread - 1, unread(cg));
        assertEquals("read twice stays read", 200, cg.post(JIZHOU + "/me/notifications/" + id + "/read", "").status());
        assertEquals(unread - 1, unread(cg));
        Api.Reply all = cg.post(JIZHOU + "/me/notifications/read-all", "");
        assertEquals(all.body().toString(), 200, all.status());
        assertEquals(unread - 1, all.body().get("marked").asLong());
        assertEquals(0, unread(cg));
        assertTrue("jz-grid1's own inbox is untouched", unread(api.as("jz-grid1")) >= 1);

        // nothing personal in the nodes' logs
        for (Path log : logs) {
            String all2 = Files.readString(log);
            for (String[] address : PEOPLE.values()) {
                assertFalse(log + " names " + address[0], all2.contains(address[0]));
                assertFalse(log + " names a phone number", all2.contains(address[1]));
            }
        }
    }

    @Test
    public void aProviderThatIsDownGetsTheNotificationLaterOnce() throws Exception {
        provider.down();
        JsonNode kase;
        try {
            kase = JizhouCases.dispatchedToCg(api, "通知渠道故障测试");
            crossWarningTime(kase);
            Awaitility.await("SMS and robot attempts fail while the provider is down").atMost(DELIVERED)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> attempts(kase, "SMS") >= 2 && attempts(kase, "WECOM") >= 2);
            Map<String, String> rows = outbox(kase);
            assertEquals(rows.toString(), "PENDING", rows.get("jz-cg/SMS"));
            assertEquals(rows.toString(), "PENDING", rows.get("department:CG/WECOM"));
            assertEquals("e-mail does not wait for the SMS gateway", "DELIVERED", rows.get("jz-cg/EMAIL"));
            assertEquals(0, smsTo(PEOPLE.get("jz-cg")[1], kase.get("number").asText()).size());
        } finally {
            provider.up();
        }
        String number = kase.get("number").asText();
        Awaitility.await("delivered once the provider is back").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> delivered(kase, PEOPLE.size() * 3 + 1));
        nothingMoreFor(kase, PEOPLE.size() * 3 + 1, Duration.ofSeconds(4));
        for (Map.Entry<String, String[]> p : PEOPLE.entrySet()) {
            assertEquals(p.getKey() + " gets one SMS", 1, smsTo(p.getValue()[1], number).size());
            assertEquals(p.getKey() + " gets one e-mail", 1, mailsTo(p.getValue()[0], number).size());
        }
        assertEquals(1, robotMessages(number).size());
    }

    // ---- helpers ----

    /**
     * Waits until the case's dispatch notices are delivered and the pace has passed since the last delivery of
     * any notification: a 催办 written now goes out as itself, not in a digest with the dispatch notice.
     */
    private static void settled(JsonNode kase) {
        Awaitility.await("the dispatch notices out, the pace passed").atMost(DELIVERED).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try (Connection c = first.database();
                            PreparedStatement st = c.prepareStatement("select count(*) filter (where case_id = ? and "
                                    + "state = 'PENDING'), count(*) filter (where case_id = ?), coalesce(extract(epoch from "
                                    + "now() - max(delivered_at)), 999) from notification_outbox where channel <> 'INBOX'")) {
                        st.setObject(1, UUID.fromString(kase.get("id").asText()));
                        st.setObject(2, UUID.fromString(kase.get("id").asText()));
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            return rs.getLong(1) == 0 && rs.getLong(2) > 0 && rs.getDouble(3) > 1.5;
                        }
                    }
                });
    }

    /** Moves the case's warning time a minute into the past (its due time stays hours ahead). */
    private static void crossWarningTime(JsonNode kase) throws SQLException {
        try (Connection c = first.database();
                PreparedStatement st = c.prepareStatement(
                        "update case_record set warning_at = now() - interval '1 minute' where id = ?")) {
            st.setObject(1, UUID.fromString(kase.get("id").asText()));
            assertEquals(1, st.executeUpdate());
        }
    }

    /** The case's 催办 notifications (not its dispatch's): "destination/CHANNEL" → state. */
    private static Map<String, String> outbox(JsonNode kase) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = first.database();
                PreparedStatement st = c.prepareStatement(
                        "select destination, channel, state from notification_outbox where case_id = ? and event = ?")) {
            st.setObject(1, UUID.fromString(kase.get("id").asText()));
            st.setString(2, REMINDER);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "/" + rs.getString(2);
                    assertEquals("one row per destination and channel: " + key, null, out.put(key, rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** The case keeps exactly {@code rows} notifications for {@code quiet}: nothing is written twice. */
    private static void nothingMoreFor(JsonNode kase, int rows, Duration quiet) {
        Awaitility.await("no notification beyond " + rows).during(quiet).atMost(quiet.plusSeconds(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> outbox(kase).size() == rows);
    }

    /** Whether the case has at least {@code rows} notifications, none of them still pending. */
    private static boolean delivered(JsonNode kase, int rows) throws SQLException {
        Map<String, String> out = outbox(kase);
        return out.size() >= rows && !out.containsValue("PENDING");
    }

    /** The most attempts of the case's notifications on a channel. */
    private static int attempts(JsonNode kase, String channel) throws SQLException {
        try (Connection c = first.database();
                PreparedStatement st = c.prepareStatement(
                        "select coalesce(max(attempts), 0) from notification_outbox where case_id = ? and channel = ? and event = ?")) {
            st.setObject(1, UUID.fromString(kase.get("id").asText()));
            st.setString(2, channel);
            st.setString(3, REMINDER);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The e-mails to {@code address} that carry the case's 催办: the 催办 itself, or a digest (ADR 0040: what comes
     * for one person within the pace goes out together, e.g. with the case's dispatch notice) that lists it.
     */
    private static List<MimeMessage> mailsTo(String address, String caseNumber) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            if (to == null || Arrays.stream(to).noneMatch(a -> a.toString().equals(address)) || m.getSubject() == null) {
                continue;
            }
            boolean alone = m.getSubject().contains(caseNumber) && m.getSubject().startsWith("【催办】");
            boolean listed = !alone && String.valueOf(m.getContent()).contains("【催办】案件 " + caseNumber);
            if (alone || listed) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<SmsMessage> smsTo(String phone, String caseNumber) {
        return provider.smsMessages(phone).stream().filter(m -> m.text().contains(caseNumber) && m.text().contains("【催办】")).toList();
    }

    private static List<WecomMessage> robotMessages(String caseNumber) {
        return provider.wecomMessages(CG_ROBOT).stream().filter(m -> m.content().contains(caseNumber) && m.content().contains("【催办】")).toList();
    }

    private static long unread(Api as) throws Exception {
        Api.Reply r = as.get(JIZHOU + "/me/notifications/unread-count");
        assertEquals(r.body().toString(), 200, r.status());
        return r.body().get("unread").asLong();
    }
}
