package org.gongzhi.core.resident.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.gongzhi.core.service.RateLimitedException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.residents.ResidentSession;

/**
 * One-time codes (短信验证码) and sessions of residents, in PostgreSQL (tables {@code resident_code} and
 * {@code resident_session}, migration V12), so every platform node agrees.
 *
 * <p>Codes: 6 digits from {@link SecureRandom}; stored as the SHA-256 of a random salt, the phone's hash and
 * the code (never the code itself); valid {@value #CODE_MINUTES} minutes; single use (deleted when used); dead
 * after {@value #MAX_ATTEMPTS} wrong attempts; a new one replaces the pending one no sooner than
 * {@value #RESEND_SECONDS} s after it (decided by the insert itself, so two nodes cannot both send). The
 * space of 10⁶ codes is small: the hash keeps codes out of dumps and logs, the attempt limit and the
 * lifetime are what protect them.
 *
 * <p>Sessions: an opaque token of 256 random bits (URL-safe Base64), stored as its SHA-256; a fixed
 * lifetime from sign-in ({@link Settings#sessionLifetime()}); revoked by deleting the row. Expired rows of a
 * district are deleted when its residents sign in.
 */
final class ResidentAccounts {

    static final int CODE_MINUTES = 5;
    static final int RESEND_SECONDS = 60;
    static final int MAX_ATTEMPTS = 5;
    static final Duration CODE_LIFETIME = Duration.ofMinutes(CODE_MINUTES);
    static final Duration RESEND_AFTER = Duration.ofSeconds(RESEND_SECONDS);
    private static final HexFormat HEX = HexFormat.of();

    /** A session just opened: the token (shown once, to its owner) and its end. */
    record Issued(String token, Instant expiresAt) {
    }

    private final Store db;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration sessionLifetime;

    ResidentAccounts(Store db, Clock clock, SecureRandom random, Duration sessionLifetime) {
        this.db = db;
        this.clock = clock;
        this.random = random;
        this.sessionLifetime = sessionLifetime;
    }

    /**
     * A new code for {@code phone}, replacing a pending one.
     *
     * @throws RateLimitedException when the pending code was issued less than {@value #RESEND_SECONDS} s ago
     */
    String issue(String tenant, String phone) {
        Instant now = clock.instant();
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HEX.formatHex(saltBytes);
        String phoneHash = phoneHash(tenant, phone);
        Instant issuedAt = db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into resident_code (tenant_id, phone_hash, code_hash, salt, issued_at, expires_at, attempts)
                    values (?, ?, ?, ?, ?, ?, 0)
                    on conflict (tenant_id, phone_hash) do update set code_hash = excluded.code_hash,
                        salt = excluded.salt, issued_at = excluded.issued_at, expires_at = excluded.expires_at, attempts = 0
                    where resident_code.tenant_id = ? and resident_code.issued_at <= ?""")) {
                st.setString(1, tenant);
                st.setString(2, phoneHash);
                st.setString(3, codeHash(salt, phoneHash, code));
                st.setString(4, salt);
                st.setTimestamp(5, Timestamp.from(now));
                st.setTimestamp(6, Timestamp.from(now.plus(CODE_LIFETIME)));
                st.setString(7, tenant);
                st.setTimestamp(8, Timestamp.from(now.minus(RESEND_AFTER)));
                if (st.executeUpdate() == 1) {
                    return null;
                }
            }
            Instant pending = pendingIssuedAt(c, tenant, phoneHash);
            return pending != null ? pending : now.minus(RESEND_AFTER).plusSeconds(1); // it just went: a second
        });
        if (issuedAt != null) {
            throw new RateLimitedException("phone", Duration.between(now, issuedAt.plus(RESEND_AFTER)),
                    "验证码已发送，请稍后再获取 (a code was sent less than " + RESEND_SECONDS + " s ago)");
        }
        return code;
    }

    private static Instant pendingIssuedAt(Connection c, String tenant, String phoneHash) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select issued_at from resident_code where tenant_id = ? and phone_hash = ?")) {
            st.setString(1, tenant);
            st.setString(2, phoneHash);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** Removes the pending code of {@code phone} (its message could not be sent): a new one may be asked at once. */
    void withdraw(String tenant, String phone) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "delete from resident_code where tenant_id = ? and phone_hash = ?")) {
                st.setString(1, tenant);
                st.setString(2, phoneHash(tenant, phone));
                return st.executeUpdate();
            }
        });
    }

    /** Why a code was not accepted (a {@link ValidationException} on {@code code}), or null: accepted. */
    private enum Refusal {
        NONE("请先获取验证码 (no code was sent to this number: ask for one)"),
        DEAD("验证码错误次数过多，已失效，请重新获取 (too many wrong attempts: ask for a new code)"),
        EXPIRED("验证码已过期，请重新获取 (the code has expired: ask for a new one)");

        final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    /** The outcome of one attempt: a session, or a refusal, or a wrong code with the attempts left. */
    private record Attempt(Issued session, Refusal refusal, int attemptsLeft) {
    }

    /**
     * Signs in with the code sent to {@code phone}: the code is used up and a session opened, in one
     * transaction. A wrong code counts an attempt (committed before the refusal).
     *
     * @throws ValidationException on {@code code}: wrong (with the attempts left), dead, expired, or none sent
     */
    Issued signIn(String tenant, String phone, String code) {
        Instant now = clock.instant();
        String phoneHash = phoneHash(tenant, phone);
        Attempt attempt = db.inTransaction(c -> {
            String stored;
            String salt;
            Instant expiresAt;
            int attempts;
            try (PreparedStatement st = c.prepareStatement("select code_hash, salt, expires_at, attempts from resident_code "
                    + "where tenant_id = ? and phone_hash = ? for update")) {
                st.setString(1, tenant);
                st.setString(2, phoneHash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new Attempt(null, Refusal.NONE, 0);
                    }
                    stored = rs.getString(1);
                    salt = rs.getString(2);
                    expiresAt = rs.getTimestamp(3).toInstant();
                    attempts = rs.getInt(4);
                }
            }
            if (attempts >= MAX_ATTEMPTS) {
                return new Attempt(null, Refusal.DEAD, 0);
            }
            if (!now.isBefore(expiresAt)) {
                return new Attempt(null, Refusal.EXPIRED, 0);
            }
            boolean right = MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                    codeHash(salt, phoneHash, code).getBytes(StandardCharsets.US_ASCII));
            if (!right) {
                try (PreparedStatement st = c.prepareStatement("update resident_code set attempts = attempts + 1 "
                        + "where tenant_id = ? and phone_hash = ?")) {
                    st.setString(1, tenant);
                    st.setString(2, phoneHash);
                    st.executeUpdate();
                }
                return new Attempt(null, null, MAX_ATTEMPTS - attempts - 1);
            }
            try (PreparedStatement st = c.prepareStatement("delete from resident_code where tenant_id = ? and phone_hash = ?")) {
                st.setString(1, tenant);
                st.setString(2, phoneHash);
                st.executeUpdate();
            }
            return new Attempt(open(c, tenant, phone, now), null, MAX_ATTEMPTS);
        });
        if (attempt.session() != null) {
            return attempt.session();
        }
        if (attempt.refusal() != null) {
            throw new ValidationException("code", attempt.refusal().message);
        }
        if (attempt.attemptsLeft() == 0) {
            throw new ValidationException("code", Refusal.DEAD.message);
        }
        throw new ValidationException("code", "验证码不正确，还可尝试 " + attempt.attemptsLeft() + " 次 (wrong code: "
                + attempt.attemptsLeft() + " attempts left)");
    }

    private Issued open(Connection c, String tenant, String phone, Instant now) throws SQLException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(sessionLifetime);
        try (PreparedStatement st = c.prepareStatement("insert into resident_session "
                + "(tenant_id, token_hash, subject, phone, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")) {
            st.setString(1, tenant);
            st.setString(2, sha256(token));
            st.setString(3, ResidentSession.subjectOf(tenant, phone));
            st.setString(4, phone);
            st.setTimestamp(5, Timestamp.from(now));
            st.setTimestamp(6, Timestamp.from(expiresAt));
            st.executeUpdate();
        }
        for (String table : new String[] {"resident_session", "resident_code"}) { // housekeeping: the district's dead rows
            try (PreparedStatement st = c.prepareStatement("delete from " + table + " where tenant_id = ? and expires_at < ?")) {
                st.setString(1, tenant);
                st.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(1))));
                st.executeUpdate();
            }
        }
        return new Issued(token, expiresAt);
    }

    /** The live session of {@code token} in {@code tenant}. */
    Optional<ResidentSession> find(String tenant, String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select subject, phone, expires_at from resident_session "
                    + "where tenant_id = ? and token_hash = ? and expires_at > ?")) {
                st.setString(1, tenant);
                st.setString(2, sha256(token));
                st.setTimestamp(3, Timestamp.from(now));
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new ResidentSession(tenant, rs.getString(1), rs.getString(2),
                            rs.getTimestamp(3).toInstant())) : Optional.<ResidentSession>empty();
                }
            }
        });
    }

    /** Ends the session of {@code token}; false when there was none. */
    boolean revoke(String tenant, String token) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "delete from resident_session where tenant_id = ? and token_hash = ?")) {
                st.setString(1, tenant);
                st.setString(2, sha256(token));
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Hex SHA-256 of {@code "<tenant>:<phone>"}: the resident subject without its prefix. */
    static String phoneHash(String tenant, String phone) {
        return ResidentSession.subjectOf(tenant, phone).substring(ResidentSession.SUBJECT_PREFIX.length());
    }

    private static String codeHash(String salt, String phoneHash, String code) {
        return sha256(salt + ":" + phoneHash + ":" + code);
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
