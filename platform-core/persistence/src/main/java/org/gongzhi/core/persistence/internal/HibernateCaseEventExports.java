package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.events.CaseEventExports;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link CaseEventExports} over the journal (V13) and table {@code event_export} (V36), in plain SQL
 * across every district. The row of an export is locked while a batch is taken, so two nodes never
 * both hold it; lease times are the database's clock, the same for every node.
 */
@Component(service = CaseEventExports.class)
public final class HibernateCaseEventExports implements CaseEventExports {

    static final int MAX_BATCH = 10_000;
    private static final int MAX_NAME = 64;
    private static final int MAX_NODE = 128;

    private final Database db;

    @Activate
    public HibernateCaseEventExports(@Reference PersistenceRuntime runtime) {
        this(runtime.database());
    }

    HibernateCaseEventExports(Database db) {
        this.db = db;
    }

    @Override
    public Optional<List<CaseEvent>> next(String name, String node, Duration lease, int max) {
        check(name, MAX_NAME, "name");
        check(node, MAX_NODE, "node");
        if (lease == null || lease.toMillis() < 1000) {
            throw new IllegalArgumentException("the lease must be at least a second: " + lease);
        }
        if (max < 1 || max > MAX_BATCH) {
            throw new IllegalArgumentException("max must be 1–" + MAX_BATCH + ": " + max);
        }
        return work(c -> {
            Optional<Row> row = lock(c, name);
            if (row.isEmpty()) {
                create(c, name, JournalEvents.head(c));
                row = lock(c, name);
            }
            Row r = row.orElseThrow();
            if (r.heldByAnother(node)) {
                return Optional.<List<CaseEvent>>empty();
            }
            try (PreparedStatement st = c.prepareStatement("update event_export set holder = ?,"
                    + " held_until = clock_timestamp() + ? * interval '1 millisecond' where name = ?")) {
                st.setString(1, node);
                st.setLong(2, lease.toMillis());
                st.setString(3, name);
                st.executeUpdate();
            }
            return Optional.of(JournalEvents.after(c, r.cursor(), max));
        });
    }

    @Override
    public boolean advance(String name, String node, String eventId) {
        check(name, MAX_NAME, "name");
        check(node, MAX_NODE, "node");
        EventCursor to = EventCursor.parse(eventId)
                .orElseThrow(() -> new IllegalArgumentException("not an event id: " + eventId));
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("update event_export set cursor_txid = ?::xid8, cursor_id = ?,"
                    + " advanced_at = clock_timestamp() where name = ? and holder = ? and held_until > clock_timestamp()")) {
                st.setString(1, Long.toString(to.txid()));
                st.setLong(2, to.id());
                st.setString(3, name);
                st.setString(4, node);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long replayFrom(String name, Instant from) {
        check(name, MAX_NAME, "name");
        Objects.requireNonNull(from, "from");
        return work(c -> {
            EventCursor head = JournalEvents.head(c);
            EventCursor cursor = head;
            // the first event at or after the time, in cursor order: no earlier position holds a later event
            try (PreparedStatement st = c.prepareStatement("select txid::text, id from case_journal"
                    + " where occurred_at >= ? order by txid, id limit 1")) {
                st.setTimestamp(1, Timestamp.from(from));
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        cursor = new EventCursor(Long.parseLong(rs.getString(1)), rs.getLong(2) - 1);
                    }
                }
            }
            if (lock(c, name).isEmpty()) {
                create(c, name, cursor);
            }
            try (PreparedStatement st = c.prepareStatement("update event_export set cursor_txid = ?::xid8, cursor_id = ?,"
                    + " holder = null, held_until = null, advanced_at = clock_timestamp() where name = ?")) {
                st.setString(1, Long.toString(cursor.txid()));
                st.setLong(2, cursor.id());
                st.setString(3, name);
                st.executeUpdate();
            }
            return behind(c, cursor);
        });
    }

    @Override
    public Optional<ExportState> state(String name) {
        check(name, MAX_NAME, "name");
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("select cursor_txid::text, cursor_id, holder, held_until,"
                    + " advanced_at from event_export where name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ExportState>empty();
                    }
                    EventCursor cursor = new EventCursor(Long.parseLong(rs.getString(1)), rs.getLong(2));
                    Timestamp until = rs.getTimestamp(4);
                    return Optional.of(new ExportState(name, cursor.equals(EventCursor.START) ? null : cursor.toString(),
                            rs.getString(3), until == null ? null : until.toInstant(), behind(c, cursor),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return db.inTenant(TenantDefinition.RESERVED_ID, s -> s.doReturningWork(work::run));
    }

    private static void check(String value, int max, String what) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1–" + max + " characters: " + value);
        }
    }

    /** An export's row, locked for the rest of the transaction. */
    private record Row(EventCursor cursor, String holder, boolean leaseRunning) {
        boolean heldByAnother(String node) {
            return holder != null && leaseRunning && !holder.equals(node);
        }
    }

    private static Optional<Row> lock(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select cursor_txid::text, cursor_id, holder,"
                + " coalesce(held_until > clock_timestamp(), false) from event_export where name = ? for update")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Row(new EventCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)),
                        rs.getString(3), rs.getBoolean(4))) : Optional.empty();
            }
        }
    }

    private static void create(Connection c, String name, EventCursor at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into event_export (name, cursor_txid, cursor_id,"
                + " advanced_at) values (?, ?::xid8, ?, clock_timestamp()) on conflict (name) do nothing")) {
            st.setString(1, name);
            st.setString(2, Long.toString(at.txid()));
            st.setLong(3, at.id());
            st.executeUpdate();
        }
    }

    private static long behind(Connection c, EventCursor cursor) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) from case_journal j where (j.txid, j.id) >"
                + " (?::xid8, ?) and j.txid < pg_snapshot_xmin(pg_current_snapshot())")) {
            st.setString(1, Long.toString(cursor.txid()));
            st.setLong(2, cursor.id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
