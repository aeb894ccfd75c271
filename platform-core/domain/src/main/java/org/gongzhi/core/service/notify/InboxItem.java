package org.gongzhi.core.service.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification in a person's in-app inbox (站内信).
 *
 * @param id         notification id
 * @param caseId     the case, or {@code null}
 * @param caseNumber the case number, or {@code null}
 * @param event      the template key
 * @param subject    title
 * @param text       text
 * @param createdAt  when it was written
 * @param readAt     when it was read, or {@code null} while unread
 * @since 1.0
 */
public record InboxItem(UUID id, UUID caseId, String caseNumber, String event, String subject, String text,
                        Instant createdAt, Instant readAt) {
}
