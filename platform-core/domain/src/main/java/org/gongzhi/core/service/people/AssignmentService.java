package org.gongzhi.core.service.people;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.gongzhi.core.service.cases.CaseView;

/**
 * Names the person who holds a case (指派 / 改派承办人). Who may be named: a department handler of the case's
 * lead department, or a grid worker of its grid or of a grid above it. Every change is a journal entry on the
 * case (status unchanged), raises the case's version and tells the new assignee (inbox and their channels).
 */
public interface AssignmentService {

    /**
     * Assigns one case, or reassigns it when it has an assignee. The case is read and locked once:
     * {@code admit} sees it as loaded (the caller's own checks, e.g. visibility and role) before any rule.
     *
     * @return the case after the change and who held it before
     * @throws org.gongzhi.core.service.NotFoundException   no such case
     * @throws org.gongzhi.core.service.ValidationException {@code assignee} missing or not a person who may hold
     *                                                      the case; {@code reason} missing on a reassignment or
     *                                                      longer than {@link AssignCommand#MAX_REASON}
     * @throws org.gongzhi.core.service.ConflictException   the case is not registered, or closed, or already held by
     *                                                      that person, or its version is not the expected one
     */
    Assigned assign(String tenantId, UUID caseId, AssignCommand command, Consumer<CaseView> admit);

    /** The people who may hold the case now, department handlers first, then grid workers, by username. */
    List<Person> candidates(String tenantId, UUID caseId);
}
