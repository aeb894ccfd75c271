package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.transfer.CaseTransfer;
import org.gongzhi.core.service.transfer.TransferProposal;
import org.gongzhi.core.tenant.TenantDefinition;

/** Wire forms of cross-district transfers (跨区转办, ADR 0037). */
record TransferJson(UUID id, String fromDistrict, String fromDistrictName, UUID fromCaseId, String fromCaseNumber,
                    String toDistrict, String toDistrictName, UUID toCaseId, String toCaseNumber, String state,
                    String categoryCode, String title, String note, String reason, String transferredBy,
                    Instant transferredAt, String decidedBy, Instant decidedAt) {

    static TransferJson of(CaseTransfer t, TenantDirectory tenants) {
        return new TransferJson(t.id(), t.fromDistrict(), name(tenants, t.fromDistrict()), t.fromCaseId(),
                t.fromCaseNumber(), t.toDistrict(), name(tenants, t.toDistrict()), t.toCaseId(), t.toCaseNumber(),
                t.state().name().toLowerCase(java.util.Locale.ROOT), t.categoryCode(), t.title(), t.note(), t.reason(),
                t.transferredBy(), t.transferredAt(), t.decidedBy(), t.decidedAt());
    }

    static String name(TenantDirectory tenants, String district) {
        return district == null ? null : tenants.find(district).map(TenantDefinition::name).orElse(district);
    }

    /** The rule's proposal, the reporter's districts (staff only), the transfer pending and the case's transfers. */
    record Proposal(String matterKind, String residenceDistrict, String householdDistrict, String proposedDistrict,
                    String proposedDistrictName, TransferJson pending, List<TransferJson> transfers,
                    List<District> districts) {
        static Proposal of(TransferProposal p, List<TransferJson> transfers, List<District> districts,
                           TenantDirectory tenants) {
            return new Proposal(p.matterKind() == null ? null : p.matterKind().wireName(), p.residenceDistrict(),
                    p.householdDistrict(), p.proposedDistrict(), name(tenants, p.proposedDistrict()),
                    p.pending() == null ? null : TransferJson.of(p.pending(), tenants), transfers, districts);
        }
    }

    /** A district a case may be sent to. */
    record District(String id, String name) {
    }

    /** {@code PUT …/transfer/origin}: the reporter's districts; blank or absent means not given. */
    record OriginRequest(String residenceDistrict, String householdDistrict) {
    }

    /** {@code POST …/transfer}. */
    record TransferRequest(String toDistrict, String note) {
    }

    /** {@code POST …/refuse}. */
    record RefuseRequest(String reason) {
    }

    /** An incoming transfer with the sender's case as it stands, its journal and its attachments. */
    record Incoming(TransferJson transfer, CaseJson kase, List<CaseJson.Entry> journal,
                    List<EvidenceUploads.EvidenceJson> evidence) {
    }
}
