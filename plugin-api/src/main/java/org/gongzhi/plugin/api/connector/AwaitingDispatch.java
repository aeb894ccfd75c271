package org.gongzhi.plugin.api.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A dispatch the department's system took and whose case still waits for the department's
 * progress, as {@link DepartmentConnector#poll} receives it.
 *
 * @param dispatchId  the dispatch
 * @param caseId      its case
 * @param caseNumber  the case number
 * @param receipt     what {@link DepartmentConnector#deliver} returned for it, {@code null} for none
 * @param deliveredAt when it was delivered
 * @since 1.0
 */
public record AwaitingDispatch(UUID dispatchId, UUID caseId, String caseNumber, String receipt, Instant deliveredAt) {
    public AwaitingDispatch {
        Objects.requireNonNull(dispatchId, "dispatchId");
    }
}
