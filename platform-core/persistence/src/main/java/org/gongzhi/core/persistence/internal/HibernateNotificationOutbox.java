package org.gongzhi.core.persistence.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
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

/** The notification outbox on PostgreSQL (V18); the lease protocol is {@link LeasedOutbox} (ADR 0010, 0029). */
@Component(service = NotificationOutbox.class)
public final class HibernateNotificationOutbox extends LeasedOutbox<Notification> implements NotificationOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateNotificationOutbox.class);

    @Activate
    public HibernateNotificationOutbox(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernateNotificationOutbox(Database db, TenantDirectory tenants, Clock clock) {
        super(db, clock, tenants, "notification_outbox", "notification_id", NotificationRows.COLUMNS,
                NotificationRows::row, "Notification");
    }

    @Override
    public int enqueue(Notice notice) {
        var district = tenants.require(notice.tenantId());
        return db.inTenant(notice.tenantId(), s -> NoticeRows.enqueue(s, notice, clock.instant(), district));
    }

    @Override
    public List<Notification> claimDue(String node, int max, Duration lease, Collection<String> resting) {
        if (resting.isEmpty()) {
            return claimDue(node, max, lease);
        }
        // the key of NotificationOutbox.destinationKey, in SQL
        return claimDue(node, max, lease, " and (tenant_id || chr(10) || channel || chr(10) || destination) <> all (?)",
                resting.toArray(String[]::new));
    }

    @Override
    public List<Notification> claimDue(String node, int max, Duration lease, Map<String, Instant> restingUntil) {
        if (!restingUntil.isEmpty()) {
            int moved = postponeResting(restingUntil);
            if (moved > 0) {
                LOG.debug("{} due notifications moved to the end of their destination's pace", moved);
            }
        }
        return claimDue(node, max, lease, restingUntil.keySet());
    }

    /**
     * Moves the due, unleased notifications of each resting destination to the time it is free: one statement,
     * skipping rows another node is claiming right now. Its cost follows the rows it moves (each once per pace).
     */
    private int postponeResting(Map<String, Instant> restingUntil) {
        int n = restingUntil.size();
        String[] tenant = new String[n];
        String[] channel = new String[n];
        String[] destination = new String[n];
        String[] freeAt = new String[n];
        int i = 0;
        for (Map.Entry<String, Instant> e : restingUntil.entrySet()) {
            String[] parts = e.getKey().split("\n", 3);
            if (parts.length < 3) {
                throw new IllegalArgumentException("not a destination key: " + parts[0]);
            }
            tenant[i] = parts[0];
            channel[i] = parts[1];
            destination[i] = parts[2];
            freeAt[i++] = e.getValue().toString();
        }
        Instant now = clock.instant();
        return db.inTenant(RootTenantResolver.NO_TENANT, s -> OutboxRows.update(s, "update notification_outbox o "
                + "set next_attempt_at = r.free_at from (select n.notification_id, d.free_at from notification_outbox n "
                + "join unnest(?, ?, ?, cast(? as timestamptz[])) as d(tenant_id, channel, destination, free_at) on n.tenant_id = d.tenant_id "
                + "and n.destination = d.destination and n.channel = d.channel where n.state = 'PENDING' "
                + "and n.next_attempt_at <= ? and n.next_attempt_at < d.free_at and "
                + UNLEASED.replace("claimed_until", "n.claimed_until")
                + " for update of n skip locked) r where o.notification_id = r.notification_id", ps -> {
                    java.sql.Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("varchar", tenant));
                    ps.setArray(2, c.createArrayOf("varchar", channel));
                    ps.setArray(3, c.createArrayOf("varchar", destination));
                    ps.setArray(4, c.createArrayOf("text", freeAt));
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setTimestamp(6, Timestamp.from(now));
                }));
    }

    @Override
    public List<Notification> claimFellows(Notification first, String node, Instant dueBy, int max, Duration lease) {
        if (max <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        return db.inTenant(first.tenantId(), s -> NotificationRows.query(s, "update notification_outbox "
                + "set claimed_by = ?, claimed_until = ? where notification_id in (select notification_id "
                + "from notification_outbox where tenant_id = ? and destination = ? and channel = ? and state = 'PENDING' "
                + "and next_attempt_at <= ? and notification_id <> ? and " + UNLEASED
                + " order by next_attempt_at limit ? for update skip locked) returning " + NotificationRows.COLUMNS, ps -> {
                    ps.setString(1, node);
                    ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
                    ps.setString(3, first.tenantId());
                    ps.setString(4, first.destination());
                    ps.setString(5, first.channel().name());
                    ps.setTimestamp(6, Timestamp.from(dueBy));
                    ps.setObject(7, first.id());
                    ps.setTimestamp(8, Timestamp.from(now));
                    ps.setInt(9, max);
                }, NotificationRows::row));
    }

    @Override
    public Page<Notification> list(String tenantId, NotificationState state, NotificationChannel channel, int offset,
                                   int limit) {
        return page(tenantId, state, channel, offset, limit);
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
        return row(tenantId, id, "通知不存在 (no such notification): ");
    }

    @Override
    public Notification replay(String tenantId, UUID id, String actor) {
        Notification current = get(tenantId, id);
        Optional<Notification> replayed = reopen(tenantId, id, clock.instant());
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
