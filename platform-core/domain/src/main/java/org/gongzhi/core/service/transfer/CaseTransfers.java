package org.gongzhi.core.service.transfer;

import java.util.List;
import java.util.UUID;

/**
 * Cross-district transfer (跨区转办, ADR 0037). Districts of one city are tenants; a transfer moves a case that
 * is not yet dispatched, with its journal and its attachments, from one to another in one database
 * transaction when the receiver accepts. Both keep the journal; only the district that handles the case counts
 * it in its KPIs.
 */
public interface CaseTransfers {

    /**
     * Records where the reporter lives and where their household is registered (district ids of the same city,
     * either may be {@code null}) and answers the rule's proposal.
     *
     * @throws org.gongzhi.core.service.ValidationException naming {@code residenceDistrict} or
     *                                                      {@code householdDistrict} for an unknown district
     */
    TransferProposal setOrigin(String tenantId, UUID caseId, String residenceDistrict, String householdDistrict,
                               String actor);

    /** The rule's proposal for the case and the transfer awaiting an answer, if any. */
    TransferProposal proposal(String tenantId, UUID caseId);

    /**
     * Sends the case to {@code toDistrict}: pending until that district answers. Only a case not yet
     * dispatched (reported or registered) is transferred; the sender's journal notes it.
     *
     * @throws org.gongzhi.core.service.ValidationException naming {@code toDistrict} (unknown, this district,
     *                                                      another city)
     * @throws org.gongzhi.core.service.ConflictException   when the case is dispatched, closed or already pending
     */
    CaseTransfer transfer(String tenantId, UUID caseId, String toDistrict, String note, String actor);

    /** Transfers to this district, newest first; only the pending ones when {@code pendingOnly}. */
    List<CaseTransfer> incoming(String tenantId, boolean pendingOnly);

    /** Transfers of this district's case, to or from it, oldest first. */
    List<CaseTransfer> ofCase(String tenantId, UUID caseId);

    /** A transfer addressed to this district, or {@link org.gongzhi.core.service.NotFoundException}. */
    CaseTransfer incoming(String tenantId, UUID transferId);

    /**
     * The receiver takes the case: in one transaction its own copy is written (reported, with the full journal,
     * its attachments and an entry noting the transfer), the sender's case is closed to it (不予立案, noted in its
     * journal, left out of its KPIs) and the transfer is accepted.
     *
     * @throws org.gongzhi.core.service.ConflictException when the transfer was answered already
     */
    CaseTransfer accept(String tenantId, UUID transferId, String actor);

    /**
     * The receiver sends the case back; the sender's journal notes the reason and the sender continues.
     *
     * @throws org.gongzhi.core.service.ValidationException naming {@code reason} when blank or too long
     * @throws org.gongzhi.core.service.ConflictException   when the transfer was answered already
     */
    CaseTransfer refuse(String tenantId, UUID transferId, String reason, String actor);
}
