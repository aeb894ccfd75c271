package org.gongzhi.core.service.cases;

import java.util.UUID;

/**
 * Duplicates and repeats (疑似重复件与重复投诉, ADR 0034). Intake flags a likely duplicate
 * ({@link CaseService#report}); a dispatcher merges it into a master or dismisses the flag. Both are
 * journaled on both cases. Every method runs for one district; another district's case is not found.
 *
 * @since 2.1
 */
public interface CaseDuplicates {

    /** The case's flag and repeat count. {@link org.gongzhi.core.service.NotFoundException} when no such case. */
    DuplicateFlag of(String tenantId, UUID caseId);

    /**
     * Merges the case into {@code masterId} (合并): its reporter follows the master's progress and outcome,
     * and the KPIs and the dispatchers' lists leave it out. Only a case not yet registered
     * ({@code REPORTED}) and not merged can be merged (else 409), into another case of the district that is
     * itself not merged ({@link org.gongzhi.core.service.ValidationException} naming {@code master}).
     *
     * @param note optional, at most 500 characters, journaled on both cases
     */
    DuplicateFlag merge(String tenantId, UUID caseId, UUID masterId, String actor, String note);

    /** Dismisses a flag (不是重复); 409 unless the case is flagged. Journaled on the case and its candidates. */
    DuplicateFlag dismiss(String tenantId, UUID caseId, String actor, String note);

    /** The case whose progress the reporter of {@code caseId} follows: its master when merged, else itself. */
    UUID followed(String tenantId, UUID caseId);
}
