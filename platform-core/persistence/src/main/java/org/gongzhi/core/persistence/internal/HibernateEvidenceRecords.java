package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gongzhi.core.casework.workflow.CaseIntake;
import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.evidence.NewEvidence;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The evidence register in the core database, tenant-discriminated like all tenant data. Also
 * {@link #attach}: how the intake and the steps take the uploads their attachments name.
 */
@Component(service = EvidenceRecords.class)
public final class HibernateEvidenceRecords implements EvidenceRecords {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> KINDS = Set.of("photo", "video", "document");

    private final Database db;
    private final Clock clock;

    @Activate
    public HibernateEvidenceRecords(@Reference PersistenceRuntime runtime) {
        this(runtime.database(), Clock.systemUTC());
    }

    HibernateEvidenceRecords(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public EvidenceView record(String tenantId, NewEvidence e, String actor, String uploaderSubject) {
        if (e == null || e.sha256() == null || !SHA256.matcher(e.sha256()).matches() || !KINDS.contains(e.kind())
                || e.mediaType() == null || e.displayMediaType() == null || e.size() < 0) {
            throw new IllegalArgumentException("not an upload the evidence store produced");
        }
        EvidenceEntity row = new EvidenceEntity();
        row.id = UUID.randomUUID();
        row.sha256 = e.sha256();
        row.kind = e.kind();
        row.mediaType = e.mediaType();
        row.displayMediaType = e.displayMediaType();
        row.size = e.size();
        row.width = e.width();
        row.height = e.height();
        row.thumbnail = e.thumbnail();
        row.fileName = fileName(e.fileName());
        row.uploadedBy = CaseWorkflow.actor(actor);
        row.uploaderSubject = uploaderSubject;
        row.uploadedAt = clock.instant();
        row.capturedAt = e.capturedAt();
        row.latitude = e.latitude();
        row.longitude = e.longitude();
        return db.inTenant(tenantId, s -> {
            s.persist(row);
            return row.view();
        });
    }

    @Override
    public EvidenceView get(String tenantId, UUID id) {
        return db.inTenant(tenantId, s -> find(s, id)).view();
    }

    @Override
    public List<EvidenceView> ofCase(String tenantId, UUID caseId) {
        return db.inTenant(tenantId, s -> s.createSelectionQuery(
                        "from EvidenceEntity where caseId = :c order by journalSeq, uploadedAt, id", EvidenceEntity.class)
                .setParameter("c", caseId).getResultList().stream().map(EvidenceEntity::view).toList());
    }

    private static EvidenceEntity find(Session s, UUID id) {
        EvidenceEntity row = s.find(EvidenceEntity.class, id);
        if (row == null || !row.tenantId.equals(s.getTenantIdentifier())) {
            throw new NotFoundException("证据不存在 (no such evidence): " + id);
        }
        return row;
    }

    /** A client's file name as kept: trimmed, control characters and path removed, at most 200 characters. */
    static String fileName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replaceAll("\\p{Cntrl}", "").replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        if (base.isEmpty()) {
            return null;
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    /** The evidence ids among {@code attachments} ({@code evidence:<uuid>}), in order, without repeats. */
    static List<UUID> referenced(String field, List<String> attachments) {
        return CaseIntake.evidenceIds(field, attachments);
    }

    /**
     * Attaches the evidence {@code attachments} name to case {@code caseId} at journal entry {@code seq}, in
     * the caller's transaction. Each must exist in the session's district, have been uploaded by {@code actor}
     * and not be attached to another case (attaching again to the same case is allowed and keeps the first
     * entry); otherwise the whole step is refused naming {@code field}.
     */
    static void attach(Session s, String field, List<String> attachments, String actor, UUID caseId, int seq) {
        String who = CaseWorkflow.actor(actor);
        for (UUID id : referenced(field, attachments)) {
            EvidenceEntity row = s.find(EvidenceEntity.class, id);
            if (row == null || !row.tenantId.equals(s.getTenantIdentifier()) || !row.uploadedBy.equals(who)) {
                throw new ValidationException(field, "证据不存在或不是您上传的 (no such evidence of yours): " + id);
            }
            if (row.caseId == null) {
                row.caseId = caseId;
                row.journalSeq = seq;
            } else if (!row.caseId.equals(caseId)) {
                throw new ValidationException(field, "证据已属于另一个案件 (the evidence belongs to another case): " + id);
            }
        }
    }
}
