package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hibernate.Session;

/**
 * A district being filled in bulk across many transactions (the demo history writes each case step by step,
 * with past times). The filler holds a PostgreSQL session-level advisory lock on the district for the whole
 * fill; work that must not act on half-written cases (the supervision sweep) asks {@link #idle} in its own
 * transaction and leaves the district alone while the lock is held — on every node, since the lock is the
 * database's.
 */
final class DistrictFill implements AutoCloseable {

    /** The advisory lock space of district fills ("gzhf"); the key within it is {@code hashtext(tenant id)}. */
    private static final int LOCK_SPACE = 0x677a6866;

    private final Connection connection;
    private final String tenantId;

    private DistrictFill(Connection connection, String tenantId) {
        this.connection = connection;
        this.tenantId = tenantId;
    }

    /** Takes the district's fill lock on a connection of its own (waiting for running sweep transactions); close to release. */
    static DistrictFill hold(Database db, String tenantId) {
        try {
            Connection c = db.dedicatedConnection();
            try {
                call(c, "select pg_advisory_lock(?, hashtext(?))", tenantId);
                return new DistrictFill(c, tenantId);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the fill lock of district " + tenantId, e);
        }
    }

    /**
     * In the caller's transaction: true when nobody fills the district. It then holds a shared lock until the
     * transaction ends, so a fill cannot start under it.
     */
    static boolean idle(Session s, String tenantId) {
        return s.doReturningWork(c -> call(c, "select pg_try_advisory_xact_lock_shared(?, hashtext(?))", tenantId));
    }

    private static boolean call(Connection c, String sql, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object result = rs.getObject(1);
                return !(result instanceof Boolean b) || b;
            }
        }
    }

    @Override
    public void close() {
        try (Connection c = connection) {
            call(c, "select pg_advisory_unlock(?, hashtext(?))", tenantId);
        } catch (SQLException e) {
            // closing the session releases its advisory locks anyway
            throw new IllegalStateException("could not release the fill lock of district " + tenantId, e);
        }
    }
}
