package org.gongzhi.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a case's closed loop, as told to {@link CaseLifecycleListener}s after it was
 * committed.
 *
 * @param facts  the case as it is after the step
 * @param caseId the case's stable id (a UUID string)
 * @param action wire name of the action, e.g. {@code dispatch}, {@code verify-fail}; {@code report} for intake
 * @param from   status before the step (lower case, e.g. {@code feedback}); null for intake
 * @param to     status after the step, e.g. {@code handling}
 * @param actor  who took the step
 * @param at     when
 * @since 1.0
 */
public record CaseEvent(CaseFacts facts, String caseId, String action, String from, String to, String actor,
                        Instant at) {
    public CaseEvent {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
    }
}
