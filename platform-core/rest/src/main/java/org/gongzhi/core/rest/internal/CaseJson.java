package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.DuplicateFlag;
import org.gongzhi.core.service.cases.JournalEntry;

/**
 * Wire form of a case: lower-case status and tier, action wire names, zh-CN status label; {@code publicCase}
 * says whether the public sees the case (Open311), never its reporter's name, phone or e-mail; {@code wartime}:
 * registered under the emergency plan (战时), {@code commandPost}: routed straight to the command post;
 * {@code proposal}: the dispatch its registration proposed (ADR 0033); {@code assignee}: the username of the
 * person who holds it (承办人, ADR 0035), absent while nobody is named; {@code duplicate}: its duplicate flag and
 * repeat count (ADR 0034), only on a single case (intake, read), absent in lists.
 */
record CaseJson(UUID id, String number, String tenant, String title, String description, String categoryCode,
                String family, String channel, String status, String statusLabel, String tier, String gridCode,
                Double longitude, Double latitude, String address, String addressId, String reporterName,
                String reporterPhone, String reporterEmail, boolean publicCase, List<String> attachments, String leadDepartment, List<String> coDepartments, Instant reportedAt,
                Instant registeredAt, Instant dueAt, Instant warningAt, Instant closedAt, String sla,
                int reworkCount, int postponeCount, Integer satisfaction, long version, List<String> allowedActions,
                Triage triage, boolean wartime, boolean commandPost, Proposal proposal, String assignee,
                DuplicateJson duplicate) {

    /** The dispatch its registration proposed (派单建议: responsibility list, plugin triage); absent when none. */
    record Proposal(String leadDepartment, List<String> coDepartments, String tier, String source) {
    }

    /** Which district model triaged the case and what it shows (e.g. colour); absent when the defaults applied. */
    record Triage(String model, Map<String, String> attributes) {
    }

    static CaseJson of(CaseView v) {
        return of(v, null);
    }

    static CaseJson of(CaseView v, DuplicateFlag duplicate) {
        return new CaseJson(v.id(), v.number(), v.tenantId(), v.title(), v.description(), v.categoryCode(),
                v.family(), wire(v.channel()), wire(v.status()), v.status().labelZh(), v.tier().wireName(),
                v.gridCode(), v.longitude(), v.latitude(), v.address(), v.addressId(), v.reporterName(),
                v.reporterPhone(), v.reporterEmail(), v.publicCase(), v.attachments(), v.leadDepartment(), v.coDepartments(), v.reportedAt(), v.registeredAt(),
                v.dueAt(), v.warningAt(), v.closedAt(), wire(v.sla()), v.reworkCount(), v.postponeCount(),
                v.satisfaction(), v.version(), v.allowedActions().stream().sorted().map(CaseAction::wireName).toList(),
                v.triageModel() == null ? null : new Triage(v.triageModel(), v.triageAttributes()), v.wartime(),
                v.commandPost(), v.proposal() == null ? null : new Proposal(v.proposal().leadDepartment(),
                        v.proposal().coDepartments(), v.proposal().tier().wireName(), v.proposal().source()),
                v.assignee(), duplicate == null ? null : DuplicateJson.of(duplicate));
    }

    static String wire(Enum<?> constant) {
        return constant == null ? null : WireNames.of(constant);
    }

    /** Wire form of a journal entry; the intake entry has action {@code report}. */
    record Entry(int seq, Instant at, String actor, String action, String from, String to, String note,
                 List<String> attachments, String publicNote) {
        static Entry of(JournalEntry j) {
            return new Entry(j.seq(), j.at(), j.actor(), j.action() == null ? "report" : j.action().wireName(),
                    wire(j.from()), wire(j.to()), j.note(), j.attachments(), j.publicNote());
        }
    }
}
