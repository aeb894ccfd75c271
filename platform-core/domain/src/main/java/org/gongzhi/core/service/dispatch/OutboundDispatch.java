package org.gongzhi.core.service.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * One dispatch of a case to one department's system, as kept in the outbox.
 *
 * @param dispatchId    stable id sent with every delivery attempt, so the department can de-duplicate
 * @param lead          whether the department leads (牵头) or co-handles (协办)
 * @param payload       the dispatch as a JSON object (case facts at dispatch time)
 * @param attempts      delivery rounds tried so far
 * @param nextAttemptAt when a pending dispatch is due next
 * @param lastError     why the last attempt failed, {@code null} if none did
 * @param receipt       the department system's receipt, once delivered
 */
public record OutboundDispatch(UUID dispatchId, String tenantId, UUID caseId, String caseNumber, String department,
                               boolean lead, String payload, DispatchState state, int attempts, Instant createdAt,
                               Instant nextAttemptAt, Instant deliveredAt, String lastError, String receipt) {
}
