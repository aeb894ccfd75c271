package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.events.CaseEvent;

/**
 * Reads case events out of the journal (V13): only rows whose transaction is below the current
 * snapshot's xmin, which no later commit can precede. Plain SQL over all districts (the feed
 * serves every district at once); callers filter by district.
 */
final class JournalEvents {

    /** Rows that are final: every transaction with a smaller id has ended. */
    private static final String FINAL = "j.txid < pg_snapshot_xmin(pg_current_snapshot())";
    private static final String COLUMNS = """
            select j.txid::text, j.id, j.tenant_id, j.case_id, c.case_number, j.action, j.from_status,
                   j.to_status, c.category_code, c.family, c.grid_code, c.lead_department, c.channel, j.occurred_at
              from case_journal j join case_record c on c.tenant_id = j.tenant_id and c.id = j.case_id
            """;

    private JournalEvents() {
    }

    /** The cursor of the newest final event, {@link EventCursor#START} when there is none. */
    static EventCursor head(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select j.txid::text, j.id from case_journal j where " + FINAL + " order by j.txid desc, j.id desc limit 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? new EventCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)) : EventCursor.START;
        }
    }

    /** Up to {@code limit} final events after {@code after}, of every district, in cursor order. */
    static List<CaseEvent> after(Connection c, EventCursor after, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(COLUMNS + " where (j.txid, j.id) > (?::xid8, ?) and " + FINAL
                + " order by j.txid, j.id limit ?")) {
            st.setString(1, Long.toString(after.txid()));
            st.setLong(2, after.id());
            st.setInt(3, limit);
            return read(st);
        }
    }

    /**
     * Up to {@code limit} events in {@code (after, upTo]}, in cursor order: of one district, or of
     * every district when {@code tenant} is {@code null}.
     */
    static List<CaseEvent> between(Connection c, String tenant, EventCursor after, EventCursor upTo, int limit)
            throws SQLException {
        String range = "(j.txid, j.id) > (?::xid8, ?) and (j.txid, j.id) <= (?::xid8, ?)";
        String sql = tenant == null
                ? COLUMNS + " where " + range + " order by j.txid, j.id limit ?"
                : COLUMNS + " where j.tenant_id = ? and " + range + " order by j.tenant_id, j.txid, j.id limit ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (tenant != null) {
                st.setString(i++, tenant);
            }
            st.setString(i++, Long.toString(after.txid()));
            st.setLong(i++, after.id());
            st.setString(i++, Long.toString(upTo.txid()));
            st.setLong(i++, upTo.id());
            st.setInt(i, limit);
            return read(st);
        }
    }

    /** The newest {@code limit} final events of one district, oldest first. */
    static List<CaseEvent> recent(Connection c, String tenant, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(COLUMNS + " where j.tenant_id = ? and " + FINAL
                + " order by j.tenant_id desc, j.txid desc, j.id desc limit ?")) {
            st.setString(1, tenant);
            st.setInt(2, limit);
            List<CaseEvent> newestFirst = read(st);
            Collections.reverse(newestFirst);
            return newestFirst;
        }
    }

    private static List<CaseEvent> read(PreparedStatement st) throws SQLException {
        List<CaseEvent> events = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                events.add(event(rs));
            }
        }
        return events;
    }

    private static CaseEvent event(ResultSet rs) throws SQLException {
        EventCursor cursor = new EventCursor(Long.parseLong(rs.getString(1)), rs.getLong(2));
        String action = rs.getString(6);
        String from = rs.getString(7);
        Timestamp at = rs.getTimestamp(14);
        return new CaseEvent(cursor.toString(), rs.getString(3), rs.getObject(4, java.util.UUID.class), rs.getString(5),
                action == null ? CaseEvent.REPORT : CaseAction.valueOf(action).wireName(),
                from == null ? null : CaseStatus.valueOf(from), CaseStatus.valueOf(rs.getString(8)), rs.getString(9),
                CategoryFamily.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
                Channel.fromWireName(rs.getString(13)).orElse(null), at.toInstant());
    }
}
