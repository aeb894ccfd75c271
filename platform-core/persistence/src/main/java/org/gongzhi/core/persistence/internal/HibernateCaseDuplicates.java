package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.workflow.JournalRecord;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseDuplicates;
import org.gongzhi.core.service.cases.DuplicateCandidate;
import org.gongzhi.core.service.cases.DuplicateFlag;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Merge and dismissal of duplicate flags (ADR 0034) on the case rows' V24 columns. Each writes a
 * {@code COMMENT} journal entry on both sides (a dismissal on the case and each candidate) in one
 * transaction; two dispatchers deciding one case at once: the second gets 409 (the row's version).
 */
@Component(service = CaseDuplicates.class)
public final class HibernateCaseDuplicates implements CaseDuplicates {

    /** Longest note of a merge or dismissal. */
    static final int MAX_NOTE = 500;

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateCaseDuplicates(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, HibernateCaseService.DATABASE_CLOCK);
    }

    HibernateCaseDuplicates(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public DuplicateFlag of(String tenantId, UUID caseId) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> flag(s, CaseSteps.load(s, caseId)));
    }

    @Override
    public UUID followed(String tenantId, UUID caseId) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> {
            CaseEntity c = CaseSteps.load(s, caseId);
            return c.mergedInto == null ? c.id : c.mergedInto;
        });
    }

    @Override
    public DuplicateFlag merge(String tenantId, UUID caseId, UUID masterId, String actor, String note) {
        tenants.require(tenantId);
        if (masterId == null) {
            throw new ValidationException("master", "必填项 (required): master");
        }
        String extra = note(note);
        Instant now = clock.instant();
        return decide(tenantId, s -> {
            CaseEntity c = CaseSteps.load(s, caseId);
            if (c.mergedInto != null) {
                throw new ConflictException("duplicate", "该案件已合并 (the case is already merged)");
            }
            if (c.status != CaseStatus.REPORTED) {
                throw new ConflictException("status", "只有未立案的案件可以合并 (only a case not yet registered can be merged)");
            }
            if (masterId.equals(caseId)) {
                throw new ValidationException("master", "不能合并到自身 (a case cannot be merged into itself)");
            }
            CaseEntity master;
            try {
                master = CaseSteps.load(s, masterId);
            } catch (NotFoundException e) {
                throw new ValidationException("master", "本区没有该案件 (no such case in the district): " + masterId);
            }
            if (master.mergedInto != null) {
                throw new ValidationException("master", "主案件本身已合并 (the master is itself merged into another case)");
            }
            c.mergedInto = master.id;
            c.duplicateState = DuplicateFlag.State.MERGED.name();
            comment(s, c, actor, now, "合并至案件 " + master.number + "，随主案件办理 (merged into " + master.number
                    + ", follows its progress)" + extra, "您反映的问题已与案件 " + master.number + " 合并办理");
            comment(s, master, actor, now, "并入重复件 " + c.number + " (duplicate " + c.number + " merged in)" + extra, null);
            return flag(s, c);
        });
    }

    @Override
    public DuplicateFlag dismiss(String tenantId, UUID caseId, String actor, String note) {
        tenants.require(tenantId);
        String extra = note(note);
        Instant now = clock.instant();
        return decide(tenantId, s -> {
            CaseEntity c = CaseSteps.load(s, caseId);
            if (!DuplicateFlag.State.FLAGGED.name().equals(c.duplicateState)) {
                throw new ConflictException("duplicate", "该案件没有待处理的疑似重复标记 (the case has no open duplicate flag)");
            }
            c.duplicateState = DuplicateFlag.State.DISMISSED.name();
            List<DuplicateCandidate> candidates = DuplicateRows.read(c.duplicateCandidates);
            String numbers = String.join("、", candidates.stream().map(DuplicateCandidate::number).toList());
            comment(s, c, actor, now, "不是重复件：与 " + numbers + " 无关 (not a duplicate of " + numbers + ")" + extra, null);
            for (DuplicateCandidate d : candidates) {
                CaseEntity other = s.find(CaseEntity.class, d.id());
                if (other != null && other.tenantId.equals(tenantId)) {
                    comment(s, other, actor, now, "案件 " + c.number + " 经核实不是本案的重复件 (" + c.number
                            + " is not a duplicate of this case)" + extra, null);
                }
            }
            return flag(s, c);
        });
    }

    private DuplicateFlag decide(String tenantId, java.util.function.Function<Session, DuplicateFlag> work) {
        try {
            return db.inTenant(tenantId, work);
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile)");
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return "";
        }
        if (note.length() > MAX_NOTE) {
            throw new ValidationException("note", "说明不超过 " + MAX_NOTE + " 字 (note: at most " + MAX_NOTE + " characters)");
        }
        return "；" + note.strip();
    }

    private static DuplicateFlag flag(Session s, CaseEntity c) {
        String master = c.mergedInto == null ? null : s.find(CaseEntity.class, c.mergedInto).number;
        return DuplicateRows.flag(c, master);
    }

    /** A journal entry that does not change the status (the row's version moves, so racing decisions conflict). */
    private static void comment(Session s, CaseEntity c, String actor, Instant now, String note, String publicNote) {
        s.persist(CaseSteps.journal(c.id, CaseSteps.lastJournalSeq(s, c.id) + 1, new JournalRecord(CaseAction.COMMENT, c.status,
                c.status, actor, now, note, publicNote, List.of())));
        s.lock(c, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
}
