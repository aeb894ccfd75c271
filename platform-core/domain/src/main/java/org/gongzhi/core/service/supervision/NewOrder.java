package org.gongzhi.core.service.supervision;

import java.time.Instant;

/**
 * A supervision order as its issuer writes it (督办单).
 *
 * @param kind     {@link SupervisionKind#ORDER} or {@link SupervisionKind#LISTED}; {@code null} means an order
 * @param reason   why, 1–{@value SupervisionService#MAX_REASON} characters (staff text)
 * @param deadline by when the handler must answer; after now and at most
 *                 {@value SupervisionService#MAX_DEADLINE_DAYS} days ahead
 */
public record NewOrder(SupervisionKind kind, String reason, Instant deadline) {
}
