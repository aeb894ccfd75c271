package org.gongzhi.core.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationOutbox;
import org.gongzhi.core.service.notify.NotificationState;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notification outbox on PostgreSQL (V18); the claim is the dispatch outbox's (ADR 0010, 0029). */
@Component(service = NotificationOutbox.class)
public final class HibernateNotificationOutbox implements NotificationOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateNotificationOutbox.class);
    private static final String ROOT = RootTenantResolver.NO_TENANT;
    private static final String RETURNING = " returning " + NotificationRows.COLUMNS;
    private static final String SETTLE = ", claimed_by = null, claimed_until = null where notification_id = ? "
            + "and claimed_by = ? and state = 'PENDING'";

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateNotificationOutbox(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernateNotificationOutbox(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public int enqueue(Notice notice) {
        var district = tenants.require(notice.tenantId());
        return db.inTenant(notice.tenantId(), s -> NoticeRows.enqueue(s, notice, clock.instant(), district));
    }

    @Override
    public List<Notification> claimDue(String node, int max, Duration lease) {
        Instant now = clock.instant();
        return db.inTenant(ROOT, s -> NotificationRows.query(s, "update notification_outbox set claimed_by = ?, "
                + "claimed_until = ? where notification_id in (select notification_id from notification_outbox "
                + "where state = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) "
                + "order by next_attempt_at limit ? for update skip locked)" + RETURNING, ps -> {
                    ps.setString(1, node);
                    ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setInt(5, max);
                }));
    }

    @Override
    public boolean delivered(UUID id, String node, String receipt) {
        return settle(id, node, "state = 'DELIVERED', delivered_at = ?, receipt = ?, last_error = null, "
                + "attempts = attempts + 1", ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setString(2, OutboxRows.clip(receipt, 200));
                    return 3;
                });
    }

    @Override
    public boolean failed(UUID id, String node, String error, Instant nextAttemptAt) {
        return settle(id, node, "attempts = attempts + 1, next_attempt_at = ?, last_error = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(nextAttemptAt));
            ps.setString(2, OutboxRows.clip(error, 1000));
            return 3;
        });
    }

    @Override
    public boolean dead(UUID id, String node, String error) {
        return settle(id, node, "state = 'DEAD', attempts = attempts + 1, last_error = ?", ps -> {
            ps.setString(1, OutboxRows.clip(error, 1000));
            return 2;
        });
    }

    @Override
    public boolean unrouted(UUID id, String node, String reason) {
        return settle(id, node, "state = 'UNROUTED', last_error = ?", ps -> {
            ps.setString(1, OutboxRows.clip(reason, 1000));
            return 2;
        });
    }

    @FunctionalInterface
    private interface SetBinder {
        /** Binds the SET parameters; returns the index of the next parameter. */
        int bind(PreparedStatement ps) throws SQLException;
    }

    private boolean settle(UUID id, String node, String set, SetBinder binder) {
        int n = db.inTenant(ROOT, s -> OutboxRows.update(s, "update notification_outbox set " + set + SETTLE, ps -> {
            int i = binder.bind(ps);
            ps.setObject(i, id);
            ps.setString(i + 1, node);
        }));
        if (n == 0) {
            LOG.warn("Notification {} is no longer claimed by {}: its outcome was not recorded", id, node);
        }
        return n == 1;
    }

    @Override
    public int release(String node) {
        return db.inTenant(ROOT, s -> OutboxRows.update(s, "update notification_outbox set claimed_by = null, "
                + "claimed_until = null where claimed_by = ?", ps -> ps.setString(1, node)));
    }

    @Override
    public Page<Notification> list(String tenantId, NotificationState state, NotificationChannel channel, int offset,
                                   int limit) {
        tenants.require(tenantId);
        String where = " from notification_outbox where tenant_id = ?" + (state == null ? "" : " and state = ?")
                + (channel == null ? "" : " and channel = ?");
        OutboxRows.Binder bind = ps -> {
            int i = 1;
            ps.setString(i++, tenantId);
            if (state != null) {
                ps.setString(i++, state.name());
            }
            if (channel != null) {
                ps.setString(i, channel.name());
            }
        };
        return db.inTenant(tenantId, s -> {
            long total = OutboxRows.count(s, "select count(*)" + where, bind);
            List<Notification> items = NotificationRows.query(s, "select " + NotificationRows.COLUMNS + where
                    + " order by created_at desc, notification_id offset " + Math.max(0, offset) + " limit "
                    + Math.max(0, limit), bind);
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public Map<NotificationState, Map<NotificationChannel, Long>> counts(String tenantId) {
        tenants.require(tenantId);
        Map<NotificationState, Map<NotificationChannel, Long>> out = new EnumMap<>(NotificationState.class);
        db.inTenant(tenantId, s -> NotificationRows.query(s, "select state, channel, count(*) from notification_outbox "
                + "where tenant_id = ? group by state, channel", ps -> ps.setString(1, tenantId),
                rs -> out.computeIfAbsent(NotificationState.valueOf(rs.getString(1)),
                        k -> new EnumMap<>(NotificationChannel.class))
                        .put(NotificationChannel.valueOf(rs.getString(2)), rs.getLong(3))));
        return out;
    }

    @Override
    public Notification get(String tenantId, UUID id) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> NotificationRows.query(s, "select " + NotificationRows.COLUMNS
                + " from notification_outbox where tenant_id = ? and notification_id = ?", ps -> {
                    ps.setString(1, tenantId);
                    ps.setObject(2, id);
                })).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("通知不存在 (no such notification): " + id));
    }

    @Override
    public Notification replay(String tenantId, UUID id, String actor) {
        Notification current = get(tenantId, id);
        Instant now = clock.instant();
        Optional<Notification> replayed = db.inTenant(tenantId, s -> NotificationRows.query(s, "update notification_outbox "
                + "set state = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = null, claimed_until = null "
                + "where tenant_id = ? and notification_id = ? and state in ('DEAD', 'UNROUTED')" + RETURNING, ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, tenantId);
                    ps.setObject(3, id);
                })).stream().findFirst();
        if (replayed.isEmpty()) {
            throw new ConflictException("state", "只能重发发送失败或无法投递的通知，此通知状态为 " + current.state().wireName()
                    + " (only dead or unrouted notifications can be replayed; this one is "
                    + current.state().wireName() + ")");
        }
        LOG.info("Notification {} of {} ({}) replayed by {} (was {})", id, tenantId, current.channel().wireName(), actor,
                current.state().wireName());
        return replayed.get();
    }
}
