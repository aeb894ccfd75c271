package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.OptimisticLockException;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.workflow.CaseIntake;
import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseLine;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseSummary;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.IntakeResult;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.CaseEvent;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The closed loop on Hibernate: every session is bound to the tenant of the call. */
@Component(service = CaseService.class)
public final class HibernateCaseService implements CaseService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Logger LOG = LoggerFactory.getLogger(HibernateCaseService.class);
    /** The journal's actor of a registration made at intake in wartime (直报指挥部). */
    static final String COMMAND_POST = "command-post";
    /**
     * The system clock at PostgreSQL's precision (microseconds): an instant answered right after a step
     * equals the one read back later (the JVM's clock has nanoseconds, timestamptz does not keep them).
     */
    static final Clock DATABASE_CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final Database db;
    private final TenantDirectory tenants;
    private final PluginHooks plugins;
    private final CaseSteps steps;
    private final DispatchSignals signals;
    private final Clock clock;
    /** Whether intake looks for duplicates and repeats; off only in the benchmark's comparison run. */
    private volatile boolean detectDuplicates = true;
    /** Most matches a broad list counts ({@link CaseQuery#COUNT_CAP}; smaller only in tests). */
    private volatile int countCap = CaseQuery.COUNT_CAP;

    @Activate
    public HibernateCaseService(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants,
                                @Reference PluginHooks plugins, @Reference DispatchSignals signals) {
        this(runtime.database(), tenants, plugins, signals, DATABASE_CLOCK);
    }

    HibernateCaseService(Database db, TenantDirectory tenants, PluginHooks plugins, DispatchSignals signals, Clock clock) {
        this(db, tenants, plugins, signals, clock, CaseSteps.Outbox.LIVE);
    }

    /**
     * With {@link CaseSteps.Outbox#SETTLED}, dispatches are written as already settled at their
     * time (the demo history, {@link DemoHistory}): nothing reaches a department system.
     */
    HibernateCaseService(Database db, TenantDirectory tenants, PluginHooks plugins, DispatchSignals signals, Clock clock,
                         CaseSteps.Outbox outbox) {
        this.db = db;
        this.tenants = tenants;
        this.plugins = plugins;
        this.steps = new CaseSteps(plugins, outbox);
        this.signals = signals;
        this.clock = clock;
    }

    /** Caps a broad list's count at {@code cap} matches (tests, so that a few cases exceed it). */
    void countCap(int cap) {
        this.countCap = cap;
    }

    /** Turns the duplicate and repeat look-up at intake on or off (the benchmark compares both). */
    void detectDuplicates(boolean on) {
        this.detectDuplicates = on;
    }

    @Override
    public IntakeResult report(String tenantId, NewCase newCase, String actor, String reporterSubject, String keyScope) {
        TenantDefinition tenant = tenants.require(tenantId);
        Instant now = clock.instant();
        CaseEntity c = CaseRows.newRow(CaseIntake.newCase(tenant, newCase, reporterSubject, keyScope, now));
        CaseWorkflow flow = new CaseWorkflow(tenant);
        IntakeResult result;
        Set<String> models = tenants.enabledModels(tenantId);
        CaseSteps.Effects effects = new CaseSteps.Effects();
        try {
            result = db.inTenant(tenantId, session -> {
                // a repeated key answers with its case: asked in the intake's own transaction, not one more
                Optional<CaseEntity> earlier = c.idempotencyKey == null ? Optional.empty()
                        : byIdempotencyKey(session, tenantId, c.idempotencyScope, c.idempotencyKey);
                if (earlier.isPresent()) {
                    return new IntakeResult(CaseViews.of(earlier.get(), flow.sla(), now), false);
                }
                long seq = session.createNativeQuery("select nextval('case_number_seq')", Long.class).getSingleResult();
                c.number = tenant.adminCode() + "-" + LocalDate.ofInstant(now, tenant.timeZone()).format(DAY)
                        + "-" + String.format("%06d", seq % 1_000_000);
                c.commandPost = tenant.emergency().commandPost(c.categoryCode)
                        && ModeRows.mode(session, tenantId) == OperatingMode.WARTIME;
                CaseRows.propose(c, steps.proposal(session, tenant, c, models));
                if (detectDuplicates) {
                    DuplicateDetector.detect(session, tenantId, tenant.duplicates(), c);
                }
                session.persist(c);
                session.persist(CaseSteps.reported(c, actor));
                HibernateEvidenceRecords.attach(session, "attachments", c.attachments, actor, c.id, 1);
                if (c.commandPost) {
                    registerAtCommandPost(session, tenant, c, now, models, effects);
                }
                return new IntakeResult(CaseViews.of(c, flow.sla(), now), true);
            });
        } catch (ConstraintViolationException e) {
            // two intakes with one key raced: the other one won, answer with its case
            return byIdempotencyKey(tenantId, c.idempotencyScope, c.idempotencyKey)
                    .map(earlier -> new IntakeResult(CaseViews.of(earlier, flow.sla(), now), false))
                    .orElseThrow(() -> e);
        }
        if (!result.created()) {
            return result;
        }
        plugins.publish(models,
                new CaseEvent(CaseSteps.facts(tenant, CaseRows.record(c)), c.id.toString(), "report", null, "reported",
                        CaseWorkflow.actor(actor), now));
        effects.events.forEach(e -> plugins.publish(models, e));
        return result;
    }

    /**
     * Wartime, a command-post category (直报指挥部): the case is registered at intake, in the same
     * transaction, by {@link #COMMAND_POST}, so that it waits in no register queue and the command post
     * dispatches it straight to the departments. A plugin rule that refuses the registration leaves it
     * reported (and flagged) for the dispatcher.
     */
    private void registerAtCommandPost(org.hibernate.Session session, TenantDefinition tenant, CaseEntity c, Instant now,
                                       Set<String> models, CaseSteps.Effects effects) {
        TransitionCommand register = new TransitionCommand(CaseAction.REGISTER, COMMAND_POST,
                "战时直报指挥部，受理即立案 (wartime: routed straight to the command post, registered at intake)",
                List.of(), null, List.of(), null, null, null, null);
        try {
            steps.apply(session, tenant, c, register, now, models, effects);
        } catch (StepRefusedException e) {
            LOG.info("Command-post case {} of {} left reported: model {} refused the registration", c.number,
                    tenant.id(), e.model());
        }
    }

    private Optional<CaseEntity> byIdempotencyKey(String tenantId, String scope, String key) {
        return db.inTenant(tenantId, s -> byIdempotencyKey(s, tenantId, scope, key));
    }

    private static Optional<CaseEntity> byIdempotencyKey(org.hibernate.Session s, String tenantId, String scope,
                                                         String key) {
        // in SQL naming the tenant, as every intake asks it (ADR 0042)
        return s.createNativeQuery("select c.* from case_record c where c.tenant_id = :t"
                        + " and c.idempotency_scope = :s and c.idempotency_key = :k", CaseEntity.class)
                .setParameter("t", tenantId).setParameter("s", scope).setParameter("k", key).uniqueResultOptional();
    }

    @Override
    public CaseView get(String tenantId, UUID caseId) {
        TenantDefinition tenant = tenants.require(tenantId);
        return db.inTenant(tenantId, s -> CaseViews.of(CaseSteps.load(s, caseId), new CaseWorkflow(tenant).sla(), clock.instant()));
    }

    @Override
    public Page<CaseView> list(String tenantId, CaseQuery query) {
        TenantDefinition tenant = tenants.require(tenantId);
        CaseWorkflow flow = new CaseWorkflow(tenant);
        Instant now = clock.instant();
        CaseFilter filter = CaseFilter.of(tenant, query, now);
        int cap = countCap;
        return db.inTenant(tenantId, s -> {
            // a broad list counts at most cap + 1 matches: the exact count of a common word or of the whole district
            // visits tens of thousands of rows, most of the list's time at 1,000,000 cases; numbers, phones and
            // filters count exactly (the matches up to cap + 1, each as a constant: HQL allows no limit in a
            // subquery without an order)
            long total = filter.broad()
                    ? filter.bind(s.createSelectionQuery("select 1 from CaseEntity c" + filter.where(), Integer.class))
                            .setMaxResults(cap + 1).getResultList().size()
                    : count(s, filter);
            boolean exact = !filter.broad() || total <= cap;
            List<CaseView> items = filter.bind(s.createSelectionQuery(
                            "from CaseEntity c" + filter.where() + CaseFilter.orderBy(query.sort()), CaseEntity.class))
                    .setFirstResult(query.offset()).setMaxResults(query.limit())
                    .getResultList().stream().map(c -> CaseViews.of(c, flow.sla(), now)).toList();
            return new Page<>(items, exact ? total : cap, query.offset(), query.limit(), exact);
        });
    }

    @Override
    public long count(String tenantId, CaseQuery query) {
        CaseFilter filter = CaseFilter.of(tenants.require(tenantId), query, clock.instant());
        return db.inTenant(tenantId, s -> count(s, filter));
    }

    static long count(Session s, CaseFilter filter) {
        return filter.bind(s.createSelectionQuery("select count(*) from CaseEntity c" + filter.where(), Long.class))
                .getSingleResult();
    }

    /** Rows a round trip of the export's cursor brings: small enough for little memory, big enough for few trips. */
    static final int EXPORT_FETCH = 1000;

    @Override
    public long export(String tenantId, CaseQuery query, Consumer<CaseLine> sink) {
        TenantDefinition tenant = tenants.require(tenantId);
        CaseFilter filter = CaseFilter.of(tenant, query, clock.instant());
        String hql = "select c.number, c.title, c.categoryCode, c.gridCode, c.status, c.leadDepartment, c.reportedAt,"
                + " c.dueAt, c.closedAt from CaseEntity c" + filter.where() + CaseFilter.orderBy(query.sort());
        return db.inTenant(tenantId, s -> {
            // a projection, not entities: nothing collects in the session; the driver fetches through a cursor
            // (fetch size inside a transaction), so memory holds one fetch, not the list
            try (ScrollableResults<Object[]> rows = filter.bind(s.createSelectionQuery(hql, Object[].class))
                    .setReadOnly(true).setFetchSize(EXPORT_FETCH).scroll(ScrollMode.FORWARD_ONLY)) {
                long n = 0;
                while (rows.next()) {
                    Object[] r = rows.get();
                    sink.accept(new CaseLine((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                            (CaseStatus) r[4], (String) r[5], (Instant) r[6], (Instant) r[7], (Instant) r[8]));
                    n++;
                }
                return n;
            }
        });
    }

    @Override
    public CaseSummary summary(String tenantId, CaseQuery query, int dueWithinHours) {
        TenantDefinition tenant = tenants.require(tenantId);
        if (dueWithinHours < 1 || dueWithinHours > CaseQuery.MAX_DUE_WITHIN_HOURS) {
            throw new ValidationException("dueWithin", "dueWithin 须在 1–" + CaseQuery.MAX_DUE_WITHIN_HOURS
                    + " 小时之间 (must be 1–" + CaseQuery.MAX_DUE_WITHIN_HOURS + " hours)");
        }
        Instant now = clock.instant();
        CaseQuery counted = new CaseQuery(CaseFilter.OPEN, query.gridCode(), query.department(), query.categoryCode(),
                query.channel(), query.overdue(), query.reportedFrom(), query.reportedTo(), query.family(), query.tier(),
                null, query.attribute(), query.text(), CaseQuery.Sort.REPORTED, 0, 1, query.scope(), query.commandPost(),
                query.wartime(), query.assignee());
        CaseFilter filter = CaseFilter.of(tenant, counted, now);
        List<Object[]> rows = db.inTenant(tenantId, s -> summaryRows(s, filter, now, dueWithinHours));
        Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
        long total = 0, overdue = 0, warning = 0, dueSoon = 0;
        for (Object[] row : rows) {
            CaseStatus status = (CaseStatus) row[0];
            long n = ((Number) row[1]).longValue();
            byStatus.put(status, n);
            total += n;
            overdue += number(row[2]);
            warning += number(row[3]);
            dueSoon += number(row[4]);
        }
        return new CaseSummary(now, byStatus, total, overdue, warning, dueSoon, dueWithinHours);
    }

    /**
     * One pass over the open cases of {@code filter} (V39's index answers it): per status, how many, and of those
     * whose clock runs how many are overdue, in warning, due within {@code dueWithinHours}.
     */
    static List<Object[]> summaryRows(Session s, CaseFilter filter, Instant now, int dueWithinHours) {
        String running = "c.status <> :postponed";
        String hql = "select c.status, count(*),"
                + " sum(case when " + running + " and c.dueAt < :sumNow then 1 else 0 end),"
                + " sum(case when " + running + " and c.dueAt >= :sumNow and c.warningAt <= :sumNow then 1 else 0 end),"
                + " sum(case when " + running + " and c.dueAt >= :sumNow and c.dueAt < :sumSoon then 1 else 0 end)"
                + " from CaseEntity c" + filter.where() + " group by c.status";
        return filter.bind(s.createSelectionQuery(hql, Object[].class))
                .setParameter("sumNow", now)
                .setParameter("sumSoon", now.plus(Duration.ofHours(dueWithinHours)))
                .setParameter("postponed", CaseStatus.POSTPONED)
                .getResultList();
    }

    private static long number(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    @Override
    public CaseView transition(String tenantId, UUID caseId, TransitionCommand cmd) {
        TenantDefinition tenant = tenants.require(tenantId);
        checkInput(cmd);
        return step(tenant, caseId, cmd, null);
    }

    /** Loads the case once: {@code admit} sees it as loaded, then the input is checked and the step taken. */
    @Override
    public CaseView transition(String tenantId, UUID caseId, TransitionCommand cmd, Consumer<CaseView> admit) {
        return step(tenants.require(tenantId), caseId, cmd, Objects.requireNonNull(admit, "admit"));
    }

    /** What a step's command must carry before the case is looked at (the workflow checks the rest). */
    private static void checkInput(TransitionCommand cmd) {
        if (cmd.action() == null) {
            throw new ValidationException("action", "必填项 (required): action");
        }
        CaseIntake.attachments("attachments", cmd.attachments(), true);
        CaseIntake.publicNote(cmd.publicNote());
    }

    private CaseView step(TenantDefinition tenant, UUID caseId, TransitionCommand cmd, Consumer<CaseView> admit) {
        String tenantId = tenant.id();
        CaseWorkflow flow = new CaseWorkflow(tenant);
        Instant now = clock.instant();
        Set<String> models = tenants.enabledModels(tenantId);
        CaseSteps.Effects effects = new CaseSteps.Effects();
        CaseView view;
        try {
            view = db.inTenant(tenantId, s -> {
                CaseEntity c = CaseSteps.load(s, caseId);
                if (admit != null) {
                    admit.accept(CaseViews.of(c, flow.sla(), now));
                    checkInput(cmd);
                }
                if (cmd.expectedVersion() != null && cmd.expectedVersion() != c.version) {
                    throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile; expected version "
                            + cmd.expectedVersion() + ", found " + c.version + ")");
                }
                if (c.mergedInto != null && !CaseViews.MERGED_STEPS.contains(cmd.action())) {
                    // a merged duplicate is handled through its master (ADR 0034): stepping it too would handle the
                    // matter twice; notes still reach it
                    throw new ConflictException("mergedInto", "该案件已并入其他案件，请在主案件上办理 (the case was merged"
                            + " into another; take the steps on the master)");
                }
                steps.apply(s, tenant, c, cmd, now, models, effects);
                dropAssignee(tenant, c);
                return CaseViews.of(c, flow.sla(), now);
            });
        } catch (OptimisticLockException | StaleStateException | ConstraintViolationException e) {
            throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile)");
        }
        signals.announce(tenantId, effects.dispatches);
        effects.events.forEach(e -> plugins.publish(models, e));
        return view;
    }

    /**
     * A step that moved the case away from its assignee (a return clears the lead department, a new dispatch
     * names another) leaves it without one (ADR 0035); the step's own journal entry records the move.
     */
    private static void dropAssignee(TenantDefinition tenant, CaseEntity c) {
        if (c.assignee != null && !AssignmentRules.holds(tenant, c.assignee, c.leadDepartment, c.gridCode)) {
            c.assignee = null;
            c.assignedAt = null;
        }
    }

    @Override
    public List<JournalEntry> journal(String tenantId, UUID caseId) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> {
            CaseSteps.load(s, caseId);
            return s.createSelectionQuery("from JournalEntity where caseId = :id order by seq", JournalEntity.class)
                    .setParameter("id", caseId).getResultList().stream().map(CaseViews::of).toList();
        });
    }

    @Override
    public List<CaseView> overdue(String tenantId, Instant now, int limit) {
        TenantDefinition tenant = tenants.require(tenantId);
        CaseWorkflow flow = new CaseWorkflow(tenant);
        return db.inTenant(tenantId, s -> s.createSelectionQuery(
                        "from CaseEntity c where c.dueAt < :now and c.status not in (:done) order by c.dueAt", CaseEntity.class)
                .setParameter("now", now)
                .setParameterList("done", CaseFilter.NOT_RUNNING)
                .setMaxResults(limit)
                .getResultList().stream().map(c -> CaseViews.of(c, flow.sla(), now)).toList());
    }
}
