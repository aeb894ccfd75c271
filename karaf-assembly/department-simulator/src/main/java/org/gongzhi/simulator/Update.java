package org.gongzhi.simulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One progress update from the department back to the platform. {@code updateId} stays the same across
 * retries of the same update; {@code sequence} counts the updates of one dispatch from 1; {@code at} is when
 * the step happened (ISO-8601, UTC), not when it was finally delivered.
 *
 * @param status  {@code accepted}, {@code in-progress}, {@code resolved} or {@code returned}
 * @param receipt the department's own ticket number, as answered to the dispatch
 * @param photos  photo URLs, empty except for {@code resolved}
 */
@JsonPropertyOrder({"updateId", "dispatchId", "tenant", "department", "caseId", "receipt", "status", "note", "photos",
        "at", "sequence"})
public record Update(String updateId, String dispatchId, String tenant, String department, String caseId,
                     String receipt, String status, String note, List<String> photos, String at, int sequence) {

    public static final String ACCEPTED = "accepted";
    public static final String IN_PROGRESS = "in-progress";
    public static final String RESOLVED = "resolved";
    public static final String RETURNED = "returned";

    public Update {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
