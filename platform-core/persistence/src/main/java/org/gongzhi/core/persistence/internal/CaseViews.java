package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.List;

import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.calendar.SlaState;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;

/** Maps rows to the values the service hands out. */
final class CaseViews {

    private CaseViews() {
    }

    static CaseView of(CaseEntity c, SlaClock sla, Instant now) {
        return new CaseView(c.id, c.number, c.tenantId, c.title, c.description, c.categoryCode, c.family,
                Channel.fromWireName(c.channel).orElseThrow(), c.status, c.tier, c.gridCode, c.longitude, c.latitude, c.address,
                c.reporterName, c.reporterPhone, List.copyOf(c.attachments), c.leadDepartment,
                List.copyOf(c.coDepartments), c.reportedAt, c.registeredAt, c.dueAt, c.warningAt,
                c.closedAt, slaState(c, sla, now), c.reworkCount, c.postponeCount,
                c.satisfaction == null ? null : c.satisfaction.intValue(), c.version,
                CaseLifecycle.allowedActions(c.status), c.triageModel, JsonText.strings(c.triageAttributes),
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
