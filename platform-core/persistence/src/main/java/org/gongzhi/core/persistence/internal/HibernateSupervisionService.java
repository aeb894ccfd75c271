package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.InputText;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.supervision.NewOrder;
import org.gongzhi.core.service.supervision.Supervision;
import org.gongzhi.core.service.supervision.SupervisionKind;
import org.gongzhi.core.service.supervision.SupervisionService;
import org.gongzhi.core.service.supervision.SupervisionSweep;
import org.gongzhi.core.service.supervision.SupervisionTrigger;
import org.gongzhi.core.service.supervision.SweepCounts;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.SupervisionPolicy;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervision (督办) on the core database (V17, {@link SupervisionRows}): the sweep's reminders and
 * escalations (at most one per case, whichever rule), orders by hand, answers, the listed matters and the
 * city's escalations. Every record commits with its journal entry and its notice ({@link NoticeRows}); an
 * answer notifies the issuer, and the sweep tells the issuer and the holders once of an order past its
 * deadline unanswered (V21). Texts and recipients are {@link SupervisionNotices}'. Nothing is cached.
 */
@Component(service = {SupervisionService.class, SupervisionSweep.class})
public final class HibernateSupervisionService implements SupervisionService, SupervisionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateSupervisionService.class);
    /**
     * How far back the sweep catches up: a warning, due time or escalation margin crossed longer ago than this
     * (the platform was down, supervision was not yet installed, cases were loaded with their past) is not acted
     * on any more — a reminder months late helps nobody, and a first start would otherwise flood every inbox.
     */
    static final Duration CATCH_UP = Duration.ofHours(72);

    /** Records per sweep transaction: the claimed cases stay locked (against other sweeps) until it commits. */
    static final int BATCH = 100;
    /** Longest actor name kept (the journal's actor column). */
    static final int MAX_ACTOR = 100;

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateSupervisionService(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, HibernateCaseService.DATABASE_CLOCK);
    }

    HibernateSupervisionService(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    // ---- the sweep ----

    @Override
    public SweepCounts sweep(Instant now, int max) {
        Objects.requireNonNull(now, "now");
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        SweepCounts total = SweepCounts.NONE;
        int left = max;
        int late = 0;
        for (TenantDefinition t : tenants.tenants()) {
            if (tenants.status(t.id()).orElse(TenantStatus.SUSPENDED) != TenantStatus.ACTIVE) {
                continue;
            }
            for (SupervisionRows.Rule rule : SupervisionRows.Rule.values()) {
                while (left > 0) {
                    int batch = Math.min(BATCH, left);
                    int[] claimedWritten;
                    try {
                        claimedWritten = db.inTenant(t.id(), s -> sweepBatch(s, t, rule, now, batch));
                    } catch (RuntimeException e) {
                        // e.g. a step numbered its journal entry at the same moment: the batch is rolled back
                        // and its cases are found again by the next sweep
                        LOG.warn("Supervision sweep of district {} ({}) failed, retried next time: {}", t.id(),
                                rule, e.toString());
                        break;
                    }
                    left -= claimedWritten[1];
                    total = total.plus(counts(rule, claimedWritten[1]));
                    if (claimedWritten[0] < batch) {
                        break;
                    }
                }
            }
            int told = lateOrders(t, now, left);
            left -= told;
            late += told;
        }
        if (total.total() > 0 || late > 0) {
            LOG.info("Supervision sweep wrote {} warning reminders, {} overdue reminders, {} escalations;"
                    + " {} orders past their deadline notified", total.warnings(), total.overdue(), total.escalations(),
                    late);
        }
        return total;
    }

    /**
     * Tells the issuer and the case's holders of each order of {@code t} past its deadline unanswered,
     * once: the claim skips orders another sweep holds, and only the sweep whose update marked the
     * order writes the notice. At most {@code max}; how many were told.
     */
    private int lateOrders(TenantDefinition t, Instant now, int max) {
        int told = 0;
        while (told < max) {
            int batch = Math.min(BATCH, max - told);
            int[] claimedTold;
            try {
                claimedTold = db.inTenant(t.id(), s -> {
                    List<SupervisionRows.LateOrder> claimed = SupervisionRows.claimLateOrders(s, t.id(), now,
                            now.minus(CATCH_UP), batch);
                    int n = 0;
                    for (SupervisionRows.LateOrder o : claimed) {
                        if (SupervisionRows.markLateNoticed(s, t.id(), o.order().id(), now)) {
                            SupervisionRows.Candidate c = o.kase();
                            NoticeRows.enqueue(s, SupervisionNotices.late(t, o.order(), c.leadDepartment(), c.gridCode(), c.assignee(),
                                    c.categoryCode(), c.dueAt()), now, t);
                            n++;
                        }
                    }
                    return new int[] {claimed.size(), n};
                });
            } catch (RuntimeException e) {
                LOG.warn("Supervision sweep of district {} (late orders) failed, retried next time: {}", t.id(),
                        e.toString());
                break;
            }
            told += claimedTold[1];
            if (claimedTold[0] < batch) {
                break;
            }
        }
        return told;
    }

    private static SweepCounts counts(SupervisionRows.Rule rule, int n) {
        return switch (rule) {
            case WARNING_REMINDER -> new SweepCounts(n, 0, 0);
            case OVERDUE_REMINDER -> new SweepCounts(0, n, 0);
            case OVERDUE_ESCALATION, REWORK_ESCALATION -> new SweepCounts(0, 0, n);
        };
    }

    /** One transaction: claims (unless the district is being filled) up to {@code batch} cases for {@code rule}, writes their records; {claimed, written}. */
    private int[] sweepBatch(Session s, TenantDefinition t, SupervisionRows.Rule rule, Instant now, int batch) {
        if (!DistrictFill.idle(s, t.id())) {
            return new int[] {0, 0}; // its demo history is being written: half-written cases wait for the next firing
        }
        SupervisionPolicy policy = t.supervision();
        List<SupervisionRows.Candidate> claimed = switch (rule) {
            case WARNING_REMINDER -> SupervisionRows.claim(s, t.id(), rule, batch, now, now.minus(CATCH_UP), now);
            case OVERDUE_REMINDER -> SupervisionRows.claim(s, t.id(), rule, batch, now, now.minus(CATCH_UP));
            case OVERDUE_ESCALATION -> SupervisionRows.claim(s, t.id(), rule, batch,
                    now.minus(policy.escalateAfterOverdue()), now.minus(policy.escalateAfterOverdue()).minus(CATCH_UP));
            case REWORK_ESCALATION -> SupervisionRows.claim(s, t.id(), rule, batch, policy.escalateAfterReworks());
        };
        List<Supervision> records = new ArrayList<>(claimed.size());
        List<Instant> cycles = new ArrayList<>(claimed.size());
        List<SupervisionRows.Candidate> kept = new ArrayList<>(claimed.size());
        for (SupervisionRows.Candidate c : claimed) {
            if (rule.kind == SupervisionKind.ESCALATION && SupervisionRows.escalated(s, t.id(), c.caseId())) {
                continue; // escalated meanwhile by another sweep under the other rule: once per case
            }
            String reason = SupervisionNotices.automaticReason(rule, t.timeZone(), c.dueAt(), c.reworkCount(),
                    policy.escalateAfterOverdue());
            Instant deadline = rule.kind == SupervisionKind.ESCALATION ? now.plus(policy.answerWithin()) : null;
            records.add(new Supervision(UUID.randomUUID(), t.id(), c.caseId(), c.caseNumber(), rule.kind,
                    rule.trigger, reason, deadline, SupervisionRows.SWEEP_ACTOR, now, null, null, null, null));
            cycles.add(c.cycleAt());
            kept.add(c);
        }
        // the batch's records, journal entries and notices each in one JDBC batch: a round trip per table, not per case
        boolean[] inserted = SupervisionRows.insertAll(s, records, cycles);
        List<SupervisionRows.Entry> entries = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                entries.add(entry(records.get(i), kept.get(i), t, now));
                notices.add(notice(t, records.get(i), kept.get(i)));
            }
        }
        SupervisionRows.journalAll(s, t.id(), entries);
        NoticeRows.enqueueAll(s, notices, now, t);
        return new int[] {claimed.size(), entries.size()};
    }

    /** The journal entry and the notice of a record just inserted. */
    private static void write(Session s, TenantDefinition t, Supervision r, SupervisionRows.Candidate c, Instant now) {
        SupervisionRows.journalAll(s, t.id(), List.of(entry(r, c, t, now)));
        NoticeRows.enqueue(s, notice(t, r, c), now, t);
    }

    private static SupervisionRows.Entry entry(Supervision r, SupervisionRows.Candidate c, TenantDefinition t,
                                               Instant now) {
        return new SupervisionRows.Entry(c.caseId(), c.status(), r.issuedBy(), now,
                SupervisionNotices.journalNote(r, t.timeZone()));
    }

    private static Notice notice(TenantDefinition t, Supervision r, SupervisionRows.Candidate c) {
        return SupervisionNotices.notice(t, r, c.leadDepartment(), c.gridCode(), c.assignee(), c.categoryCode(),
                c.dueAt());
    }

    // ---- the service ----

    @Override
    public List<Supervision> ofCase(String tenantId, UUID caseId) {
        tenants.require(tenantId);
        Objects.requireNonNull(caseId, "caseId");
        return db.inTenant(tenantId, s -> {
            CaseSteps.load(s, caseId);
            return SupervisionRows.ofCase(s, tenantId, caseId);
        });
    }

    @Override
    public Supervision order(String tenantId, UUID caseId, NewOrder order, String actor) {
        TenantDefinition t = tenants.require(tenantId);
        Objects.requireNonNull(caseId, "caseId");
        if (order == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        SupervisionKind kind = order.kind() == null ? SupervisionKind.ORDER : order.kind();
        if (kind != SupervisionKind.ORDER && kind != SupervisionKind.LISTED) {
            throw new ValidationException("kind", "督办类型须为 order 或 listed (kind must be order or listed)");
        }
        String reason = text("reason", order.reason(), MAX_REASON, "督办须说明事由 (an order needs a reason)");
        Instant now = clock.instant();
        Instant deadline = order.deadline();
        if (deadline == null) {
            throw new ValidationException("deadline", "必填项 (required): deadline（答复期限）");
        }
        if (!deadline.isAfter(now)) {
            throw new ValidationException("deadline", "答复期限须晚于现在 (the deadline must be in the future)");
        }
        if (deadline.isAfter(now.plus(Duration.ofDays(MAX_DEADLINE_DAYS)))) {
            throw new ValidationException("deadline", "答复期限不能超过 " + MAX_DEADLINE_DAYS + " 天 (the deadline must be within "
                    + MAX_DEADLINE_DAYS + " days)");
        }
        String by = actor(actor);
        Supervision issued = db.inTenant(tenantId, s -> {
            SupervisionRows.Candidate c = SupervisionRows.lockCase(s, tenantId, caseId)
                    .orElseThrow(() -> new NotFoundException("案件不存在 (no such case): " + caseId));
            if (!c.status().isOpen()) {
                throw new ConflictException("case", "案件已结案或不予立案，不能督办 (the case is closed or rejected)");
            }
            if (s.createSelectionQuery("select c.mergedInto from CaseEntity c where c.id = :id", UUID.class)
                    .setParameter("id", caseId).getSingleResultOrNull() != null) {
                throw new ConflictException("mergedInto", "已合并的重复件随主案件办理，请督办主案件 (a merged duplicate"
                        + " follows its master: supervise the master)");
            }
            Supervision r = new Supervision(UUID.randomUUID(), tenantId, caseId, c.caseNumber(), kind,
                    SupervisionTrigger.MANUAL, reason, deadline, by, now, null, null, null, null);
            SupervisionRows.insert(s, r, null);
            write(s, t, r, c, now);
            return r;
        });
        LOG.info("District {}: {} issued on case {} by {}", tenantId, kind.wireName(), issued.caseNumber(), by);
        return issued;
    }

    @Override
    public Supervision answer(String tenantId, UUID caseId, UUID supervisionId, String answer, String actor) {
        TenantDefinition t = tenants.require(tenantId);
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(supervisionId, "supervisionId");
        String text = text("answer", answer, MAX_ANSWER, "答复不能为空 (an answer needs text)");
        String by = actor(actor);
        Instant now = clock.instant();
        return db.inTenant(tenantId, s -> {
            SupervisionRows.Candidate c = SupervisionRows.lockCase(s, tenantId, caseId)
                    .orElseThrow(() -> new NotFoundException("案件不存在 (no such case): " + caseId));
            Supervision r = SupervisionRows.find(s, tenantId, caseId, supervisionId)
                    .orElseThrow(() -> new NotFoundException("督办记录不存在 (no such supervision record): " + supervisionId));
            if (!r.kind().isOrder()) {
                throw new ConflictException("answer", "催办无需答复 (a reminder is not answered)");
            }
            if (!SupervisionRows.answer(s, tenantId, supervisionId, text, by, now)) {
                throw new ConflictException("answer", "该督办已答复 (the order was answered already)");
            }
            SupervisionRows.journal(s, tenantId, caseId, c.status(), by, now, SupervisionNotices.answerNote(r, text));
            Supervision answered = SupervisionRows.find(s, tenantId, caseId, supervisionId).orElseThrow();
            NoticeRows.enqueue(s, SupervisionNotices.answered(t, answered, c.leadDepartment(), c.categoryCode(),
                    c.dueAt()), now, t);
            return answered;
        });
    }

    @Override
    public List<Supervision> listed(String tenantId, boolean publishedOnly) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> SupervisionRows.listed(s, tenantId, publishedOnly, MAX_LIST));
    }

    @Override
    public List<Supervision> publishListed(String tenantId, String actor) {
        tenants.require(tenantId);
        Instant now = clock.instant();
        return db.inTenant(tenantId, s -> {
            int published = SupervisionRows.publishListed(s, tenantId, now);
            LOG.info("District {}: list of listed matters published by {} ({} newly published)", tenantId,
                    actor(actor), published);
            return SupervisionRows.listed(s, tenantId, true, MAX_LIST);
        });
    }

    @Override
    public List<Supervision> escalations(Instant from, Instant to, boolean openOnly) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ValidationException("from", "统计起点须早于终点 (from must be before to)");
        }
        Instant start = from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from;
        List<Supervision> out = new ArrayList<>();
        for (TenantDefinition t : tenants.tenants()) {
            if (tenants.status(t.id()).orElse(TenantStatus.SUSPENDED) != TenantStatus.ACTIVE || !start.isBefore(to)) {
                continue;
            }
            out.addAll(db.inTenant(t.id(), s -> SupervisionRows.escalations(s, t.id(), start, to, openOnly, MAX_LIST)));
        }
        out.sort(Comparator.comparing(Supervision::issuedAt).reversed().thenComparing(Supervision::id));
        return out.size() > MAX_LIST ? List.copyOf(out.subList(0, MAX_LIST)) : List.copyOf(out);
    }

    private static String text(String field, String value, int max, String blank) {
        String v = InputText.check(field, value);
        if (v == null || v.isBlank()) {
            throw new ValidationException(field, blank);
        }
        v = v.strip();
        if (v.length() > max) {
            throw new ValidationException(field, "不能超过 " + max + " 个字符 (" + field + ": at most " + max + " characters)");
        }
        return v;
    }

    private static String actor(String actor) {
        String who = CaseWorkflow.actor(actor);
        return who.length() > MAX_ACTOR ? who.substring(0, MAX_ACTOR) : who;
    }
}
