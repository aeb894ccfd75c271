package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dispatch outbox on PostgreSQL; the lease protocol is {@link LeasedOutbox}, the rows {@link OutboxRows}. */
@Component(service = DispatchOutbox.class)
public final class HibernateDispatchOutbox extends LeasedOutbox<OutboundDispatch> implements DispatchOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateDispatchOutbox.class);

    private final DispatchSignals signals;

    @Activate
    public HibernateDispatchOutbox(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants,
                                   @Reference DispatchSignals signals) {
        this(runtime.database(), tenants, signals, Clock.systemUTC());
    }

    HibernateDispatchOutbox(Database db, TenantDirectory tenants, DispatchSignals signals, Clock clock) {
        super(db, clock, tenants, "dispatch_outbox", "dispatch_id", OutboxRows.COLUMNS, OutboxRows::row, "Dispatch");
        this.signals = signals;
    }

    @Override
    public Page<OutboundDispatch> list(String tenantId, DispatchState state, int offset, int limit) {
        return page(tenantId, state, offset, limit);
    }

    @Override
    public OutboundDispatch get(String tenantId, UUID dispatchId) {
        return row(tenantId, dispatchId, "派遣记录不存在 (no such dispatch): ");
    }

    static Optional<OutboundDispatch> find(org.hibernate.Session s, String tenantId, UUID dispatchId) {
        return OutboxRows.query(s, "select " + OutboxRows.COLUMNS + " from dispatch_outbox where tenant_id = ? "
                + "and dispatch_id = ?", ps -> {
                    ps.setString(1, tenantId);
                    ps.setObject(2, dispatchId);
                }).stream().findFirst();
    }

    @Override
    public OutboundDispatch replay(String tenantId, UUID dispatchId, String actor) {
        OutboundDispatch current = get(tenantId, dispatchId);
        Optional<OutboundDispatch> replayed = reopen(tenantId, dispatchId,
                clock.instant().plus(OutboxRows.FAST_PATH_GRACE));
        if (replayed.isEmpty()) {
            throw new ConflictException("state", "只能重发投递失败或无对接的派遣，此派遣状态为 " + current.state().wireName()
                    + " (only dead or unrouted dispatches can be replayed; this one is " + current.state().wireName() + ")");
        }
        LOG.info("Dispatch {} of {} to {} replayed by {} (was {}: {})", dispatchId, tenantId, current.department(), actor,
                current.state().wireName(), current.lastError());
        signals.announce(tenantId, List.of(dispatchId));
        return replayed.get();
    }

    @Override
    public List<OutboundDispatch> awaitingProgress(String tenantId, String department, int limit) {
        return db.inTenant(tenantId, s -> OutboxRows.query(s, "select " + prefixed("o.") + " from dispatch_outbox o "
                + "join case_record c on c.tenant_id = o.tenant_id and c.id = o.case_id "
                + "where o.tenant_id = ? and o.department = ? and o.state = 'DELIVERED' and c.dispatched_at = o.created_at "
                + "and c.status in ('DISPATCHED', 'HANDLING', 'POSTPONED') order by o.created_at limit ?", ps -> {
                    ps.setString(1, tenantId);
                    ps.setString(2, department);
                    ps.setInt(3, limit);
                }));
    }

    private static String prefixed(String prefix) {
        return prefix + OutboxRows.COLUMNS.replace(", ", ", " + prefix);
    }
}
