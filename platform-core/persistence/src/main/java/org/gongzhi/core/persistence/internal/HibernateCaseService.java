package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.CaseQuery;
import org.gongzhi.core.service.CaseService;
import org.gongzhi.core.service.CaseView;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.IntakeResult;
import org.gongzhi.core.service.JournalEntry;
import org.gongzhi.core.service.NewCase;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.service.TransitionCommand;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The closed loop on Hibernate: every session is bound to the tenant of the call. */
@Component(service = CaseService.class)
public final class HibernateCaseService implements CaseService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Database db;
    private final TenantDirectory tenants;
    private final PluginHooks plugins;
    private final Clock clock;

    @Activate
    public HibernateCaseService(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants,
                                @Reference PluginHooks plugins) {
        this(runtime.database(), tenants, plugins, Clock.systemUTC());
    }

    HibernateCaseService(Database db, TenantDirectory tenants, PluginHooks plugins, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.plugins = plugins;
        this.clock = clock;
    }

    @Override
    public IntakeResult report(String tenantId, NewCase newCase, String actor, String reporterSubject) {
        TenantDefinition tenant = tenants.require(tenantId);
        Instant now = clock.instant();
        CaseEntity c = CaseIntake.newCase(tenant, newCase, now);
        c.reporterSubject = reporterSubject;
        CaseWorkflow flow = new CaseWorkflow(tenant);
        if (c.idempotencyKey != null) {
            Optional<CaseEntity> earlier = byIdempotencyKey(tenantId, c.idempotencyKey);
            if (earlier.isPresent()) {
                return new IntakeResult(CaseViews.of(earlier.get(), flow.sla(), now), false);
            }
        }
        IntakeResult result;
        try {
            result = db.inTenant(tenantId, session -> {
                long seq = session.createNativeQuery("select nextval('case_number_seq')", Long.class).getSingleResult();
                c.number = tenant.adminCode() + "-" + LocalDate.ofInstant(now, tenant.timeZone()).format(DAY)
                        + "-" + String.format("%06d", seq % 1_000_000);
                session.persist(c);
                session.persist(journal(c, 1, null, null, CaseStatus.REPORTED, actor, now, c.description, c.attachments));
                return new IntakeResult(CaseViews.of(c, flow.sla(), now), true);
            });
        } catch (ConstraintViolationException e) {
            // two intakes with one key raced: the other one won, answer with its case
            return byIdempotencyKey(tenantId, c.idempotencyKey)
                    .map(earlier -> new IntakeResult(CaseViews.of(earlier, flow.sla(), now), false))
                    .orElseThrow(() -> e);
        }
        plugins.publish(tenants.enabledModels(tenantId),
                new CaseEvent(facts(tenant, c), c.id.toString(), "report", null, "reported", actor(actor), now));
        return result;
    }

    private Optional<CaseEntity> byIdempotencyKey(String tenantId, String key) {
        return db.inTenant(tenantId, s -> s.createSelectionQuery("from CaseEntity where idempotencyKey = :k", CaseEntity.class)
                .setParameter("k", key).uniqueResultOptional());
    }

    @Override
    public CaseView get(String tenantId, UUID caseId) {
        TenantDefinition tenant = tenants.require(tenantId);
        return db.inTenant(tenantId, s -> CaseViews.of(load(s, caseId), new CaseWorkflow(tenant).sla(), clock.instant()));
    }

    /** Loads through a query, so the tenant restriction applies whatever the id. */
    private static CaseEntity load(Session s, UUID caseId) {
        return s.createSelectionQuery("from CaseEntity where id = :id", CaseEntity.class)
                .setParameter("id", caseId).uniqueResultOptional()
                .orElseThrow(() -> new NotFoundException("案件不存在 (no such case): " + caseId));
    }

    @Override
    public Page<CaseView> list(String tenantId, CaseQuery query) {
        TenantDefinition tenant = tenants.require(tenantId);
        CaseWorkflow flow = new CaseWorkflow(tenant);
        Instant now = clock.instant();
        CaseFilter filter = CaseFilter.of(tenant, query, now);
        return db.inTenant(tenantId, s -> {
            long total = filter.bind(s.createSelectionQuery("select count(*) from CaseEntity c" + filter.where(), Long.class))
                    .getSingleResult();
            List<CaseView> items = filter.bind(s.createSelectionQuery(
                            "from CaseEntity c" + filter.where() + " order by c.reportedAt desc, c.id", CaseEntity.class))
                    .setFirstResult(query.offset()).setMaxResults(query.limit())
                    .getResultList().stream().map(c -> CaseViews.of(c, flow.sla(), now)).toList();
            return new Page<>(items, total, query.offset(), query.limit());
        });
    }

    @Override
    public CaseView transition(String tenantId, UUID caseId, TransitionCommand cmd) {
        TenantDefinition tenant = tenants.require(tenantId);
        if (cmd.action() == null) {
            throw new ValidationException("action", "必填项 (required): action");
        }
        CaseIntake.attachments("attachments", cmd.attachments());
        CaseWorkflow flow = new CaseWorkflow(tenant);
        Instant now = clock.instant();
        Set<String> models = tenants.enabledModels(tenantId);
        CaseEvent[] event = new CaseEvent[1];
        CaseView view;
        try {
            view = db.inTenant(tenantId, s -> {
                CaseEntity c = load(s, caseId);
                if (cmd.expectedVersion() != null && cmd.expectedVersion() != c.version) {
                    throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile; expected version "
                            + cmd.expectedVersion() + ", found " + c.version + ")");
                }
                CaseStatus from = c.status;
                CaseLifecycle.next(from, cmd.action());
                plugins.check(models, facts(tenant, c), c.id.toString(), cmd.action().wireName());
                Optional<PluginHooks.Triage> triage = cmd.action() == CaseAction.REGISTER && cmd.tier() == null
                        ? plugins.triage(models, facts(tenant, c)) : Optional.empty();
                triage.ifPresent(t -> TriageRecord.apply(c, t));
                flow.apply(c, cmd, now, triage.map(PluginHooks.Triage::decision));
                int seq = s.createSelectionQuery("select max(j.seq) from JournalEntity j where j.caseId = :id", Integer.class)
                        .setParameter("id", caseId).getSingleResult() + 1;
                s.persist(journal(c, seq, cmd.action(), from, c.status, actor(cmd.actor()), now, cmd.note(), cmd.attachments()));
                s.flush();
                event[0] = new CaseEvent(facts(tenant, c), c.id.toString(), cmd.action().wireName(),
                        WireNames.of(from), WireNames.of(c.status), actor(cmd.actor()), now);
                return CaseViews.of(c, flow.sla(), now);
            });
        } catch (OptimisticLockException | StaleStateException | ConstraintViolationException e) {
            throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile)");
        }
        plugins.publish(models, event[0]);
        return view;
    }

    private static CaseFacts facts(TenantDefinition tenant, CaseEntity c) {
        String defaultTier = tenant.category(c.categoryCode).map(cd -> cd.tier().wireName()).orElse(c.tier.wireName());
        return new CaseFacts(tenant.id(), c.number, c.categoryCode, defaultTier, c.gridCode, c.channel, c.title,
                c.reportedAt);
    }

    private static JournalEntity journal(CaseEntity c, int seq, CaseAction action, CaseStatus from, CaseStatus to, String actor,
                                         Instant at, String note, List<String> attachments) {
        JournalEntity j = new JournalEntity();
        j.caseId = c.id;
        j.seq = seq;
        j.action = action;
        j.from = from;
        j.to = to;
        j.actor = actor(actor);
        j.at = at;
        j.note = note;
        j.attachments = new ArrayList<>(attachments);
        return j;
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? "anonymous" : actor;
    }

    @Override
    public List<JournalEntry> journal(String tenantId, UUID caseId) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> {
            load(s, caseId);
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
