package org.gongzhi.core.open311.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.IntakeResult;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.testing.FakeTenantDirectory;

/**
 * The demo districts of {@code tenants/} ({@link #tenants}) and an in-memory case service, for the
 * resource's unit tests: public at intake by {@link Channel#publicAtIntake}, lists confined to the query's scope, public
 * notes journaled apart, as the persistence bundle does.
 */
final class FakePlatform implements CaseService {

    final FakeTenantDirectory tenants = FakeTenantDirectory.demo();
    final List<CaseView> cases = new ArrayList<>();
    final Map<UUID, List<JournalEntry>> journals = new HashMap<>();
    Clock clock = Clock.systemUTC();
    private int seq;

    @Override
    public IntakeResult report(String tenantId, NewCase n, String actor, String reporterSubject, String keyScope) {
        TenantDefinition t = tenants.require(tenantId);
        if (n.reporterPhone() != null && !n.reporterPhone().matches("[0-9+\\-() ]{3,20}")) {
            throw new ValidationException("reporterPhone", "电话号码格式不正确 (malformed phone number)");
        }
        Instant now = clock.instant();
        String number = t.adminCode() + "-" + LocalDate.ofInstant(now, t.timeZone()).format(DateTimeFormatter.BASIC_ISO_DATE)
                + "-" + String.format("%06d", ++seq);
        boolean publicCase = n.channel() != null && n.channel().publicAtIntake(false);
        CaseView c = view(UUID.randomUUID(), number, tenantId, n, CaseStatus.REPORTED, now, null, null, publicCase);
        cases.add(c);
        journals.put(c.id(), new ArrayList<>(List.of(new JournalEntry(1, now, actor, null, null, CaseStatus.REPORTED,
                n.description(), n.attachments()))));
        return new IntakeResult(c, true);
    }

    private CaseView view(UUID id, String number, String tenant, NewCase n, CaseStatus status, Instant reported,
                          String lead, Instant due, boolean publicCase) {
        TenantDefinition t = tenants.require(tenant);
        return new CaseView(id, number, tenant, n.title(), n.description(), n.categoryCode(),
                t.category(n.categoryCode()).orElseThrow().family().name(), n.channel(), status,
                t.category(n.categoryCode()).orElseThrow().tier(), null, n.longitude(), n.latitude(), n.address(),
                n.reporterName(), n.reporterPhone(), n.attachments(), lead, List.of(), reported, null, due, null, null,
                null, 0, 0, null, 1, CaseLifecycle.allowedActions(status), null, Map.of(), null, n.reporterEmail(),
                n.addressId(), publicCase);
    }

    @Override
    public CaseView get(String tenantId, UUID caseId) {
        return cases.stream().filter(c -> c.id().equals(caseId) && c.tenantId().equals(tenantId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no such case"));
    }

    @Override

    public org.gongzhi.core.service.cases.CaseSummary summary(String tenantId, CaseQuery query, int dueWithinHours) {

        throw new UnsupportedOperationException("not used by Open311");

    }


    @Override
    public Page<CaseView> list(String tenantId, CaseQuery q) {
        List<CaseView> all = cases.stream().filter(c -> c.tenantId().equals(tenantId))
                .filter(c -> q.scope().permits(c, tenants.require(tenantId)))
                .filter(c -> q.categoryCode() == null || q.categoryCode().equals(c.categoryCode()))
                .filter(c -> q.reportedFrom() == null || !c.reportedAt().isBefore(q.reportedFrom()))
                .filter(c -> q.reportedTo() == null || c.reportedAt().isBefore(q.reportedTo()))
                .sorted(Comparator.comparing(CaseView::reportedAt).reversed()).toList();
        int end = Math.min(all.size(), q.offset() + q.limit());
        return new Page<>(q.offset() >= all.size() ? List.of() : all.subList(q.offset(), end), all.size(), q.offset(),
                q.limit());
    }

    @Override
    public CaseView transition(String tenantId, UUID caseId, TransitionCommand cmd) {
        CaseView c = get(tenantId, caseId);
        CaseStatus to = CaseLifecycle.next(c.status(), cmd.action());
        boolean noText = (cmd.note() == null || cmd.note().isBlank()) && (cmd.publicNote() == null || cmd.publicNote().isBlank());
        if ((cmd.action() == CaseAction.PROGRESS || cmd.action() == CaseAction.COMMENT) && noText) {
            throw new ValidationException("note", "a note or a public note is required");
        }
        NewCase n = new NewCase(c.title(), c.description(), c.categoryCode(), c.channel(), c.longitude(), c.latitude(),
                c.address(), null, c.reporterName(), c.reporterPhone(), c.attachments(), null, c.reporterEmail(),
                c.addressId());
        String lead = cmd.action() == CaseAction.DISPATCH ? cmd.leadDepartment() : c.leadDepartment();
        CaseView next = view(c.id(), c.number(), tenantId, n, to, c.reportedAt(), lead, c.reportedAt().plusSeconds(86_400),
                c.publicCase());
        cases.set(cases.indexOf(c), next);
        List<JournalEntry> journal = journals.get(caseId);
        journal.add(new JournalEntry(journal.size() + 1, clock.instant(), cmd.actor(), cmd.action(), c.status(), to,
                cmd.note(), cmd.attachments(), cmd.publicNote()));
        return next;
    }

    @Override
    public List<JournalEntry> journal(String tenantId, UUID caseId) {
        get(tenantId, caseId);
        return List.copyOf(journals.get(caseId));
    }

    @Override
    public List<CaseView> overdue(String tenantId, Instant now, int limit) {
        return List.of();
    }

    /** Alternating names and values; a name may repeat. */
    static Form form(String... namesAndValues) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Form(map);
    }
}
