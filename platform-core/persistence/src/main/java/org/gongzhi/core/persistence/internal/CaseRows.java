package org.gongzhi.core.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongzhi.core.casework.workflow.CaseRecord;
import org.gongzhi.core.casework.workflow.CaseReport;
import org.gongzhi.core.casework.workflow.LoopState;
import org.gongzhi.core.service.cases.DispatchProposal;

/** Maps a case row to the workflow's {@link CaseRecord} and a step's outcome back onto the row. */
final class CaseRows {

    private CaseRows() {
    }

    static CaseRecord record(CaseEntity c) {
        CaseReport report = new CaseReport(c.id, c.number, c.title, c.description, c.categoryCode, c.family, c.channel,
                c.gridCode, c.gridPath, c.longitude, c.latitude, c.address, c.reporterName, c.reporterPhone,
                c.reporterEmail, c.reporterSubject, c.addressId, c.publicCase, c.attachments, c.reportedAt,
                c.idempotencyKey, c.idempotencyScope, c.commandPost);
        LoopState state = new LoopState(c.status, c.tier, c.leadDepartment, c.coDepartments, c.registeredAt,
                c.dispatchedAt, c.feedbackAt, c.closedAt, c.dueAt, c.warningAt, c.closedOnTime, c.reworkCount,
                c.postponeCount, c.reopenCount, c.satisfaction == null ? null : c.satisfaction.intValue(),
                c.triageModel, JsonText.strings(c.triageAttributes), c.triageCopyCompetent, c.wartime, proposal(c));
        return new CaseRecord(report, state);
    }

    /** A new row for a case just reported (not yet numbered nor persisted). */
    static CaseEntity newRow(CaseRecord r) {
        CaseReport p = r.report();
        CaseEntity c = new CaseEntity();
        c.id = p.id();
        c.number = p.number();
        c.title = p.title();
        c.description = p.description();
        c.categoryCode = p.categoryCode();
        c.family = p.family();
        c.channel = p.channel();
        c.gridCode = p.gridCode();
        c.gridPath = p.gridPath();
        c.longitude = p.longitude();
        c.latitude = p.latitude();
        c.address = p.address();
        c.reporterName = p.reporterName();
        c.reporterPhone = p.reporterPhone();
        c.phoneHash = GeoCells.phoneHash(p.reporterPhone());
        c.reporterEmail = p.reporterEmail();
        c.reporterSubject = p.reporterSubject();
        c.addressId = p.addressId();
        c.publicCase = p.publicCase();
        c.attachments = new ArrayList<>(p.attachments());
        c.reportedAt = p.reportedAt();
        c.idempotencyKey = p.idempotencyKey();
        c.idempotencyScope = p.idempotencyScope();
        c.commandPost = p.commandPost();
        write(r.state(), c);
        return c;
    }

    /** Writes the loop state onto the row; fields that did not change are left as they are (no needless update). */
    static void write(LoopState s, CaseEntity c) {
        c.status = s.status();
        c.tier = s.tier();
        c.leadDepartment = s.leadDepartment();
        if (!s.coDepartments().equals(c.coDepartments)) {
            c.coDepartments = new ArrayList<>(s.coDepartments());
        }
        c.registeredAt = s.registeredAt();
        c.dispatchedAt = s.dispatchedAt();
        c.feedbackAt = s.feedbackAt();
        c.closedAt = s.closedAt();
        c.dueAt = s.dueAt();
        c.warningAt = s.warningAt();
        c.closedOnTime = s.closedOnTime();
        c.reworkCount = s.reworkCount();
        c.postponeCount = s.postponeCount();
        c.reopenCount = s.reopenCount();
        Short satisfaction = s.satisfaction() == null ? null : s.satisfaction().shortValue();
        if (!Objects.equals(satisfaction, c.satisfaction)) {
            c.satisfaction = satisfaction;
        }
        c.triageModel = s.triageModel();
        Map<String, String> attributes = s.triageAttributes();
        if (!attributes.equals(JsonText.strings(c.triageAttributes))) {
            c.triageAttributes = attributes.isEmpty() ? null : JsonText.write(attributes);
        }
        c.triageCopyCompetent = s.triageCopyCompetent();
        c.wartime = s.wartime();
        propose(c, s.proposal());
    }

    /** Keeps {@code p} (or no proposal, when null) on the row. */
    static void propose(CaseEntity c, DispatchProposal p) {
        c.proposedLead = p == null ? null : p.leadDepartment();
        List<String> co = p == null ? List.of() : p.coDepartments();
        if (!co.equals(c.proposedCo)) {
            c.proposedCo = new ArrayList<>(co);
        }
        c.proposedTier = p == null ? null : p.tier();
        c.proposalSource = p == null ? null : p.source();
    }

    /** The proposal kept on the row, or null (the row's columns of V23). */
    static DispatchProposal proposal(CaseEntity c) {
        return c.proposedLead == null ? null
                : new DispatchProposal(c.proposedLead, c.proposedCo, c.proposedTier, c.proposalSource);
    }
}
