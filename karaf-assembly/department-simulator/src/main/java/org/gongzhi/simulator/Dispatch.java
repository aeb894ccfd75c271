package org.gongzhi.simulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One case dispatched by the platform to a department's system, as it arrives over HTTP or in a drop file.
 * {@code dispatchId}, {@code tenant}, {@code department}, {@code caseId} and {@code title} are always present;
 * the other fields may be {@code null} ({@code attachments} is then empty).
 */
@JsonPropertyOrder({"dispatchId", "tenant", "department", "caseId", "caseNumber", "title", "description",
        "categoryCode", "tier", "gridCode", "address", "longitude", "latitude", "dueAt", "dispatchedAt",
        "attachments", "callbackUrl"})
public record Dispatch(String dispatchId, String tenant, String department, String caseId, String caseNumber,
                       String title, String description, String categoryCode, String tier, String gridCode,
                       String address, Double longitude, Double latitude, String dueAt, String dispatchedAt,
                       List<String> attachments, String callbackUrl) {

    public Dispatch {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
