package org.gongzhi.core.persistence.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationPreferences;
import org.gongzhi.core.service.notify.NotificationTemplate;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes notices to the notification outbox (V18) on the session's connection, in the caller's
 * transaction: resolves the recipients through the district's definition ({@link NoticeRecipients}),
 * picks each person's channels by their preferences, renders the district's template
 * ({@link NoticeTemplates}) and holds SMS and e-mail until the end of quiet hours ({@link QuietHours}).
 * Inbox rows are written as delivered. {@code insert … on conflict do nothing} on
 * (tenant, source key, destination, channel) makes a cause land once however often it is asked.
 */
final class NoticeRows {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeRows.class);
    private NoticeRows() {
    }

    /**
     * Enqueues one notice of {@code district} (its people and departments resolve the recipients): a
     * row per resolved person (or group) and channel, at most once per {@link Notice#sourceKey()},
     * destination and channel, in the session's transaction.
     *
     * @return how many notifications were written
     */
    static int enqueue(Session s, Notice notice, Instant now, TenantDefinition district) {
        return enqueueAll(s, List.of(notice), now, district);
    }

    /**
     * {@link #enqueue} of many notices of one district at once (the supervision sweep's batch): each
     * template and the preferences of all their recipients read once, every row in one JDBC batch.
     *
     * @return how many notifications were written
     */
    static int enqueueAll(Session s, List<Notice> notices, Instant now, TenantDefinition district) {
        List<Map.Entry<Notice, List<NoticeRecipients.Destination>>> resolved = new ArrayList<>();
        Set<String> people = new LinkedHashSet<>();
        Map<UUID, String> grids = caseGrids(s, notices);
        for (Notice notice : notices) {
            List<NoticeRecipients.Destination> destinations = NoticeRecipients.resolve(district, notice.recipients(),
                    notice.caseId() == null ? null : grids.get(notice.caseId()));
            if (destinations.isEmpty()) {
                LOG.info("Notice {} ({}) of {} reaches nobody", notice.sourceKey(), notice.event(), notice.tenantId());
                continue;
            }
            resolved.add(Map.entry(notice, destinations));
            destinations.stream().filter(d -> !d.group()).forEach(d -> people.add(d.name()));
        }
        if (resolved.isEmpty()) {
            return 0;
        }
        String tenantId = district.id();
        Map<String, NotificationPreferences> prefs = preferences(s, tenantId, List.copyOf(people));
        Map<String, NotificationTemplate> templates = new HashMap<>();
        resolved.forEach(e -> templates.computeIfAbsent(e.getKey().event(), event -> template(s, tenantId, event)));
        int written = s.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into notification_outbox (notification_id, tenant_id, "
                    + "case_id, case_number, event, source_key, destination, channel, subject, body, state, attempts, "
                    + "created_at, next_attempt_at, delivered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "on conflict (tenant_id, source_key, destination, channel) do nothing")) {
                for (Map.Entry<Notice, List<NoticeRecipients.Destination>> e : resolved) {
                    Notice notice = e.getKey();
                    NoticeTemplates.Rendered text = NoticeTemplates.render(templates.get(notice.event()), notice,
                            district.name());
                    for (NoticeRecipients.Destination d : e.getValue()) {
                        NotificationPreferences p = prefs.getOrDefault(d.name(), NotificationPreferences.defaults());
                        for (NotificationChannel channel : NoticeRecipients.channels(d, p)) {
                            addRow(ps, notice, d, channel, p, text, now, district);
                        }
                    }
                }
                int n = 0;
                for (int count : ps.executeBatch()) {
                    n += Math.max(0, count);
                }
                return n;
            }
        });
        LOG.debug("{} notices of {}: {} notifications written", resolved.size(), tenantId, written);
        return written;
    }

    private static void addRow(PreparedStatement ps, Notice notice, NoticeRecipients.Destination d,
                               NotificationChannel channel, NotificationPreferences p, NoticeTemplates.Rendered text,
                               Instant now, TenantDefinition district) throws java.sql.SQLException {
        boolean inbox = channel == NotificationChannel.INBOX;
        ps.setObject(1, UUID.randomUUID());
        ps.setString(2, notice.tenantId());
        ps.setObject(3, notice.caseId());
        ps.setString(4, notice.caseNumber());
        ps.setString(5, OutboxRows.clip(notice.event(), NoticeTemplates.MAX_EVENT));
        ps.setString(6, OutboxRows.clip(notice.sourceKey(), 200));
        ps.setString(7, d.name());
        ps.setString(8, channel.name());
        ps.setString(9, text.subject());
        ps.setString(10, text.text());
        ps.setString(11, inbox ? "DELIVERED" : "PENDING");
        ps.setInt(12, inbox ? 1 : 0);
        ps.setTimestamp(13, NotificationRows.ts(now));
        ps.setTimestamp(14, NotificationRows.ts(QuietHours.dueAt(p, channel, district.timeZone(), now)));
        ps.setTimestamp(15, inbox ? NotificationRows.ts(now) : null);
        ps.addBatch();
    }

    /** The grid of each case that a role notice is about (a role's people may be limited to an area); one query. */
    private static Map<UUID, String> caseGrids(Session s, List<Notice> notices) {
        List<UUID> ids = notices.stream().filter(n -> n.caseId() != null && n.recipients().stream()
                .anyMatch(r -> r.kind() == NoticeRecipient.Kind.ROLE)).map(Notice::caseId).distinct().toList();
        Map<UUID, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        s.doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, grid_code from case_record where id = any (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
        });
        return out;
    }

    /** The district's template of {@code event}: its override, else the shipped one, else the default. */
    static NotificationTemplate template(Session s, String tenantId, String event) {
        Optional<NotificationTemplate> own = NotificationRows.query(s, "select subject, body from notification_template "
                + "where tenant_id = ? and event = ?", ps -> {
                    ps.setString(1, tenantId);
                    ps.setString(2, event);
                }, rs -> new NotificationTemplate(rs.getString(1), rs.getString(2), true)).stream().findFirst();
        return own.orElseGet(() -> NoticeTemplates.shipped(event));
    }

    /** The stored preferences of these people (absent: the defaults). */
    static Map<String, NotificationPreferences> preferences(Session s, String tenantId, List<String> usernames) {
        Map<String, NotificationPreferences> out = new HashMap<>();
        if (usernames.isEmpty()) {
            return out;
        }
        s.doWork(c -> {
            Array names = c.createArrayOf("varchar", usernames.toArray());
            try (PreparedStatement ps = c.prepareStatement("select username, channels, quiet_start, quiet_end "
                    + "from notification_preference where tenant_id = ? and username = any (?)")) {
                ps.setString(1, tenantId);
                ps.setArray(2, names);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), preferences(rs));
                    }
                }
            }
        });
        return out;
    }

    static NotificationPreferences preferences(ResultSet rs) throws java.sql.SQLException {
        EnumSet<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        for (String c : rs.getString("channels").split(",")) {
            NotificationChannel.fromWire(c).filter(x -> x != NotificationChannel.WECOM).ifPresent(channels::add);
        }
        return new NotificationPreferences(channels, rs.getObject("quiet_start", LocalTime.class),
                rs.getObject("quiet_end", LocalTime.class));
    }

    static String channels(NotificationPreferences p) {
        return String.join(",", p.channels().stream().sorted().map(NotificationChannel::name).toList());
    }
}
