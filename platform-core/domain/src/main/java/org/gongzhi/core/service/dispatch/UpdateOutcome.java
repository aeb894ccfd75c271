package org.gongzhi.core.service.dispatch;

import java.util.List;
import java.util.UUID;

/**
 * What a {@link DepartmentUpdate} did.
 *
 * @param steps      the case actions it applied, in order (wire names; empty for a duplicate)
 * @param caseStatus the case's status afterwards (wire name)
 * @param duplicate  the update id was seen before: nothing changed, the first outcome is repeated
 */
public record UpdateOutcome(String updateId, UUID dispatchId, UUID caseId, String caseNumber, List<String> steps,
                            String caseStatus, boolean duplicate) {
    public UpdateOutcome {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
