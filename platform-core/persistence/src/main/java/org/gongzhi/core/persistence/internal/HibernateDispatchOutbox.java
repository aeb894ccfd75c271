package org.gongzhi.core.persistence.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
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

/** The dispatch outbox on PostgreSQL; see {@link OutboxRows} for the SQL. */
@Component(service = DispatchOutbox.class)
public final class HibernateDispatchOutbox implements DispatchOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateDispatchOutbox.class);
    private static final String ROOT = RootTenantResolver.NO_TENANT;
    private static final String RETURNING = " returning " + OutboxRows.COLUMNS;
    private static final String UNLEASED = "(claimed_until is null or claimed_until < ?)";
    private static final String SETTLE = ", claimed_by = null, claimed_until = null where dispatch_id = ? and claimed_by = ? "
            + "and state = 'PENDING'";

    private final Database db;
    private final TenantDirectory tenants;
    private final DispatchSignals signals;
    private final Clock clock;

    @Activate
    public HibernateDispatchOutbox(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants,
                                   @Reference DispatchSignals signals) {
        this(runtime.database(), tenants, signals, Clock.systemUTC());
    }

    HibernateDispatchOutbox(Database db, TenantDirectory tenants, DispatchSignals signals, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public List<OutboundDispatch> claimDue(String node, int max, Duration lease) {
        Instant now = clock.instant();
        return db.inTenant(ROOT, s -> OutboxRows.query(s, "update dispatch_outbox set claimed_by = ?, claimed_until = ? "
                + "where dispatch_id in (select dispatch_id from dispatch_outbox where state = 'PENDING' "
                + "and next_attempt_at <= ? and " + UNLEASED + " order by next_attempt_at limit ? for update skip locked)"
                + RETURNING, ps -> {
                    ps.setString(1, node);
                    ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setInt(5, max);
                }));
    }

    @Override
    public Optional<OutboundDispatch> claim(UUID dispatchId, String node, Duration lease) {
        Instant now = clock.instant();
        return db.inTenant(ROOT, s -> OutboxRows.query(s, "update dispatch_outbox set claimed_by = ?, claimed_until = ? "
                + "where dispatch_id = ? and state = 'PENDING' and " + UNLEASED + RETURNING, ps -> {
                    ps.setString(1, node);
                    ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
                    ps.setObject(3, dispatchId);
                    ps.setTimestamp(4, Timestamp.from(now));
                })).stream().findFirst();
    }

    @Override
    public boolean delivered(UUID dispatchId, String node, String receipt) {
        return settle(dispatchId, node, "state = 'DELIVERED', delivered_at = ?, receipt = ?, last_error = null, "
                + "attempts = attempts + 1", ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setString(2, OutboxRows.clip(receipt, 200));
                    return 3;
                });
    }

    @Override
    public boolean failed(UUID dispatchId, String node, String error, Instant nextAttemptAt) {
        return settle(dispatchId, node, "attempts = attempts + 1, next_attempt_at = ?, last_error = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(nextAttemptAt));
            ps.setString(2, OutboxRows.clip(error, 1000));
            return 3;
        });
    }

    @Override
    public boolean dead(UUID dispatchId, String node, String error) {
        return settle(dispatchId, node, "state = 'DEAD', attempts = attempts + 1, last_error = ?", ps -> {
            ps.setString(1, OutboxRows.clip(error, 1000));
            return 2;
        });
    }

    @Override
    public boolean unrouted(UUID dispatchId, String node, String reason) {
        return settle(dispatchId, node, "state = 'UNROUTED', last_error = ?", ps -> {
            ps.setString(1, OutboxRows.clip(reason, 1000));
            return 2;
        });
    }

    @FunctionalInterface
    private interface SetBinder {
        /** Binds the SET parameters; returns the index of the next parameter. */
        int bind(java.sql.PreparedStatement ps) throws java.sql.SQLException;
    }

    private boolean settle(UUID dispatchId, String node, String set, SetBinder binder) {
        int n = db.inTenant(ROOT, s -> OutboxRows.update(s, "update dispatch_outbox set " + set + SETTLE, ps -> {
            int i = binder.bind(ps);
            ps.setObject(i, dispatchId);
            ps.setString(i + 1, node);
        }));
        if (n == 0) {
            LOG.warn("Dispatch {} is no longer claimed by {}: its outcome was not recorded", dispatchId, node);
        }
        return n == 1;
    }

    @Override
    public int release(String node) {
        return db.inTenant(ROOT, s -> OutboxRows.update(s,
                "update dispatch_outbox set claimed_by = null, claimed_until = null where claimed_by = ?",
                ps -> ps.setString(1, node)));
    }

    @Override
    public Page<OutboundDispatch> list(String tenantId, DispatchState state, int offset, int limit) {
        tenants.require(tenantId);
        String where = " from dispatch_outbox where tenant_id = ?" + (state == null ? "" : " and state = ?");
        OutboxRows.Binder bind = ps -> {
            ps.setString(1, tenantId);
            if (state != null) {
                ps.setString(2, state.name());
            }
        };
        return db.inTenant(tenantId, s -> {
            long total = OutboxRows.count(s, "select count(*)" + where, bind);
            List<OutboundDispatch> items = OutboxRows.query(s, "select " + OutboxRows.COLUMNS + where
                    + " order by created_at desc, dispatch_id offset " + offset + " limit " + limit, bind);
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public OutboundDispatch get(String tenantId, UUID dispatchId) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> find(s, tenantId, dispatchId))
                .orElseThrow(() -> new NotFoundException("派遣记录不存在 (no such dispatch): " + dispatchId));
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
        Instant now = clock.instant();
        Optional<OutboundDispatch> replayed = db.inTenant(tenantId, s -> OutboxRows.query(s, "update dispatch_outbox "
                + "set state = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = null, claimed_until = null "
                + "where tenant_id = ? and dispatch_id = ? and state in ('DEAD', 'UNROUTED')" + RETURNING, ps -> {
                    ps.setTimestamp(1, Timestamp.from(now.plus(OutboxRows.FAST_PATH_GRACE)));
                    ps.setString(2, tenantId);
                    ps.setObject(3, dispatchId);
                })).stream().findFirst();
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
