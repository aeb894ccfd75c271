package org.gongzhi.plugin.api.connector;

import java.util.Objects;
import java.util.UUID;

/**
 * One dispatch of a case to one department, as the platform hands it to
 * {@link DepartmentConnector#deliver}.
 *
 * @param dispatchId stable id of this dispatch, the same on every attempt: send it to the department
 *                   as its idempotency key
 * @param tenantId   district id, e.g. {@code jizhou}
 * @param department department code in the district, e.g. {@code CG}
 * @param caseId     the case
 * @param caseNumber the case number operators see
 * @param lead       whether the department leads (牵头) the case or co-handles it (协办)
 * @param attempt    1 for the first round, 2 for the second …
 * @param json       the dispatch as a JSON object (the payload the {@code http} connector posts,
 *                   {@code callbackUrl} included); contains personal data, never log it
 * @since 1.0
 */
public record Dispatch(UUID dispatchId, String tenantId, String department, UUID caseId, String caseNumber,
                       boolean lead, int attempt, String json) {
    public Dispatch {
        Objects.requireNonNull(dispatchId, "dispatchId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(json, "json");
    }

    /** Never shows the payload. */
    @Override
    public String toString() {
        return "Dispatch[" + dispatchId + " " + tenantId + "/" + department + " " + caseNumber + " attempt " + attempt + "]";
    }
}
