package org.gongzhi.core.scheduler.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node registers which work now, in table {@code schedule_holder} (V22), so that every node
 * sees the works of the others. Only nodes that check in to Quartz's {@code qrtz_scheduler_state}
 * count: the rows of a node that died are ignored. Writing fails softly (logged): the schedule
 * itself never depends on it.
 */
class ScheduleHolders {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleHolders.class);
    /** Quartz's grace beyond a node's check-in interval before others take it over. */
    private static final long GRACE_MILLIS = 7500;

    /** For a scheduler without the shared database (tests): records nothing, knows nobody. */
    static final ScheduleHolders NONE = new ScheduleHolders(null);

    private final DataSource db;

    ScheduleHolders(DataSource db) {
        this.db = db;
    }

    void hold(String node, String name) {
        update("insert into schedule_holder (schedule_name, instance_id) values (?, ?) on conflict do nothing",
                name, node);
    }

    void release(String node, String name) {
        update("delete from schedule_holder where schedule_name = ? and instance_id = ?", name, node);
    }

    void releaseAll(String node) {
        update("delete from schedule_holder where instance_id = ?", node);
    }

    /** Schedule name → the live nodes that register its work, sorted. */
    Map<String, List<String>> live() {
        Map<String, List<String>> out = new TreeMap<>();
        if (db == null) {
            return out;
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select h.schedule_name, "
                + "h.instance_id from schedule_holder h join qrtz_scheduler_state s on s.sched_name = ? "
                + "and s.instance_name = h.instance_id where s.last_checkin_time + s.checkin_interval + ? >= ? "
                + "order by h.schedule_name, h.instance_id")) {
            ps.setString(1, ClusteredScheduler.NAME);
            ps.setLong(2, GRACE_MILLIS);
            ps.setLong(3, System.currentTimeMillis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("schedule holders unreadable: " + e.getMessage(), e);
        }
    }

    private void update(String sql, String... values) {
        if (db == null) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Schedule holder not recorded ({}): {}", sql.split(" ")[0], e.getMessage());
        }
    }
}
