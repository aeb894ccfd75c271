package org.gongzhi.core.service.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded upload. It belongs to a case once a step or the intake named it among its attachments as
 * {@code evidence:<id>} ({@link #REFERENCE_PREFIX}); until then only its uploader may use or see it.
 *
 * @param uploadedBy      the actor who uploaded (as journaled)
 * @param uploaderSubject identity subject of the uploader (staff) or the resident's subject
 * @param caseId          the case it is attached to, {@code null} while unattached
 * @param journalSeq      the journal entry that attached it, {@code null} while unattached
 * @since 1.6
 */
public record EvidenceView(UUID id, String tenantId, String sha256, String kind, String mediaType,
                           String displayMediaType, long size, Integer width, Integer height, boolean thumbnail,
                           String fileName, String uploadedBy, String uploaderSubject, Instant uploadedAt,
                           Instant capturedAt, Double latitude, Double longitude, UUID caseId, Integer journalSeq) {

    /** Attachments naming recorded evidence are this prefix and the evidence id. */
    public static final String REFERENCE_PREFIX = "evidence:";

    /** The attachment string that names this evidence. */
    public String reference() {
        return REFERENCE_PREFIX + id;
    }
}
