package org.gongzhi.core.notify.internal;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;

/**
 * Several notifications to one destination and channel as one message (ADR 0040): a subject with the
 * count, and a text that lists each notification's subject (which names its case) as far as the
 * channel takes — 200 by e-mail; within a WeCom robot's 2,048-byte text; the first few by SMS —
 * then how many more, and where to see them all. Carries an id of its own ({@link #idOf}) and the first
 * notification's case, and nothing that the notifications do not already carry.
 */
final class Digest {

    /** Lines an SMS digest lists. */
    static final int SMS_LINES = 3;
    /** Lines an e-mail digest lists. */
    static final int EMAIL_LINES = 200;
    /** What a WeCom digest's text may take, in UTF-8 bytes (the robot's limit is 2,048). */
    static final int WECOM_BYTES = 1900;

    private Digest() {
    }

    /** {@code batch} (at least two, one destination and channel) as one notification to send. */
    static Notification of(List<Notification> batch, String districtName) {
        Notification first = batch.get(0);
        int count = batch.size();
        String subject = "【" + districtName + "】" + count + " 条通知";
        StringBuilder text = new StringBuilder(districtName).append("综治中心：您有 ").append(count)
                .append(" 条通知合并发送，请登录共治平台查看。");
        int listed = 0;
        for (Notification n : batch.stream().sorted(Comparator.comparing(Notification::createdAt)).toList()) {
            String line = "\n" + (listed + 1) + ". " + n.subject();
            if (!fits(first.channel(), text, line, listed)) {
                break;
            }
            text.append(line);
            listed++;
        }
        if (listed < count) {
            text.append("\n…另有 ").append(count - listed).append(" 条");
        }
        return new Notification(idOf(batch), first.tenantId(), first.caseId(), first.caseNumber(), "digest",
                first.sourceKey(), first.destination(), first.channel(), subject, text.toString(), first.state(),
                first.attempts(), first.createdAt(), first.nextAttemptAt(), null, null, null);
    }

    /**
     * The digest's own id, the provider's idempotency key: the same for the same notifications, so a retry
     * after an unclear answer is not sent twice, and new for a different set, so that a retry that gathered
     * more is not taken by the provider for the one before it.
     */
    static UUID idOf(List<Notification> batch) {
        String ids = batch.stream().map(n -> n.id().toString()).sorted().collect(Collectors.joining(","));
        return UUID.nameUUIDFromBytes(ids.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fits(NotificationChannel channel, CharSequence text, String line, int listed) {
        return switch (channel) {
            case SMS -> listed < SMS_LINES;
            case WECOM -> (text + line + "\n…另有 00000 条").getBytes(StandardCharsets.UTF_8).length <= WECOM_BYTES;
            default -> listed < EMAIL_LINES;
        };
    }
}
