package org.gongzhi.core.service.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification in the outbox: one cause ({@link Notice#sourceKey()}), one destination, one channel.
 * The destination is a username for the person channels (inbox, SMS, e-mail; the address is looked up
 * in the district's definition when it is sent, so the outbox holds no phone number or e-mail address)
 * or a group for {@link NotificationChannel#WECOM}: {@code department:<code>}, {@code district} or
 * {@code city}.
 *
 * @param id            notification id
 * @param tenantId      the district
 * @param caseId        the case, or {@code null}
 * @param caseNumber    the case number, or {@code null}
 * @param event         the template key, e.g. {@code supervision.reminder.warning}
 * @param sourceKey     the cause
 * @param destination   a username or a group (see above)
 * @param channel       the channel
 * @param subject       the rendered subject (e-mail subject, inbox title)
 * @param text          the rendered text
 * @param state         the state
 * @param attempts      delivery attempts made
 * @param createdAt     when it was written
 * @param nextAttemptAt when it is due (after quiet hours or a back-off)
 * @param deliveredAt   when the channel took it, or {@code null}
 * @param readAt        when the person read it (inbox only), or {@code null}
 * @param lastError     why the last attempt failed (no personal data), or {@code null}
 * @since 1.0
 */
public record Notification(UUID id, String tenantId, UUID caseId, String caseNumber, String event, String sourceKey,
                           String destination, NotificationChannel channel, String subject, String text,
                           NotificationState state, int attempts, Instant createdAt, Instant nextAttemptAt,
                           Instant deliveredAt, Instant readAt, String lastError) {

    /** Group destination prefix of a department's robot. */
    public static final String DEPARTMENT_GROUP = "department:";
    /** Group destination of the district's robot. */
    public static final String DISTRICT_GROUP = "district";
    /** Group destination of the city centre's robot. */
    public static final String CITY_GROUP = "city";

    /** Never shows the text (it may name a place or a matter). */
    @Override
    public String toString() {
        return "Notification[" + id + " " + tenantId + " " + channel.wireName() + " " + state.wireName() + "]";
    }
}
