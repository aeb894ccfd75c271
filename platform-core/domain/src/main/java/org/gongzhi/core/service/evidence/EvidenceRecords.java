package org.gongzhi.core.service.evidence;

import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.CaseService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The district's record of uploads (证据登记). Implemented by the persistence bundle. Evidence is
 * attached to a case by naming {@code evidence:<id>} among the attachments of the intake or of a step
 * ({@link CaseService}); the case service checks there that the evidence exists in the district, was
 * uploaded by the same actor and is not attached to another case. Unknown id: {@link NotFoundException}.
 *
 * @since 1.6
 */
@ProviderType
public interface EvidenceRecords {

    /** Records an upload by {@code actor} (journal name) with identity {@code uploaderSubject}. */
    EvidenceView record(String tenantId, NewEvidence evidence, String actor, String uploaderSubject);

    /** One upload of the district. */
    EvidenceView get(String tenantId, UUID id);

    /** The evidence attached to a case, in the order it was attached. */
    List<EvidenceView> ofCase(String tenantId, UUID caseId);
}
