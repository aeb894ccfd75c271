package org.gongzhi.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the simulator knows about one dispatch id, as {@code GET /admin/dispatches} lists it.
 *
 * @param receipt    the department's ticket number, {@code null} while no delivery was accepted
 * @param firstSeen  the first delivery that got past the checks (ISO-8601, microseconds)
 * @param acceptedAt when it was accepted (ISO-8601, microseconds), {@code null} before
 * @param dispatchedAt the platform's {@code dispatchedAt} of the accepted (else the first) delivery, as sent
 * @param deliveries every delivery with this dispatch id (refused by the fail rate, accepted, duplicates)
 * @param source     {@code http} or {@code file}: how the accepted delivery came
 * @param outcome    {@code resolved} or {@code returned}: what the department will answer
 */
@JsonPropertyOrder({"dispatchId", "tenant", "department", "caseId", "receipt", "firstSeen", "acceptedAt",
        "dispatchedAt", "deliveries", "source", "outcome"})
public record DispatchRecord(String dispatchId, String tenant, String department, String caseId, String receipt,
                             String firstSeen, String acceptedAt, String dispatchedAt,
                             int deliveries, String source, String outcome) {
}
