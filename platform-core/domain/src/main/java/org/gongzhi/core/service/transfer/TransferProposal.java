package org.gongzhi.core.service.transfer;

import java.util.UUID;
import org.gongzhi.core.tenant.MatterKind;

/**
 * What the cross-district rule says about a case. {@code residenceDistrict} and {@code householdDistrict} are
 * personal data: shown to the district's staff, never logged, never on a public view.
 *
 * @param matterKind        the category's kind, {@code null} when the category stays where it is filed
 * @param residenceDistrict where the reporter lives (a district id), {@code null} when not given
 * @param householdDistrict the district of the reporter's household registration, {@code null} when not given
 * @param proposedDistrict  the district the rule sends the case to, {@code null} when it stays
 * @param pending           the transfer awaiting the receiver's answer, {@code null} when none
 */
public record TransferProposal(UUID caseId, MatterKind matterKind, String residenceDistrict,
                              String householdDistrict, String proposedDistrict, CaseTransfer pending) {
}
