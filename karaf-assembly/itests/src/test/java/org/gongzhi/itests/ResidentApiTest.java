package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The resident page's API over HTTP in the real container (issue 14, part 2 and 4): a one-time code
 * read from the SMS provider simulator, a session, a report from a grid's QR code, my reports, another
 * resident and another district seeing nothing, the centre closing the case over the staff API, rating,
 * reopening; the code's attempt limit and expiry, the limits per phone and per client address; and no
 * phone number or code in karaf.log.
 */
public class ResidentApiTest extends PlatformTestSupport {

    private static final String JZ = "/api/v1/resident/jizhou";
    private static final String DH = "/api/v1/resident/donghu";
    private static final String GRID = "360802001001001";
    /** Every phone number of this class: none may reach the log. */
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** Every one-time code of this class: none may reach the log as a code (six digits alone also occur in case numbers). */
    private static final Set<String> CODES = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    @Filter("(gongzhi.datasource=main)")
    private DataSource database;

    private Residents residents;

    @Override
    protected Option[] extraOptions(int httpPort, String keycloakUrl) {
        // requests come from 127.0.0.1: as a trusted proxy, its X-Forwarded-For names the client
        return new Option[] {editConfigurationFilePut("etc/org.gongzhi.resident.cfg", "trustedProxies", "127.0.0.1")};
    }

    @Before
    public void residents() {
        residents = Residents.of(Integer.getInteger("gongzhi.test.http.port"));
    }

    /** A phone number of this test alone (a fresh code limit, no earlier code). */
    private static String phone() {
        String phone = "1390000" + String.format("%04d", 1000 + NEXT.incrementAndGet());
        SECRETS.add(phone);
        return phone;
    }

    private String signIn(String district, String phone) {
        String token = residents.signIn(district, phone);
        try {
            JsonNode last = residents.messages(phone).get(0);
            String text = last.get("text").asText();
            assertTrue(text, text.startsWith("【共治】"));
            CODES.add(text.replaceAll(".*验证码为 ([0-9]{6}).*", "$1"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    private static void problem(Residents.Answer a, int status, String field) {
        assertEquals(String.valueOf(a.body()), status, a.status());
        assertTrue(a.response().headers().firstValue("Content-Type").orElse(""),
                a.response().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(status, a.body().get("status").asInt());
        if (field != null) {
            assertEquals(String.valueOf(a.body()), field, a.text("field"));
        }
    }

    private Residents.Answer report(String token, String key, Map<String, Object> body) throws Exception {
        return residents.post(JZ + "/reports", body, token, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static Map<String, Object> qrReport(String description, boolean publicConsent) {
        return Map.of("categoryCode", "CM0101", "description", description, "gridCode", GRID, "channel", "qr-code",
                "evidence", List.of(), "publicConsent", publicConsent);
    }

    /** The centre takes the case through the loop to closed, with a public note at feedback. */
    private void closeOverTheStaffApi(String id) throws Exception {
        JizhouCases.closeOverTheStaffApi(api, id, "垃圾已清运，感谢您的反映");
    }

    @Test
    public void aResidentReportsFromAQrCodeFollowsRatesAndReopens() throws Exception {
        Residents.Answer district = residents.get(JZ, null);
        assertEquals(200, district.status());
        assertEquals("吉州区", district.text("name"));
        assertTrue(district.body().get("categories").size() > 10);
        assertEquals(7, district.body().get("reopenDays").asInt());
        Residents.Answer grid = residents.get(JZ + "/grids/" + GRID, null);
        assertEquals(200, grid.status());
        assertEquals(4, grid.body().get("path").size());
        assertEquals(200, residents.get(JZ + "/grids/map?level=grid", null).status());

        String phone = phone();
        String token = signIn("jizhou", phone);
        Residents.Answer created = report(token, "qr-1-" + phone, qrReport("小区门口垃圾堆积，已有异味", true));
        assertEquals(String.valueOf(created.body()), 201, created.status());
        String id = created.text("id");
        assertEquals("reported", created.text("status"));
        Residents.Answer replay = report(token, "qr-1-" + phone, qrReport("小区门口垃圾堆积，已有异味", true));
        assertEquals("the same key again: the same case", 200, replay.status());
        assertEquals(id, replay.text("id"));

        Api.Reply staff = api.get("/api/v1/tenants/jizhou/cases/" + id);
        assertEquals("qr-code", staff.text("channel"));
        assertEquals("the verified phone is the reporter's", phone, staff.text("reporterPhone"));
        assertEquals(GRID, staff.text("gridCode"));
        assertTrue("the resident agreed to publish it", staff.body().get("publicCase").asBoolean());
        assertEquals("暴露垃圾：小区门口垃圾堆积，已有异味", staff.text("title"));

        Residents.Answer mine = residents.get(JZ + "/reports", token);
        assertEquals(200, mine.status());
        assertEquals(1, mine.body().get("total").asInt());
        assertEquals(id, mine.body().get("items").get(0).get("id").asText());
        assertFalse(mine.body().get("items").get(0).get("canRate").asBoolean());

        String other = signIn("jizhou", phone());
        problem(residents.get(JZ + "/reports/" + id, other), 404, null);
        Residents.Answer missing = residents.get(JZ + "/reports/6f1e8a3c-0d4b-4e59-8c7a-2b9d1f0e4a11", other);
        problem(missing, 404, null);
        assertEquals(0, residents.get(JZ + "/reports", other).body().get("total").asInt());
        problem(residents.post(JZ + "/reports/" + id + "/rating", Map.of("score", 1), other, Map.of()), 404, null);

        closeOverTheStaffApi(id);
        Residents.Answer closed = residents.get(JZ + "/reports/" + id, token);
        assertEquals("closed", closed.text("status"));
        assertTrue(closed.body().get("canRate").asBoolean());
        assertTrue(closed.body().get("canReopen").asBoolean());
        assertNotNull(closed.text("reopenUntil"));
        assertEquals("垃圾已清运，感谢您的反映", closed.body().get("publicNotes").get(0).get("text").asText());
        assertFalse("internal notes stay internal", closed.body().toString().contains("内部"));
        assertFalse("the phone is not in the resident's view", closed.body().toString().contains(phone));

        Residents.Answer rated = residents.post(JZ + "/reports/" + id + "/rating", Map.of("score", 5, "comment", "很满意"),
                token, Map.of());
        assertEquals(String.valueOf(rated.body()), 200, rated.status());
        assertEquals("evaluated", rated.text("status"));
        assertEquals(5, rated.body().get("satisfaction").asInt());
        assertFalse(rated.body().get("canReopen").asBoolean());
        problem(residents.post(JZ + "/reports/" + id + "/rating", Map.of("score", 4), token, Map.of()), 409, "status");
        problem(residents.post(JZ + "/reports/" + id + "/reopen", Map.of("reason", "又脏了"), token, Map.of()), 409,
                "status");
        assertEquals(5, api.get("/api/v1/tenants/jizhou/cases/" + id).body().get("satisfaction").asInt());

        Residents.Answer second = report(token, null, qrReport("路灯不亮", false));
        String unhappy = second.text("id");
        assertFalse(api.get("/api/v1/tenants/jizhou/cases/" + unhappy).body().get("publicCase").asBoolean());
        problem(residents.post(JZ + "/reports/" + unhappy + "/reopen", Map.of("reason", "x"), token, Map.of()), 409,
                "status");
        closeOverTheStaffApi(unhappy);
        assertEquals(200, residents.post(JZ + "/reports/" + unhappy + "/rating", Map.of("score", 2), token, Map.of())
                .status());
        Residents.Answer reopened = residents.post(JZ + "/reports/" + unhappy + "/reopen",
                Map.of("reason", "路灯还是不亮"), token, Map.of());
        assertEquals(String.valueOf(reopened.body()), 200, reopened.status());
        assertEquals("registered", reopened.text("status"));
        JsonNode journal = api.get("/api/v1/tenants/jizhou/cases/" + unhappy + "/journal").body();
        JsonNode last = journal.get(journal.size() - 1);
        assertEquals("reopen", last.get("action").asText());
        assertTrue(last.get("actor").asText(), last.get("actor").asText().matches("resident:[0-9a-f]{64}"));
        assertEquals("the resident reported and reopened it", journal.get(0).get("actor").asText(),
                last.get("actor").asText());
        assertEquals(2, residents.get(JZ + "/reports", token).body().get("total").asInt());
        noSecretsInTheLog();
    }

    @Test
    public void withoutAValidTokenNothingIsShown() throws Exception {
        Residents.Answer none = residents.get(JZ + "/reports", null);
        problem(none, 401, null);
        assertTrue(none.response().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        problem(residents.get(JZ + "/reports", "not-a-token"), 401, null);
        String token = signIn("jizhou", phone());
        String id = report(token, null, qrReport("占道经营", false)).text("id");
        problem(residents.get(DH + "/reports", token), 401, null);
        problem(residents.get(DH + "/reports/" + id, token), 401, null);

        String donghu = signIn("donghu", phone());
        assertEquals(0, residents.get(DH + "/reports", donghu).body().get("total").asInt());
        problem(residents.get(DH + "/reports/" + id, donghu), 404, null);
        problem(residents.get(JZ + "/reports/" + id, donghu), 401, null);

        assertEquals(204, residents.delete(JZ + "/sessions/current", token).status());
        problem(residents.get(JZ + "/reports", token), 401, null);
        problem(residents.get("/api/v1/resident/atlantis", null), 404, null);
        noSecretsInTheLog();
    }

    @Test
    public void fiveWrongCodesKillTheCode() throws Exception {
        String phone = phone();
        int before = residents.messages(phone).size();
        assertEquals(202, residents.post(JZ + "/codes", Map.of("phone", phone), null, Map.of()).status());
        String code = residents.code(phone, before);
        CODES.add(code);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            Residents.Answer a = residents.post(JZ + "/sessions", Map.of("phone", phone, "code", wrong), null, Map.of());
            problem(a, 400, "code");
            assertTrue(a.text("detail"), a.text("detail").contains(left == 0 ? "too many" : left + " attempts left"));
        }
        Residents.Answer dead = residents.post(JZ + "/sessions", Map.of("phone", phone, "code", code), null, Map.of());
        problem(dead, 400, "code");
        assertTrue(dead.text("detail"), dead.text("detail").contains("too many wrong attempts"));
        problem(residents.post(JZ + "/sessions", Map.of("phone", phone, "code", "12345"), null, Map.of()), 400, "code");
        problem(residents.post(JZ + "/codes", Map.of("phone", "12800000000"), null, Map.of()), 400, "phone");
        noSecretsInTheLog();
    }

    @Test
    public void anExpiredCodeIsRefusedAndAUsedOneToo() throws Exception {
        String phone = phone();
        int before = residents.messages(phone).size();
        assertEquals(202, residents.post(JZ + "/codes", Map.of("phone", phone), null, Map.of()).status());
        String code = residents.code(phone, before);
        CODES.add(code);
        try (Connection c = database.getConnection(); PreparedStatement st = c.prepareStatement(
                "update resident_code set expires_at = now() - interval '1 second' where tenant_id = 'jizhou' "
                        + "and phone_hash = ?")) {
            st.setString(1, sha256("jizhou:" + phone));
            assertEquals("the code is stored by the hash of district and phone", 1, st.executeUpdate());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        Residents.Answer expired = residents.post(JZ + "/sessions", Map.of("phone", phone, "code", code), null, Map.of());
        problem(expired, 400, "code");
        assertTrue(expired.text("detail"), expired.text("detail").contains("expired"));
        noSecretsInTheLog();
    }

    @Test
    public void codesAreLimitedPerPhoneAndPerClientAddress() throws Exception {
        String phone = phone();
        assertEquals(202, residents.post(JZ + "/codes", Map.of("phone", phone), null, Map.of()).status());
        Residents.Answer again = residents.post(JZ + "/codes", Map.of("phone", phone), null, Map.of());
        problem(again, 429, "phone");
        long retry = Long.parseLong(again.response().headers().firstValue("Retry-After").orElse("0"));
        assertTrue("Retry-After " + retry, retry >= 1 && retry <= 60);

        Map<String, String> client = Map.of("X-Forwarded-For", "203.0.113.77");
        for (int i = 0; i < 20; i++) {
            Residents.Answer a = residents.post(JZ + "/codes", Map.of("phone", phone()), null, client);
            assertEquals(String.valueOf(a.body()), 202, a.status());
        }
        Residents.Answer address = residents.post(JZ + "/codes", Map.of("phone", phone()), null, client);
        problem(address, 429, null);
        assertTrue(address.response().headers().firstValue("Retry-After").isPresent());
        assertEquals("another client is not held back", 202, residents.post(JZ + "/codes", Map.of("phone", phone()), null,
                Map.of("X-Forwarded-For", "203.0.113.78")).status());
        noSecretsInTheLog();
    }

    @Test
    public void badReportsAreRefusedNamingTheField() throws Exception {
        String token = signIn("jizhou", phone());
        problem(report(token, null, Map.of("categoryCode", "CM0101", "description", "x", "channel", "qr-code",
                "publicConsent", false)), 400, "gridCode");
        problem(report(token, null, Map.of("categoryCode", "CM0101", "description", "x", "channel", "resident-app",
                "publicConsent", false)), 400, "location");
        problem(report(token, null, Map.of("categoryCode", "CM01", "description", "x", "gridCode", GRID, "channel",
                "qr-code", "publicConsent", false)), 400, "categoryCode");
        problem(report(token, null, Map.of("categoryCode", "CM0101", "description", "x", "gridCode", GRID, "channel",
                "hotline", "publicConsent", false)), 400, "channel");
        problem(report(token, null, Map.of("categoryCode", "CM0101", "description", "x", "gridCode", GRID, "channel",
                "qr-code", "publicConsent", "yes")), 400, "publicConsent");
        problem(report(token, null, Map.of("categoryCode", "CM0101", "description", "x", "gridCode", GRID, "channel",
                "qr-code", "publicConsent", false, "evidence", List.of("not-an-id"))), 400, "evidence");
        problem(report(token, "a key with blanks", qrReport("x", false)), 400, "Idempotency-Key");
        problem(residents.get(JZ + "/reports?limit=500", token), 400, "limit");
        noSecretsInTheLog();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** No phone number or code of this class in karaf.log, at any level. */
    private static void noSecretsInTheLog() throws IOException {
        String dir = System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log");
        String log = Files.readString(Path.of(dir, "karaf.log"), StandardCharsets.UTF_8);
        for (String phone : SECRETS) {
            assertFalse("karaf.log mentions a resident's phone number", log.contains(phone));
        }
        for (String code : CODES) {
            for (String as : List.of("验证码为 " + code, "\"" + code + "\"", "code=" + code, "code: " + code)) {
                assertFalse("karaf.log mentions a one-time code", log.contains(as));
            }
        }
        assertNotEquals("the log was read", 0, log.length());
    }
}
