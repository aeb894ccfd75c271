package org.gongzhi.core.service.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * One transfer of a case from one district to another. It holds no personal data: the case's facts are read
 * from the sending district's case while the transfer is pending, and from the receiver's own copy after.
 *
 * @param fromCaseId   the sending district's case
 * @param toCaseId     the receiving district's copy, {@code null} until accepted
 * @param toCaseNumber its number there, {@code null} until accepted
 * @param note         the sender's note, may be {@code null}
 * @param reason       the receiver's reason for a refusal, {@code null} otherwise
 * @param decidedBy    who accepted or refused, {@code null} while pending
 */
public record CaseTransfer(UUID id, String fromDistrict, UUID fromCaseId, String fromCaseNumber, String toDistrict,
                           UUID toCaseId, String toCaseNumber, TransferState state, String categoryCode, String title,
                           String note, String reason, String transferredBy, Instant transferredAt, String decidedBy,
                           Instant decidedAt) {
}
