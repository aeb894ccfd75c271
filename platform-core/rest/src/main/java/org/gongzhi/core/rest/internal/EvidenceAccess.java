package org.gongzhi.core.rest.internal;

import java.util.Set;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;

/**
 * Who may see a piece of evidence (the policy; {@link EvidenceResource} answers 404 otherwise): its
 * uploader always; once attached, whoever may see the case ({@link Access#scope}) — except that a resident
 * (no staff role) sees on their own case only their uploads and the photos of the result (feedback,
 * verification passed, closing).
 */
final class EvidenceAccess {

    private final CaseService cases;
    private final TenantDirectory tenants;

    EvidenceAccess(CaseService cases, TenantDirectory tenants) {
        this.cases = cases;
        this.tenants = tenants;
    }

    boolean maySee(String tenant, EvidenceView e, Caller caller) {
        if (caller.subject() != null && caller.subject().equals(e.uploaderSubject())) {
            return true;
        }
        if (e.caseId() == null || !Access.scope(caller).permits(cases.get(tenant, e.caseId()), tenants.require(tenant))) {
            return false;
        }
        return !Access.roles(caller).equals(Set.of(Role.RESIDENT)) || isResult(tenant, e);
    }

    /** Steps whose evidence shows the result (处置结果): the feedback, the verification passed, the closing. */
    private static final Set<CaseAction> RESULT = Set.of(CaseAction.FEEDBACK, CaseAction.VERIFY_PASS, CaseAction.CLOSE);

    /** Whether {@code e} was attached at a step that shows the result. */
    private boolean isResult(String tenant, EvidenceView e) {
        return e.journalSeq() != null && cases.journal(tenant, e.caseId()).stream()
                .anyMatch(j -> j.seq() == e.journalSeq() && RESULT.contains(j.action()));
    }
}
