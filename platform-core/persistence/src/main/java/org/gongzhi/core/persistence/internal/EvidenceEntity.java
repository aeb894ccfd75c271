package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.hibernate.annotations.TenantId;

/** One upload (证据材料); attached to a case by the step that names it, never detached. */
@Entity
@Table(name = "evidence")
public class EvidenceEntity {

    @Id
    UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(nullable = false, updatable = false)
    String sha256;
    @Column(nullable = false, updatable = false)
    String kind;
    @Column(name = "media_type", nullable = false, updatable = false)
    String mediaType;
    @Column(name = "display_media_type", nullable = false, updatable = false)
    String displayMediaType;
    @Column(name = "size_bytes", nullable = false, updatable = false)
    long size;
    @Column(updatable = false)
    Integer width;
    @Column(updatable = false)
    Integer height;
    @Column(nullable = false, updatable = false)
    boolean thumbnail;
    @Column(name = "file_name", updatable = false)
    String fileName;
    @Column(name = "uploaded_by", nullable = false, updatable = false)
    String uploadedBy;
    @Column(name = "uploader_subject", updatable = false)
    String uploaderSubject;
    @Column(name = "uploaded_at", nullable = false, updatable = false)
    Instant uploadedAt;
    @Column(name = "captured_at", updatable = false)
    Instant capturedAt;
    @Column(updatable = false)
    Double latitude;
    @Column(updatable = false)
    Double longitude;
    @Column(name = "case_id")
    UUID caseId;
    @Column(name = "journal_seq")
    Integer journalSeq;

    EvidenceView view() {
        return new EvidenceView(id, tenantId, sha256, kind, mediaType, displayMediaType, size, width, height, thumbnail,
                fileName, uploadedBy, uploaderSubject, uploadedAt, capturedAt, latitude, longitude, caseId, journalSeq);
    }
}
