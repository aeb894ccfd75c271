package org.gongzhi.core.resident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gongzhi.core.service.RateLimitedException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.residents.ResidentSession;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/** One-time codes and sessions on a real PostgreSQL, two "nodes" sharing it. */
public class ResidentAccountsTest {

    @ClassRule
    public static final ResidentDatabase DB = new ResidentDatabase();

    private static final String JIZHOU = "jizhou";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private ResidentAccounts node1;
    private ResidentAccounts node2;
    private String phone;

    @Before
    public void accounts() {
        node1 = new ResidentAccounts(DB.store(), clock, new SecureRandom(), Duration.ofDays(7));
        node2 = new ResidentAccounts(DB.store(), clock, new SecureRandom(), Duration.ofDays(7));
        phone = "139" + String.format("%08d", new SecureRandom().nextInt(100_000_000)); // a number of this test alone
    }

    @Test
    public void theRightCodeOpensASessionOnceAndOnAnyNode() {
        String code = node1.issue(JIZHOU, phone);
        assertThat(code).matches("[0-9]{6}");
        ResidentAccounts.Issued session = node2.signIn(JIZHOU, phone, code);
        assertThat(session.token()).as("256 random bits, URL-safe Base64").matches("[A-Za-z0-9_-]{43}");
        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        ResidentSession found = node1.find(JIZHOU, session.token()).orElseThrow();
        assertThat(found.subject()).isEqualTo(ResidentSession.subjectOf(JIZHOU, phone)).hasSize(73);
        assertThat(found.phone()).isEqualTo(phone);
        assertThatThrownBy(() -> node1.signIn(JIZHOU, phone, code)).as("single use")
                .isInstanceOf(ValidationException.class).hasMessageContaining("no code was sent")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("code");
    }

    @Test
    public void neitherCodeNorTokenIsStored() {
        String code = node1.issue(JIZHOU, phone);
        List<String> codeRow = DB.sql(c -> row(c.prepareStatement("select * from resident_code where tenant_id = 'jizhou'"
                + " and phone_hash = '" + ResidentAccounts.phoneHash(JIZHOU, phone) + "'")));
        assertThat(codeRow).isNotEmpty().noneMatch(v -> v != null && (v.contains(code) || v.contains(phone)));
        String token = node1.signIn(JIZHOU, phone, code).token();
        List<String> sessionRow = DB.sql(c -> row(c.prepareStatement("select token_hash, subject, created_at, expires_at "
                + "from resident_session where tenant_id = 'jizhou' and subject = '"
                + ResidentSession.subjectOf(JIZHOU, phone) + "'")));
        assertThat(sessionRow).isNotEmpty().noneMatch(v -> v.contains(token) || v.contains(phone));
    }

    private static List<String> row(PreparedStatement st) throws java.sql.SQLException {
        try (st; ResultSet rs = st.executeQuery()) {
            List<String> values = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
            }
            return values;
        }
    }

    @Test
    public void aNewCodeNoSoonerThanAMinuteAfterTheLastOnAnyNode() {
        String first = node1.issue(JIZHOU, phone);
        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> node2.issue(JIZHOU, phone)).isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds()).isEqualTo(40))
                .extracting(e -> ((RateLimitedException) e).field()).isEqualTo("phone");
        clock.advance(Duration.ofSeconds(40));
        String second = node2.issue(JIZHOU, phone);
        if (!second.equals(first)) { // one in a million they are the same
            assertThatThrownBy(() -> node1.signIn(JIZHOU, phone, first)).as("the new code replaced the old one")
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(node1.signIn(JIZHOU, phone, second).token()).isNotBlank();
    }

    @Test
    public void fiveWrongCodesKillIt() {
        String code = node1.issue(JIZHOU, phone);
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int left = 4; left >= 1; left--) {
            assertThatThrownBy(() -> node1.signIn(JIZHOU, phone, wrong)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining(left + " attempts left");
        }
        assertThatThrownBy(() -> node2.signIn(JIZHOU, phone, wrong)).hasMessageContaining("too many wrong attempts");
        assertThatThrownBy(() -> node1.signIn(JIZHOU, phone, code)).as("even the right code is dead now")
                .hasMessageContaining("too many wrong attempts");
        clock.advance(Duration.ofMinutes(1));
        String fresh = node1.issue(JIZHOU, phone);
        assertThat(node1.signIn(JIZHOU, phone, fresh).token()).as("a new code starts afresh").isNotBlank();
    }

    @Test
    public void aCodeExpiresAfterFiveMinutes() {
        String code = node1.issue(JIZHOU, phone);
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> node1.signIn(JIZHOU, phone, code)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    public void aWithdrawnCodeMayBeAskedAgainAtOnce() {
        node1.issue(JIZHOU, phone);
        node1.withdraw(JIZHOU, phone);
        assertThat(node2.issue(JIZHOU, phone)).matches("[0-9]{6}");
    }

    @Test
    public void aCodeAndASessionBelongToOneDistrict() {
        String code = node1.issue(JIZHOU, phone);
        assertThatThrownBy(() -> node1.signIn("donghu", phone, code)).isInstanceOf(ValidationException.class);
        String token = node1.signIn(JIZHOU, phone, code).token();
        assertThat(node1.find("donghu", token)).isEmpty();
        assertThat(node1.find(JIZHOU, token)).isPresent();
        assertThat(node1.find(JIZHOU, token + "x")).isEmpty();
        assertThat(node1.find(JIZHOU, "")).isEmpty();
    }

    @Test
    public void sessionsExpireAndAreRevoked() {
        String token = node1.signIn(JIZHOU, phone, node1.issue(JIZHOU, phone)).token();
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(node2.find(JIZHOU, token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(node2.find(JIZHOU, token)).as("a fixed lifetime, not sliding").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        String other = node1.signIn(JIZHOU, phone, node1.issue(JIZHOU, phone)).token();
        assertThat(node2.revoke(JIZHOU, other)).isTrue();
        assertThat(node1.find(JIZHOU, other)).isEmpty();
        assertThat(node1.revoke(JIZHOU, other)).isFalse();
    }

    @Test
    public void codesAreSixRandomDigits() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String p = "13" + String.format("%09d", i + 500_000_000 + new SecureRandom().nextInt(1000) * 1000);
            codes.add(node1.issue(JIZHOU, p));
        }
        assertThat(codes).allMatch(c -> c.matches("[0-9]{6}")).hasSizeGreaterThan(25);
    }
}
