package org.gongzhi.core.persistence.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;

import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.casework.workflow.CaseIntake;
import org.gongzhi.core.casework.workflow.ProgressStatus;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.WrongDepartmentException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.gongzhi.core.service.dispatch.DepartmentUpdates;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.dispatch.UpdateOutcome;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Department progress on PostgreSQL: the update, the case's steps and the record of the update id
 * commit together, so a repeated update finds its first outcome and changes nothing.
 */
@Component(service = DepartmentUpdates.class)
public final class HibernateDepartmentUpdates implements DepartmentUpdates {

    private final Database db;
    private final TenantDirectory tenants;
    private final PluginHooks plugins;
    private final CaseSteps steps;
    private final Clock clock;

    @Activate
    public HibernateDepartmentUpdates(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants,
                                      @Reference PluginHooks plugins) {
        this(runtime.database(), tenants, plugins, Clock.systemUTC());
    }

    HibernateDepartmentUpdates(Database db, TenantDirectory tenants, PluginHooks plugins, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.plugins = plugins;
        this.steps = new CaseSteps(plugins);
        this.clock = clock;
    }

    @Override
    public UpdateOutcome apply(String tenantId, String department, DepartmentUpdate update) {
        TenantDefinition tenant = tenants.require(tenantId);
        ProgressStatus status = ProgressStatus.check(update);
        CaseIntake.attachments("photos", update.photos());
        Set<String> models = tenants.enabledModels(tenantId);
        Instant now = clock.instant();
        CaseSteps.Effects effects = new CaseSteps.Effects();
        UpdateOutcome outcome;
        try {
            outcome = db.inTenant(tenantId, s -> {
                // one update id at a time: a concurrent copy waits here and then finds this one's record
                s.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))", Object.class)
                        .setParameter("k", tenantId + "\u001f" + update.updateId()).getSingleResult();
                Optional<UpdateOutcome> earlier = earlier(s, tenantId, update, status);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                OutboundDispatch d = dispatch(s, tenantId, department, update);
                CaseEntity c = CaseSteps.load(s, d.caseId());
                requireCurrent(c, d);
                requireInOrder(s, d, update);
                List<String> done = new ArrayList<>();
                for (TransitionCommand cmd : status.steps(c.status, d.lead(), department, update)) {
                    steps.apply(s, tenant, c, cmd, now, models, effects);
                    done.add(cmd.action().wireName());
                }
                UpdateOutcome result = new UpdateOutcome(update.updateId(), d.dispatchId(), c.id, c.number, done,
                        WireNames.of(c.status), false);
                record(s, tenantId, department, update, status, d, result, now);
                return result;
            });
        } catch (OptimisticLockException | StaleStateException e) {
            // if it was this very update (sent twice at once) that changed the case, it is a duplicate
            return db.inTenant(tenantId, s -> earlier(s, tenantId, update, status)).orElseThrow(() ->
                    new ConflictException("案件已被他人修改，请重发此回报 (the case changed meanwhile; send the update again)"));
        } catch (ConstraintViolationException e) {
            // the same update id raced with itself: the other one won
            return db.inTenant(tenantId, s -> earlier(s, tenantId, update, status)).orElseThrow(() -> e);
        }
        effects.events.forEach(e -> plugins.publish(models, e));
        return outcome;
    }

    private static Optional<UpdateOutcome> earlier(Session s, String tenantId, DepartmentUpdate u, ProgressStatus status) {
        List<Object[]> rows = s.createNativeQuery("select dispatch_id, status, outcome from department_update "
                        + "where tenant_id = :t and update_id = :u", Object[].class)
                .setParameter("t", tenantId).setParameter("u", u.updateId()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Map<String, Object> o = JsonText.object((String) row[2]);
        boolean sameDispatch = u.dispatchId() == null || u.dispatchId().equals(row[0]);
        if (!sameDispatch || !status.wireName().equals(row[1])) {
            throw new ConflictException("updateId", "回报编号已用于另一条回报 (updateId " + u.updateId()
                    + " was already used for another update)");
        }
        @SuppressWarnings("unchecked")
        List<String> done = (List<String>) o.get("steps");
        return Optional.of(new UpdateOutcome(u.updateId(), (UUID) row[0], UUID.fromString((String) o.get("caseId")),
                (String) o.get("caseNumber"), done, (String) o.get("caseStatus"), true));
    }

    private static OutboundDispatch dispatch(Session s, String tenantId, String department, DepartmentUpdate u) {
        Optional<OutboundDispatch> found;
        if (u.dispatchId() != null) {
            found = HibernateDispatchOutbox.find(s, tenantId, u.dispatchId());
            if (found.isPresent() && u.caseId() != null && !u.caseId().equals(found.get().caseId())) {
                throw new ValidationException("caseId", "派遣与案件不符 (the dispatch " + u.dispatchId()
                        + " is not of case " + u.caseId() + ")");
            }
        } else {
            found = OutboxRows.query(s, "select " + OutboxRows.COLUMNS + " from dispatch_outbox where tenant_id = ? "
                    + "and case_id = ? and department = ? order by created_at desc limit 1", ps -> {
                        ps.setString(1, tenantId);
                        ps.setObject(2, u.caseId());
                        ps.setString(3, department);
                    }).stream().findFirst();
        }
        OutboundDispatch d = found.orElseThrow(() -> new NotFoundException(u.dispatchId() != null
                ? "派遣记录不存在 (no such dispatch): " + u.dispatchId()
                : "该案件没有派给本部门 (the case was not dispatched to " + department + "): " + u.caseId()));
        if (!d.department().equals(department)) {
            throw new WrongDepartmentException("此派遣属于其他部门，不能由 " + department + " 回报 (the dispatch belongs to "
                    + "another department, not " + department + ")");
        }
        return d;
    }

    private static void requireCurrent(CaseEntity c, OutboundDispatch d) {
        boolean assigned = d.department().equals(c.leadDepartment) || c.coDepartments.contains(d.department());
        boolean latest = c.dispatchedAt != null
                && c.dispatchedAt.truncatedTo(ChronoUnit.MILLIS).equals(d.createdAt().truncatedTo(ChronoUnit.MILLIS));
        if (!assigned || !latest) {
            throw new ConflictException("dispatchId", "该派遣已不是案件的当前派遣（案件已被退回或重新派遣） (the dispatch is "
                    + "no longer current: the case was returned or dispatched again)");
        }
    }

    private static void requireInOrder(Session s, OutboundDispatch d, DepartmentUpdate u) {
        if (u.sequence() == null) {
            return;
        }
        Long last = s.createNativeQuery("select last_sequence from dispatch_outbox where dispatch_id = :d", Long.class)
                .setParameter("d", d.dispatchId()).getSingleResult();
        if (last != null && u.sequence() <= last) {
            throw new ConflictException("sequence", "回报顺序错乱：序号 " + u.sequence() + " 不大于已处理的 " + last
                    + " (out of order: sequence " + u.sequence() + " is not above the last applied " + last + ")");
        }
    }

    private static void record(Session s, String tenantId, String department, DepartmentUpdate u, ProgressStatus status,
                               OutboundDispatch d, UpdateOutcome result, Instant now) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("caseId", result.caseId().toString());
        o.put("caseNumber", result.caseNumber());
        o.put("steps", result.steps());
        o.put("caseStatus", result.caseStatus());
        OutboxRows.update(s, "insert into department_update (tenant_id, update_id, dispatch_id, department, status, outcome, "
                + "received_at) values (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, tenantId);
                    ps.setString(2, u.updateId());
                    ps.setObject(3, d.dispatchId());
                    ps.setString(4, department);
                    ps.setString(5, status.wireName());
                    ps.setString(6, JsonText.write(o));
                    ps.setTimestamp(7, Timestamp.from(now));
                });
        if (u.sequence() != null) {
            OutboxRows.update(s, "update dispatch_outbox set last_sequence = ? where dispatch_id = ?", ps -> {
                ps.setLong(1, u.sequence());
                ps.setObject(2, d.dispatchId());
            });
        }
    }
}
