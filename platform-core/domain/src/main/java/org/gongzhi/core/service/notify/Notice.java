package org.gongzhi.core.service.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something people must be told about a case, written to the notification outbox in the same
 * transaction as the change that caused it. The outbox renders the district's template for
 * {@code event} with {@code variables} and writes one notification per person and channel.
 *
 * @param tenantId   the district
 * @param caseId     the case, or {@code null} for a notice about no single case
 * @param caseNumber the case number shown to people, or {@code null}
 * @param event      the template key, e.g. {@code supervision.reminder.warning}
 * @param sourceKey  what caused it, unique per cause (e.g. {@code supervision:<id>}): the outbox
 *                   writes a cause at most once per person and channel, however often it is asked
 * @param recipients whom to tell
 * @param variables  template variables; no resident's personal data (name, phone, notes)
 */
public record Notice(String tenantId, UUID caseId, String caseNumber, String event, String sourceKey,
                     List<NoticeRecipient> recipients, Map<String, String> variables) {

    /** Checks the required fields and copies the collections. */
    public Notice {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(sourceKey, "sourceKey");
        recipients = List.copyOf(recipients);
        variables = Map.copyOf(variables);
    }
}
