package org.gongzhi.loopbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The limit: the writes one closed loop of our platform makes, and nothing else, over plain JDBC in the
 * seven transactions of issue 18 — intake and registration in one (the case row as our intake then register
 * leave it, with both journal entries), then dispatch (with its outbox row), accept, feedback, verify, close
 * and evaluate. Each transition updates the case row under its version (optimistic lock, as Hibernate's) and
 * appends one journal row. The client keeps the case's version and journal position, so no step reads before
 * it writes.
 */
final class JdbcLoop implements LoopEngine {

    static final String TENANT = "jizhou";
    /**
     * A transition after intake: its action, the status before and after, and what it sets on the row
     * besides status and version (every {@code ?} in {@code set} is the step's time).
     */
    record Step(String action, String from, String to, String set) {
        /** How many times the step's time is bound in {@link #set}. */
        int times() {
            return (int) set.chars().filter(ch -> ch == '?').count();
        }

        String update() {
            return "update loop_case set status = ?" + set + ", version = version + 1 where id = ? and version = ?";
        }
    }

    /** The row's version after intake and registration (our intake writes 0, registration 1). */
    static final int REGISTERED_VERSION = 1;

    /** The loop after intake and registration, in order: the six transactions that follow the first. */
    static final List<Step> STEPS = List.of(
            new Step("dispatch", "REGISTERED", "DISPATCHED", ", dispatched_at = ?, lead_department = 'CG'"),
            new Step("accept", "DISPATCHED", "HANDLING", ""),
            new Step("feedback", "HANDLING", "FEEDBACK", ", feedback_at = ?"),
            new Step("verify-pass", "FEEDBACK", "VERIFIED", ""),
            new Step("close", "VERIFIED", "CLOSED", ", closed_at = ?, closed_on_time = true"),
            new Step("evaluate", "CLOSED", "EVALUATED", ", satisfaction = 5"));

    private static final String INSERT_CASE = "insert into loop_case (id, tenant_id, case_number, title, description, "
            + "category_code, channel, status, grid_code, reported_at, registered_at, due_at, version) "
            + "values (?, ?, 'LB' || nextval('loop_case_number_seq'), ?, ?, 'CM0101', 'grid-worker', 'REGISTERED', "
            + "'360802001001001', ?, ?, ?::timestamptz + interval '2 hours', " + REGISTERED_VERSION + ") returning case_number";
    private static final String INSERT_JOURNAL = "insert into loop_journal (tenant_id, case_id, seq, occurred_at, actor, "
            + "action, from_status, to_status, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DISPATCH = "insert into loop_dispatch (dispatch_id, tenant_id, case_id, "
            + "case_number, department, lead, payload, state, created_at, next_attempt_at) "
            + "values (?, ?, ?, ?, 'CG', true, ?, 'PENDING', ?, ?)";

    private final DataSource pool;

    /** Creates the loop's tables in {@code pool}'s database unless they exist. */
    JdbcLoop(DataSource pool) throws SQLException, IOException {
        this.pool = pool;
        try (InputStream in = JdbcLoop.class.getResourceAsStream("loop-schema.sql");
             Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public void loop(int worker, long n) throws SQLException {
        UUID id = UUID.randomUUID();
        String number = intake(id, worker, n);
        for (int i = 0; i < STEPS.size(); i++) {
            step(id, number, i);
        }
    }

    /** The first transaction: the case row, registered, and its journal entries 1 (the report) and 2 (register). */
    private String intake(UUID id, int worker, long n) throws SQLException {
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        try (Connection c = begin()) {
            String number;
            try (PreparedStatement ps = c.prepareStatement(INSERT_CASE)) {
                ps.setObject(1, id);
                ps.setString(2, TENANT);
                ps.setString(3, "闭环压测 " + worker + "-" + n);
                ps.setString(4, "道路旁暴露垃圾，请尽快清理");
                ps.setTimestamp(5, at);
                ps.setTimestamp(6, at);
                ps.setTimestamp(7, at);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    number = rs.getString(1);
                }
            }
            journal(c, id, 1, now, null, null, "REPORTED");
            journal(c, id, 2, now, "register", "REPORTED", "REGISTERED");
            c.commit();
            return number;
        }
    }

    /** Transition {@code i} of {@link #STEPS}: the case row under its version, one journal row, the outbox row at dispatch. */
    private void step(UUID id, String number, int i) throws SQLException {
        Step step = STEPS.get(i);
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        try (Connection c = begin()) {
            try (PreparedStatement ps = c.prepareStatement(step.update())) {
                int p = 1;
                ps.setString(p++, step.to());
                for (int k = 0; k < step.times(); k++) {
                    ps.setTimestamp(p++, at);
                }
                ps.setObject(p++, id);
                ps.setLong(p, REGISTERED_VERSION + i);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("case " + number + " changed meanwhile (version " + (REGISTERED_VERSION + i) + ")");
                }
            }
            journal(c, id, i + 3, now, step.action(), step.from(), step.to());
            if (step.action().equals("dispatch")) {
                outbox(c, id, number, now);
            }
            c.commit();
        }
    }

    /** The dispatch's outbox row, pending delivery to the lead department. */
    private static void outbox(Connection c, UUID id, String number, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_DISPATCH)) {
            UUID dispatch = UUID.randomUUID();
            Timestamp at = Timestamp.from(now);
            ps.setObject(1, dispatch);
            ps.setString(2, TENANT);
            ps.setObject(3, id);
            ps.setString(4, number);
            ps.setString(5, "{\"dispatchId\":\"" + dispatch + "\",\"caseNumber\":\"" + number
                    + "\",\"category\":\"CM0101\",\"department\":\"CG\",\"dispatchedAt\":\"" + now + "\"}");
            ps.setTimestamp(6, at);
            ps.setTimestamp(7, at);
            ps.executeUpdate();
        }
    }

    private void journal(Connection c, UUID id, int seq, Instant at, String action, String from, String to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_JOURNAL)) {
            ps.setString(1, TENANT);
            ps.setObject(2, id);
            ps.setInt(3, seq);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, "jz-admin");
            ps.setString(6, action);
            ps.setString(7, from);
            ps.setString(8, to);
            ps.setString(9, action == null ? null : "闭环压测");
            ps.executeUpdate();
        }
    }

    private Connection begin() throws SQLException {
        Connection c = pool.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public void close() {
        // the pool belongs to the caller
    }
}
