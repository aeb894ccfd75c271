package org.gongzhi.core.service.residents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A resident's live session ({@link ResidentSessions}). {@code phone} is personal data: it goes on
 * the resident's cases as the reporter's phone (staff see it), never into a log or a public view.
 *
 * @param subject   {@link #subjectOf the resident subject}: the actor and reporter subject of the
 *                  resident's cases and the uploader of their evidence
 * @param phone     the verified mobile number (11 digits)
 * @param expiresAt when the session ends unless it is revoked before
 * @since 1.6
 */
public record ResidentSession(String tenantId, String subject, String phone, Instant expiresAt) {

    /** Prefix of resident subjects. */
    public static final String SUBJECT_PREFIX = "resident:";

    /**
     * {@code resident:} and the lower-case hex SHA-256 of {@code "<tenant>:<phone>"}: stable for a phone
     * in a district, different in another district, and without the number in clear (73 characters).
     */
    public static String subjectOf(String tenantId, String phone) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((tenantId + ":" + phone).getBytes(StandardCharsets.UTF_8));
            return SUBJECT_PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
