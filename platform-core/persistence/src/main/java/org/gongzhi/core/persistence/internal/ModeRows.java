package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.OperatingMode;
import org.hibernate.Session;

/**
 * The rows of V14 — {@code district_mode} (the mode in force) and {@code district_mode_switch}
 * (the journal of switches) — in plain JDBC on the session's connection, inside its transaction.
 * Plain JDBC on purpose: reading the mode in the middle of a case step must not flush the session.
 */
final class ModeRows {

    /** The channel every node listens on for switches; the payload is the district id. */
    static final String CHANNEL = "gongzhi_district_mode";
    /** Most switches one history call answers. */
    static final int MAX_HISTORY = 1000;

    private ModeRows() {
    }

    /** The mode in force: {@code NORMAL} for a district never switched. */
    static DistrictMode current(Session s, String tenantId) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select mode, since, reason, switched_by from district_mode where tenant_id = ?")) {
                st.setString(1, tenantId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new DistrictMode(tenantId, OperatingMode.NORMAL, null, null, null);
                    }
                    return new DistrictMode(tenantId, OperatingMode.valueOf(rs.getString(1)), instant(rs, 2),
                            rs.getString(3), rs.getString(4));
                }
            }
        });
    }

    /** Just the mode, for a case step. */
    static OperatingMode mode(Session s, String tenantId) {
        return current(s, tenantId).mode();
    }

    /**
     * Switches to {@code mode} if another mode is in force, journals the switch and notifies
     * {@link #CHANNEL}, all in the session's transaction. Concurrent switches of one district are
     * serialised by the {@code district_mode} row: of two switches to one mode, the second finds
     * it in force. Empty when {@code mode} was in force already.
     */
    static Optional<DistrictMode> switchTo(Session s, String tenantId, OperatingMode mode, String reason, String actor,
                                           Instant at) {
        return s.doReturningWork(c -> {
            int changed;
            if (mode == OperatingMode.NORMAL) {
                changed = update(c, "update district_mode set mode = ?, since = ?, reason = ?, switched_by = ?"
                        + " where tenant_id = ? and mode <> ?", mode, at, reason, actor, tenantId);
            } else {
                changed = update(c, "insert into district_mode (mode, since, reason, switched_by, tenant_id) values (?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id) do update set mode = excluded.mode, since = excluded.since,"
                        + " reason = excluded.reason, switched_by = excluded.switched_by"
                        + " where district_mode.mode <> ?", mode, at, reason, actor, tenantId);
            }
            if (changed == 0) {
                return Optional.<DistrictMode>empty();
            }
            OperatingMode previous = mode == OperatingMode.NORMAL ? OperatingMode.WARTIME : OperatingMode.NORMAL;
            try (PreparedStatement st = c.prepareStatement("insert into district_mode_switch"
                    + " (tenant_id, mode, previous, switched_at, reason, switched_by) values (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, tenantId);
                st.setString(2, mode.name());
                st.setString(3, previous.name());
                st.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                st.setString(5, reason);
                st.setString(6, actor);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
                st.setString(1, CHANNEL);
                st.setString(2, tenantId);
                st.executeQuery().close();
            }
            return Optional.of(new DistrictMode(tenantId, mode, at, reason, actor));
        });
    }

    private static int update(Connection c, String sql, OperatingMode mode, Instant at, String reason, String actor,
                              String tenantId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, mode.name());
            st.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            st.setString(3, reason);
            st.setString(4, actor);
            st.setString(5, tenantId);
            st.setString(6, mode.name());
            return st.executeUpdate();
        }
    }

    /** The switches made in {@code [from, to)}, oldest first (at most {@link #MAX_HISTORY}). */
    static List<DistrictMode> history(Session s, String tenantId, Instant from, Instant to) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("select mode, switched_at, reason, switched_by"
                    + " from district_mode_switch where tenant_id = ? and switched_at >= ? and switched_at < ?"
                    + " order by switched_at, id limit " + MAX_HISTORY)) {
                st.setString(1, tenantId);
                st.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                st.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                List<DistrictMode> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DistrictMode(tenantId, OperatingMode.valueOf(rs.getString(1)), instant(rs, 2),
                                rs.getString(3), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
