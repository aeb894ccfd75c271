package org.gongzhi.plugin.api.connector;

import java.util.List;

/**
 * What a {@link ProgressUpdate} did to its case.
 *
 * @param caseNumber the case number
 * @param steps      the case actions applied, in order (e.g. {@code accept}, {@code feedback}); empty for a duplicate
 * @param caseStatus the case's status afterwards (wire name)
 * @param duplicate  the update id was seen before: nothing changed
 * @since 1.0
 */
public record ProgressOutcome(String caseNumber, List<String> steps, String caseStatus, boolean duplicate) {
    public ProgressOutcome {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
