package org.gongzhi.core.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.hibernate.Session;

/**
 * SQL of the {@code dispatch_outbox} table. Plain JDBC on the session's connection: the claim is
 * one {@code UPDATE … WHERE dispatch_id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *}, which
 * JPQL cannot say. Every statement names the tenant or the row explicitly.
 */
final class OutboxRows {

    static final String COLUMNS = "dispatch_id, tenant_id, case_id, case_number, department, lead, payload, state, "
            + "attempts, created_at, next_attempt_at, delivered_at, last_error, receipt";
    /** A new row waits this long for the fast path before the poll takes it. */
    static final java.time.Duration FAST_PATH_GRACE = java.time.Duration.ofSeconds(2);

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private OutboxRows() {
    }

    /** Receipt of a dispatch of the demo history, settled when it was written. */
    static final String HISTORY_RECEIPT = "demo-history";
    /** A dispatch of the demo history counts as delivered this long after it was made. */
    static final java.time.Duration HISTORY_DELIVERY = java.time.Duration.ofSeconds(3);
    static final String NO_CONNECTOR = "部门未配置系统对接，在平台内办理 (the department has no connector: it works in the platform)";

    /** A pending dispatch, for delivery now. */
    static void insert(Session s, UUID id, String tenantId, CaseEntity c, String department, boolean lead, String payload,
                       Instant now) {
        insert(s, id, tenantId, c, department, lead, payload, now, DispatchState.PENDING);
    }

    /**
     * A dispatch of the demo history, settled as it would have been at {@code now}: delivered
     * ({@link #HISTORY_RECEIPT}) when the department has a connector, else unrouted. Never pending,
     * so no poll delivers it.
     */
    static void insertSettled(Session s, UUID id, String tenantId, CaseEntity c, String department, boolean lead,
                              String payload, Instant now, boolean connected) {
        insert(s, id, tenantId, c, department, lead, payload, now,
                connected ? DispatchState.DELIVERED : DispatchState.UNROUTED);
    }

    private static void insert(Session s, UUID id, String tenantId, CaseEntity c, String department, boolean lead,
                               String payload, Instant now, DispatchState state) {
        boolean delivered = state == DispatchState.DELIVERED;
        update(s, "insert into dispatch_outbox (dispatch_id, tenant_id, case_id, case_number, department, lead, payload, "
                + "state, attempts, created_at, next_attempt_at, delivered_at, receipt, last_error) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, id);
                    ps.setString(2, tenantId);
                    ps.setObject(3, c.id);
                    ps.setString(4, c.number);
                    ps.setString(5, department);
                    ps.setBoolean(6, lead);
                    ps.setString(7, payload);
                    ps.setString(8, state.name());
                    ps.setInt(9, delivered ? 1 : 0);
                    ps.setTimestamp(10, Timestamp.from(now));
                    ps.setTimestamp(11, Timestamp.from(state == DispatchState.PENDING ? now.plus(FAST_PATH_GRACE) : now));
                    ps.setTimestamp(12, delivered ? Timestamp.from(now.plus(HISTORY_DELIVERY)) : null);
                    ps.setString(13, delivered ? HISTORY_RECEIPT : null);
                    ps.setString(14, state == DispatchState.UNROUTED ? NO_CONNECTOR : null);
                });
    }

    /** Cancels the case's dispatches that were not delivered yet (the case was returned). */
    static int cancelPending(Session s, String tenantId, UUID caseId) {
        return update(s, "update dispatch_outbox set state = 'CANCELLED', claimed_by = null, claimed_until = null "
                + "where tenant_id = ? and case_id = ? and state = 'PENDING'", ps -> {
                    ps.setString(1, tenantId);
                    ps.setObject(2, caseId);
                });
    }

    static int update(Session s, String sql, Binder binder) {
        return s.doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    static List<OutboundDispatch> query(Session s, String sql, Binder binder) {
        return query(s, sql, binder, OutboxRows::row);
    }

    static <T> List<T> query(Session s, String sql, Binder binder, Mapper<T> mapper) {
        return s.doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                    return out;
                }
            }
        });
    }

    static long count(Session s, String sql, Binder binder) {
        return s.doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static OutboundDispatch row(ResultSet rs) throws SQLException {
        return new OutboundDispatch(rs.getObject("dispatch_id", UUID.class), rs.getString("tenant_id"),
                rs.getObject("case_id", UUID.class), rs.getString("case_number"), rs.getString("department"),
                rs.getBoolean("lead"), rs.getString("payload"), DispatchState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
                instant(rs, "delivered_at"), rs.getString("last_error"), rs.getString("receipt"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Long texts (error messages) cut to what the column holds. */
    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
