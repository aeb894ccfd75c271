package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.calendar.SlaState;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;

/** Maps rows to the values the service hands out. */
final class CaseViews {

    /** The steps a merged duplicate still takes: notes only; it is handled through its master (ADR 0034). */
    static final Set<CaseAction> MERGED_STEPS = Collections.unmodifiableSet(EnumSet.of(CaseAction.COMMENT, CaseAction.PROGRESS));

    private CaseViews() {
    }

    /** The steps the case's status allows, and of those only {@link #MERGED_STEPS} once it is merged. */
    static Set<CaseAction> allowedActions(CaseEntity c) {
        Set<CaseAction> allowed = CaseLifecycle.allowedActions(c.status);
        if (c.mergedInto == null) {
            return allowed;
        }
        Set<CaseAction> notes = EnumSet.noneOf(CaseAction.class);
        allowed.stream().filter(MERGED_STEPS::contains).forEach(notes::add);
        return Collections.unmodifiableSet(notes);
    }

    static CaseView of(CaseEntity c, SlaClock sla, Instant now) {
        return new CaseView(c.id, c.number, c.tenantId, c.title, c.description, c.categoryCode, c.family,
                Channel.fromWireName(c.channel).orElseThrow(), c.status, c.tier, c.gridCode, c.longitude, c.latitude, c.address,
                c.reporterName, c.reporterPhone, List.copyOf(c.attachments), c.leadDepartment,
                List.copyOf(c.coDepartments), c.reportedAt, c.registeredAt, c.dueAt, c.warningAt,
                c.closedAt, slaState(c, sla, now), c.reworkCount, c.postponeCount,
                c.satisfaction == null ? null : c.satisfaction.intValue(), c.version,
                allowedActions(c), c.triageModel, JsonText.strings(c.triageAttributes),
                c.reporterSubject, c.reporterEmail, c.addressId, c.publicCase, c.wartime, c.commandPost,
                CaseRows.proposal(c), c.assignee);
    }

    /** SLA state while the clock runs; a closed case keeps whether it closed in time. */
    private static SlaState slaState(CaseEntity c, SlaClock sla, Instant now) {
        if (c.dueAt == null || c.registeredAt == null || c.status == CaseStatus.REJECTED) {
            return null;
        }
        if (c.status.isClosed()) {
            return Boolean.FALSE.equals(c.closedOnTime) ? SlaState.OVERDUE : SlaState.ON_TIME;
        }
        return sla.state(c.registeredAt, c.dueAt, now);
    }

    static JournalEntry of(JournalEntity j) {
        return new JournalEntry(j.seq, j.at, j.actor, j.action, j.from, j.to, j.note, List.copyOf(j.attachments),
                j.publicNote);
    }
}
