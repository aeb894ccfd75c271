package org.gongzhi.core.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.notify.InboxItem;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationState;
import org.hibernate.Session;

/** SQL of the {@code notification_outbox} table (V18): plain JDBC on the session's connection, as {@link OutboxRows}. */
final class NotificationRows {

    static final String COLUMNS = "notification_id, tenant_id, case_id, case_number, event, source_key, destination, "
            + "channel, subject, body, state, attempts, created_at, next_attempt_at, delivered_at, read_at, last_error";

    private NotificationRows() {
    }

    static List<Notification> query(Session s, String sql, OutboxRows.Binder binder) {
        return query(s, sql, binder, NotificationRows::row);
    }

    static <T> List<T> query(Session s, String sql, OutboxRows.Binder binder, OutboxRows.Mapper<T> mapper) {
        return OutboxRows.query(s, sql, binder, mapper);
    }

    static Notification row(ResultSet rs) throws SQLException {
        return new Notification(rs.getObject("notification_id", UUID.class), rs.getString("tenant_id"),
                rs.getObject("case_id", UUID.class), rs.getString("case_number"), rs.getString("event"),
                rs.getString("source_key"), rs.getString("destination"),
                NotificationChannel.valueOf(rs.getString("channel")), rs.getString("subject"), rs.getString("body"),
                NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), instant(rs, "read_at"),
                rs.getString("last_error"));
    }

    static InboxItem item(ResultSet rs) throws SQLException {
        return new InboxItem(rs.getObject("notification_id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("case_number"), rs.getString("event"), rs.getString("subject"), rs.getString("body"),
                instant(rs, "created_at"), instant(rs, "read_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
