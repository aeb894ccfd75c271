package org.gongzhi.core.persistence.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.notify.InboxItem;
import org.gongzhi.core.service.notify.NotificationInbox;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The in-app inbox: the {@code INBOX} rows of {@code notification_outbox} addressed to a username. */
@Component(service = NotificationInbox.class)
public final class HibernateNotificationInbox implements NotificationInbox {

    private static final String ITEM = "notification_id, case_id, case_number, event, subject, body, created_at, read_at";
    private static final String MINE = " from notification_outbox where tenant_id = ? and destination = ? "
            + "and channel = 'INBOX'";

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateNotificationInbox(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernateNotificationInbox(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public Page<InboxItem> list(String tenantId, String username, boolean unreadOnly, int offset, int limit) {
        tenants.require(tenantId);
        String where = MINE + (unreadOnly ? " and read_at is null" : "");
        OutboxRows.Binder bind = ps -> {
            ps.setString(1, tenantId);
            ps.setString(2, username);
        };
        return db.inTenant(tenantId, s -> {
            long total = OutboxRows.count(s, "select count(*)" + where, bind);
            List<InboxItem> items = NotificationRows.query(s, "select " + ITEM + where + " order by created_at desc, "
                    + "notification_id offset " + Math.max(0, offset) + " limit " + Math.max(0, limit), bind,
                    NotificationRows::item);
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public long unreadCount(String tenantId, String username) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> OutboxRows.count(s, "select count(*)" + MINE + " and read_at is null", ps -> {
            ps.setString(1, tenantId);
            ps.setString(2, username);
        }));
    }

    @Override
    public InboxItem markRead(String tenantId, String username, UUID id) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> {
            OutboxRows.update(s, "update notification_outbox set read_at = ?" + MINE.replace(" from notification_outbox", "")
                    + " and notification_id = ? and read_at is null", ps -> {
                        ps.setTimestamp(1, Timestamp.from(clock.instant()));
                        ps.setString(2, tenantId);
                        ps.setString(3, username);
                        ps.setObject(4, id);
                    });
            return NotificationRows.query(s, "select " + ITEM + MINE + " and notification_id = ?", ps -> {
                ps.setString(1, tenantId);
                ps.setString(2, username);
                ps.setObject(3, id);
            }, NotificationRows::item).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("通知不存在 (no such notification): " + id));
        });
    }

    @Override
    public int markAllRead(String tenantId, String username) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> OutboxRows.update(s, "update notification_outbox set read_at = ?"
                + MINE.replace(" from notification_outbox", "") + " and read_at is null", ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setString(2, tenantId);
                    ps.setString(3, username);
                }));
    }
}
