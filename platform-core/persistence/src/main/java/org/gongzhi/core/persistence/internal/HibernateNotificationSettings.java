package org.gongzhi.core.persistence.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.notify.NotificationPreferences;
import org.gongzhi.core.service.notify.NotificationSettings;
import org.gongzhi.core.service.notify.NotificationTemplate;
import org.gongzhi.core.service.notify.ShippedTemplate;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Preferences (table {@code notification_preference}) and template overrides ({@code notification_template}). */
@Component(service = NotificationSettings.class)
public final class HibernateNotificationSettings implements NotificationSettings {

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateNotificationSettings(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernateNotificationSettings(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public NotificationPreferences preferences(String tenantId, String username) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> NoticeRows.preferences(s, tenantId, List.of(username)))
                .getOrDefault(username, NotificationPreferences.defaults());
    }

    @Override
    public NotificationPreferences setPreferences(String tenantId, String username, NotificationPreferences p) {
        tenants.require(tenantId);
        db.inTenant(tenantId, s -> OutboxRows.update(s, "insert into notification_preference (tenant_id, username, "
                + "channels, quiet_start, quiet_end, updated_at) values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, username) "
                + "do update set channels = excluded.channels, quiet_start = excluded.quiet_start, "
                + "quiet_end = excluded.quiet_end, updated_at = excluded.updated_at", ps -> {
                    ps.setString(1, tenantId);
                    ps.setString(2, username);
                    ps.setString(3, NoticeRows.channels(p));
                    ps.setObject(4, p.quietStart());
                    ps.setObject(5, p.quietEnd());
                    ps.setTimestamp(6, Timestamp.from(clock.instant()));
                }));
        return preferences(tenantId, username);
    }

    @Override
    public Map<String, ShippedTemplate> shippedTemplates() {
        return NoticeTemplates.shippedWithVariables();
    }

    @Override
    public Map<String, NotificationTemplate> templates(String tenantId) {
        tenants.require(tenantId);
        Map<String, NotificationTemplate> out = new TreeMap<>(NoticeTemplates.shipped());
        db.inTenant(tenantId, s -> NotificationRows.query(s, "select event, subject, body from notification_template "
                + "where tenant_id = ?", ps -> ps.setString(1, tenantId),
                rs -> out.put(rs.getString(1), new NotificationTemplate(rs.getString(2), rs.getString(3), true))));
        return out;
    }

    @Override
    public NotificationTemplate setTemplate(String tenantId, String event, NotificationTemplate t, String actor) {
        tenants.require(tenantId);
        if (event == null || event.length() > NoticeTemplates.MAX_EVENT || !NoticeTemplates.EVENT.matcher(event).matches()) {
            throw new ValidationException("event", "事件键格式有误 (event: dotted lower-case words, at most "
                    + NoticeTemplates.MAX_EVENT + " characters)");
        }
        if (t == null || t.subject() == null || t.subject().isBlank() || t.subject().length() > NoticeTemplates.MAX_SUBJECT) {
            throw new ValidationException("subject", "标题不能为空且不超过 200 字 (subject: 1-200 characters)");
        }
        if (t.text() == null || t.text().isBlank() || t.text().length() > NoticeTemplates.MAX_TEXT) {
            throw new ValidationException("text", "正文不能为空且不超过 2000 字 (text: 1-2000 characters)");
        }
        db.inTenant(tenantId, s -> OutboxRows.update(s, "insert into notification_template (tenant_id, event, subject, "
                + "body, updated_at, updated_by) values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, event) do update set "
                + "subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at, "
                + "updated_by = excluded.updated_by", ps -> {
                    ps.setString(1, tenantId);
                    ps.setString(2, event);
                    ps.setString(3, t.subject().strip());
                    ps.setString(4, t.text().strip());
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    ps.setString(6, OutboxRows.clip(actor, 64));
                }));
        return new NotificationTemplate(t.subject().strip(), t.text().strip(), true);
    }

    @Override
    public boolean resetTemplate(String tenantId, String event) {
        tenants.require(tenantId);
        return db.inTenant(tenantId, s -> OutboxRows.update(s, "delete from notification_template where tenant_id = ? "
                + "and event = ?", ps -> {
                    ps.setString(1, tenantId);
                    ps.setString(2, event);
                })) == 1;
    }
}
