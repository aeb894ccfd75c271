package org.gongzhi.core.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import org.gongzhi.core.casework.workflow.CaseRecord;
import org.gongzhi.core.casework.workflow.HotlineCallback;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.CallbackAttempt;
import org.gongzhi.core.service.hotline.CallbackResult;
import org.gongzhi.core.service.hotline.CallbackState;
import org.gongzhi.core.service.hotline.CallbackTask;
import org.gongzhi.core.service.hotline.HotlineCallbacks;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 12345 回访 on PostgreSQL (table {@code hotline_callback}, V20): the list is one query over the closed
 * hotline cases; an attempt locks the case row, lets {@link HotlineCallback} decide, takes the step
 * ({@link CaseSteps}) and writes the attempt, in one transaction. Logs name the case, never the caller.
 */
@Component(service = HotlineCallbacks.class)
public final class HibernateHotlineCallbacks implements HotlineCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateHotlineCallbacks.class);
    /** Failed attempts since the case's last close. */
    private static final String FAILED = "(select count(*) from hotline_callback h where h.tenant_id = c.tenant_id "
            + "and h.case_id = c.id and not h.reached and h.attempted_at >= c.closed_at)";
    private static final String LAST = "(select max(h.attempted_at) from hotline_callback h where h.tenant_id = c.tenant_id "
            + "and h.case_id = c.id and h.attempted_at >= c.closed_at)";

    private final Database db;
    private final TenantDirectory tenants;
    private final PluginHooks plugins;
    private final CaseSteps steps;
    private final Clock clock;

    @Activate
    public HibernateHotlineCallbacks(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants,
                                     @Reference PluginHooks plugins) {
        this(runtime.database(), tenants, plugins, HibernateCaseService.DATABASE_CLOCK);
    }

    HibernateHotlineCallbacks(Database db, TenantDirectory tenants, PluginHooks plugins, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.plugins = plugins;
        this.steps = new CaseSteps(plugins);
        this.clock = clock;
    }

    @Override
    public Page<CallbackTask> list(String tenantId, CallbackState state, int offset, int limit) {
        TenantDefinition tenant = tenants.require(tenantId);
        if (state == CallbackState.EVALUATED) {
            throw new ValidationException("state", "须为 due 或 unreachable (must be due or unreachable)");
        }
        CallbackState wanted = state == null ? CallbackState.DUE : state;
        int max = tenant.hotline().callbackAttempts();
        String where = " from case_record c where c.tenant_id = ? and c.channel = 'hotline' and c.status = 'CLOSED' and "
                + FAILED + (wanted == CallbackState.DUE ? " < ?" : " >= ?");
        return db.inTenant(tenantId, s -> s.doReturningWork(connection -> {
            long total;
            try (PreparedStatement ps = connection.prepareStatement("select count(*)" + where)) {
                ps.setString(1, tenantId);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<CallbackTask> items = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("select c.id, c.case_number, c.idempotency_key, "
                    + "c.channel, c.title, c.reporter_name, c.reporter_phone, c.closed_at, c.lead_department, "
                    + FAILED + " as failed, " + LAST + " as last_at" + where
                    + " order by c.closed_at, c.id offset ? limit ?")) {
                ps.setString(1, tenantId);
                ps.setInt(2, max);
                ps.setInt(3, offset);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new CallbackTask(rs.getObject("id", UUID.class), rs.getString("case_number"),
                                ticket(rs.getString("idempotency_key"), rs.getString("channel")), rs.getString("title"),
                                rs.getString("reporter_name"), rs.getString("reporter_phone"),
                                instant(rs.getTimestamp("closed_at")), rs.getString("lead_department"),
                                rs.getInt("failed"), instant(rs.getTimestamp("last_at")), max, wanted));
                    }
                }
            }
            return new Page<>(items, total, offset, limit);
        }));
    }

    @Override
    public CallbackResult record(String tenantId, UUID caseId, CallbackAttempt attempt, String actor) {
        TenantDefinition tenant = tenants.require(tenantId);
        HotlineCallback rule = new HotlineCallback(tenant.hotline().callbackAttempts());
        Set<String> models = tenants.enabledModels(tenantId);
        CaseSteps.Effects effects = new CaseSteps.Effects();
        Instant now = clock.instant();
        CallbackResult result;
        try {
            result = db.inTenant(tenantId, s -> {
                CaseEntity c = CaseSteps.load(s, caseId);
                s.lock(c, LockModeType.PESSIMISTIC_WRITE); // one attempt at a time per case: the count stays true
                CaseRecord before = CaseRows.record(c);
                int failedSoFar = before.state().closedAt() == null ? 0 : failed(s, tenantId, caseId, before.state().closedAt());
                HotlineCallback.Decision d = rule.decide(before, failedSoFar, attempt, actor);
                steps.apply(s, tenant, c, d.step(), now, models, effects);
                int seq = CaseSteps.lastJournalSeq(s, caseId); // the entry the step just wrote
                insert(s, tenantId, caseId, now, d.step().actor(), attempt.reached(), attempt.satisfaction(), seq);
                return new CallbackResult(caseId, c.number, attempt.reached(), attempt.satisfaction(), d.failedAttempts(),
                        rule.maxAttempts(), d.state());
            });
        } catch (OptimisticLockException | StaleStateException | ConstraintViolationException e) {
            throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile)");
        }
        effects.events.forEach(e -> plugins.publish(models, e));
        LOG.info("Callback of case {} of {} recorded by {}: {} ({} failed of {})", result.caseNumber(), tenantId, actor,
                result.state().wireName(), result.failedAttempts(), result.maxAttempts());
        return result;
    }

    private static int failed(Session s, String tenantId, UUID caseId, Instant closedAt) {
        return s.createNativeQuery("select count(*) from hotline_callback where tenant_id = :t and case_id = :c "
                        + "and not reached and attempted_at >= :closed", Long.class)
                .setParameter("t", tenantId).setParameter("c", caseId).setParameter("closed", closedAt)
                .getSingleResult().intValue();
    }

    private static void insert(Session s, String tenantId, UUID caseId, Instant at, String actor, boolean reached,
                               Integer satisfaction, int seq) {
        OutboxRows.update(s, "insert into hotline_callback (tenant_id, case_id, attempted_at, actor, reached, satisfaction, "
                + "journal_seq) values (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, tenantId);
                    ps.setObject(2, caseId);
                    ps.setTimestamp(3, Timestamp.from(at));
                    ps.setString(4, OutboxRows.clip(actor, 200));
                    ps.setBoolean(5, reached);
                    ps.setObject(6, satisfaction == null ? null : satisfaction.shortValue(), java.sql.Types.SMALLINT);
                    ps.setInt(7, seq);
                });
    }

    private static String ticket(String key, String channel) {
        if (key == null || !key.startsWith(org.gongzhi.core.service.hotline.HotlineIntake.KEY_PREFIX)) {
            return null;
        }
        return "hotline".equals(channel) ? key.substring(org.gongzhi.core.service.hotline.HotlineIntake.KEY_PREFIX.length())
                : null;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
