package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.supervision.Supervision;
import org.gongzhi.core.service.supervision.SupervisionKind;
import org.gongzhi.core.service.supervision.SupervisionTrigger;
import org.hibernate.Session;

/**
 * SQL of the {@code supervision} table (V17) and of the journal entries supervision writes, in plain
 * JDBC on the session's connection inside its transaction. Native SQL is not confined to the session's
 * tenant by Hibernate: every statement names {@code tenant_id} itself.
 */
final class SupervisionRows {

    /** The journal's actor of records written by the sweep. */
    static final String SWEEP_ACTOR = "supervision";

    private static final String COLUMNS = "s.id, s.tenant_id, s.case_id, s.case_number, s.kind, s.trigger, s.reason,"
            + " s.deadline, s.issued_by, s.issued_at, s.answer, s.answered_by, s.answered_at, s.published_at";
    /** Statuses whose clock runs (as literals: the partial indexes' predicates must be provable). */
    private static final String RUNNING = "c.status not in ('CLOSED', 'EVALUATED', 'REJECTED', 'POSTPONED')";
    private static final String OPEN = "c.status not in ('CLOSED', 'EVALUATED', 'REJECTED')";

    private SupervisionRows() {
    }

    /** An automatic rule of the sweep: which cases, which record, which SLA cycle. */
    enum Rule {
        /** 催办 at the warning time, while the case is not yet overdue. */
        WARNING_REMINDER(SupervisionKind.REMINDER, SupervisionTrigger.WARNING, "c.warning_at",
                RUNNING + " and c.warning_at <= ? and c.warning_at > ? and c.due_at > ?"),
        /** 催办 at the due time. */
        OVERDUE_REMINDER(SupervisionKind.REMINDER, SupervisionTrigger.OVERDUE, "c.due_at",
                RUNNING + " and c.due_at <= ? and c.due_at > ?"),
        /** 提级督办 when overdue by the district's margin (the parameter is now minus the margin). */
        OVERDUE_ESCALATION(SupervisionKind.ESCALATION, SupervisionTrigger.OVERDUE, "c.due_at",
                RUNNING + " and c.due_at <= ? and c.due_at > ?"),
        /** 提级督办 after the district's number of reworks (the parameter is that number). */
        REWORK_ESCALATION(SupervisionKind.ESCALATION, SupervisionTrigger.REWORK, "c.registered_at",
                OPEN + " and c.rework_count > 0 and c.rework_count >= ? and c.registered_at is not null");

        final SupervisionKind kind;
        final SupervisionTrigger trigger;
        final String cycle;
        final String condition;

        Rule(SupervisionKind kind, SupervisionTrigger trigger, String cycle, String condition) {
            this.kind = kind;
            this.trigger = trigger;
            this.cycle = cycle;
            this.condition = condition;
        }

        /**
         * The records that make a case done for this rule: a reminder's own kind, trigger and cycle; for an
         * escalation any escalation of the case — a case goes to the city once, whichever rule took it there.
         */
        String done() {
            return kind == SupervisionKind.ESCALATION ? "s.kind = 'ESCALATION'"
                    : "s.kind = ? and s.trigger = ? and s.cycle_at = " + cycle;
        }
    }

    /** An order (督办, 挂牌, 提级) past its own deadline and not answered, claimed with its case's data. */
    record LateOrder(Supervision order, Candidate kase) {
    }

    /** A case the sweep claimed, with what its record and notice need (no resident's data). */
    record Candidate(UUID caseId, String caseNumber, CaseStatus status, String leadDepartment, String gridCode,
                     String categoryCode, Instant cycleAt, Instant dueAt, int reworkCount, String assignee) {
    }

    /**
     * Claims up to {@code limit} cases that {@code rule} applies to and that have no record for it in
     * their current cycle: {@code FOR NO KEY UPDATE … SKIP LOCKED}, so two sweeps never hold one case
     * and neither waits for the other, while steps may still add journal rows (their foreign-key
     * checks take only a key-share lock). Held until the transaction ends.
     *
     * @param parameters the values of the rule's condition's {@code ?}
     */
    static List<Candidate> claim(Session s, String tenantId, Rule rule, int limit, Object... parameters) {
        String sql = "select c.id, c.case_number, c.status, c.lead_department, c.grid_code, c.category_code, "
                + rule.cycle + ", c.due_at, c.rework_count, c.assignee from case_record c"
                + " where c.tenant_id = ? and " + rule.condition
                + " and not exists (select 1 from supervision s where s.tenant_id = c.tenant_id and s.case_id = c.id"
                + " and " + rule.done() + ")"
                + " order by " + rule.cycle + " limit ? for no key update of c skip locked";
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                st.setString(i++, tenantId);
                for (Object p : parameters) {
                    if (p instanceof Instant t) {
                        st.setObject(i++, utc(t));
                    } else {
                        st.setObject(i++, p);
                    }
                }
                if (rule.kind != SupervisionKind.ESCALATION) {
                    st.setString(i++, rule.kind.name());
                    st.setString(i++, rule.trigger.name());
                }
                st.setInt(i, limit);
                List<Candidate> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candidate(rs.getObject(1, UUID.class), rs.getString(2),
                                CaseStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                                instant(rs, 7), instant(rs, 8), rs.getInt(9), rs.getString(10)));
                    }
                }
                return out;
            }
        });
    }

    /** The open case for a manual order, locked against concurrent sweeps; empty when there is none. */
    static Optional<Candidate> lockCase(Session s, String tenantId, UUID caseId) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("select c.id, c.case_number, c.status, c.lead_department,"
                    + " c.grid_code, c.category_code, c.due_at, c.due_at, c.rework_count, c.assignee from case_record c"
                    + " where c.tenant_id = ? and c.id = ? for no key update")) {
                st.setString(1, tenantId);
                st.setObject(2, caseId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Candidate>empty();
                    }
                    return Optional.of(new Candidate(rs.getObject(1, UUID.class), rs.getString(2),
                            CaseStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                            instant(rs, 7), instant(rs, 8), rs.getInt(9), rs.getString(10)));
                }
            }
        });
    }

    /**
     * Inserts a record unless one exists for its case, kind, trigger and cycle ({@code cycleAt} null:
     * a manual record, always inserted). True when this call inserted it.
     */
    static boolean insert(Session s, Supervision r, Instant cycleAt) {
        return insertAll(s, List.of(r), java.util.Collections.singletonList(cycleAt))[0];
    }

    /**
     * {@link #insert} of many records in one JDBC batch (one round trip), {@code cycles} in the order of
     * {@code records}; which of them this call inserted.
     */
    static boolean[] insertAll(Session s, List<Supervision> records, List<Instant> cycles) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into supervision (id, tenant_id, case_id, case_number,"
                    + " kind, trigger, cycle_at, reason, deadline, issued_by, issued_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (tenant_id, case_id, kind, trigger, cycle_at) where cycle_at is not null do nothing")) {
                for (int i = 0; i < records.size(); i++) {
                    Supervision r = records.get(i);
                    st.setObject(1, r.id());
                    st.setString(2, r.tenantId());
                    st.setObject(3, r.caseId());
                    st.setString(4, r.caseNumber());
                    st.setString(5, r.kind().name());
                    st.setString(6, r.trigger().name());
                    setInstant(st, 7, cycles.get(i));
                    st.setString(8, r.reason());
                    setInstant(st, 9, r.deadline());
                    st.setString(10, r.issuedBy());
                    st.setObject(11, utc(r.issuedAt()));
                    st.addBatch();
                }
                int[] counts = st.executeBatch();
                boolean[] inserted = new boolean[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    inserted[i] = counts[i] == 1;
                }
                return inserted;
            }
        });
    }

    /** A journal entry supervision writes: a {@code COMMENT} that keeps the case's status. */
    record Entry(UUID caseId, CaseStatus status, String actor, Instant at, String note) {
    }

    /**
     * Whether the case has been escalated to the city. Asked by the sweep after it claimed the case: a
     * new statement sees every escalation committed before the claim's lock was granted, including one
     * that a concurrent sweep wrote under another rule after this sweep's claim had read.
     */
    static boolean escalated(Session s, String tenantId, UUID caseId) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("select exists (select 1 from supervision"
                    + " where tenant_id = ? and case_id = ? and kind = 'ESCALATION')")) {
                st.setString(1, tenantId);
                st.setObject(2, caseId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /**
     * Claims up to {@code limit} orders of open cases whose deadline is at or before {@code now} and after
     * {@code since} (the sweep's catch-up), that are not answered and whose lateness nobody was told of yet
     * ({@code overdue_noticed_at}, V21), oldest deadline first: {@code FOR NO KEY UPDATE OF s SKIP LOCKED}, so
     * two sweeps take different orders.
     */
    static List<LateOrder> claimLateOrders(Session s, String tenantId, Instant now, Instant since, int limit) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + ", c.status, c.lead_department,"
                    + " c.grid_code, c.category_code, c.due_at, c.rework_count, c.assignee"
                    + " from supervision s join case_record c on c.tenant_id = s.tenant_id and c.id = s.case_id"
                    + " where s.tenant_id = ? and s.kind <> 'REMINDER' and s.answered_at is null"
                    + " and s.overdue_noticed_at is null and s.deadline <= ? and s.deadline > ? and " + OPEN
                    + " order by s.deadline limit ? for no key update of s skip locked")) {
                st.setString(1, tenantId);
                st.setObject(2, utc(now));
                st.setObject(3, utc(since));
                st.setInt(4, limit);
                List<LateOrder> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Supervision r = record(rs);
                        out.add(new LateOrder(r, new Candidate(r.caseId(), r.caseNumber(),
                                CaseStatus.valueOf(rs.getString(15)), rs.getString(16), rs.getString(17),
                                rs.getString(18), r.deadline(), instant(rs, 19), rs.getInt(20), rs.getString(21))));
                    }
                }
                return out;
            }
        });
    }

    /** Marks an order's lateness told; false when it was (or it was answered) meanwhile. */
    static boolean markLateNoticed(Session s, String tenantId, UUID id, Instant at) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("update supervision set overdue_noticed_at = ?"
                    + " where tenant_id = ? and id = ? and overdue_noticed_at is null and answered_at is null")) {
                st.setObject(1, utc(at));
                st.setString(2, tenantId);
                st.setObject(3, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    /**
     * Writes a journal entry on the case that does not change its status ({@code COMMENT}), numbered
     * after the last one. The caller holds the case row, so no step of another transaction is
     * numbering at the same time unless it read the last number before the lock was taken (then one
     * of the two fails on the unique sequence and is rolled back).
     */
    static void journal(Session s, String tenantId, UUID caseId, CaseStatus status, String actor, Instant at,
                        String note) {
        journalAll(s, tenantId, List.of(new Entry(caseId, status, actor, at, note)));
    }

    /** {@link #journal} of many entries (of different cases) in one JDBC batch. */
    static void journalAll(Session s, String tenantId, List<Entry> entries) {
        s.doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into case_journal (tenant_id, case_id, seq,"
                    + " occurred_at, actor, action, from_status, to_status, note)"
                    + " values (?, ?, (select coalesce(max(seq), 0) + 1 from case_journal where case_id = ?),"
                    + " ?, ?, 'COMMENT', ?, ?, ?)")) {
                for (Entry e : entries) {
                    st.setString(1, tenantId);
                    st.setObject(2, e.caseId());
                    st.setObject(3, e.caseId());
                    st.setObject(4, utc(e.at()));
                    st.setString(5, e.actor());
                    st.setString(6, e.status().name());
                    st.setString(7, e.status().name());
                    st.setString(8, e.note());
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
    }

    /** The records of a case, oldest first. */
    static List<Supervision> ofCase(Session s, String tenantId, UUID caseId) {
        return select(s, "select " + COLUMNS + " from supervision s where s.tenant_id = ? and s.case_id = ?"
                + " order by s.issued_at, s.id", tenantId, caseId);
    }

    /** One record of a case. */
    static Optional<Supervision> find(Session s, String tenantId, UUID caseId, UUID id) {
        return select(s, "select " + COLUMNS + " from supervision s where s.tenant_id = ? and s.case_id = ? and s.id = ?",
                tenantId, caseId, id).stream().findFirst();
    }

    /** Sets the answer of an unanswered order; false when there is none to answer. */
    static boolean answer(Session s, String tenantId, UUID id, String answer, String actor, Instant at) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("update supervision set answer = ?, answered_by = ?,"
                    + " answered_at = ? where tenant_id = ? and id = ? and kind <> 'REMINDER' and answered_at is null")) {
                st.setString(1, answer);
                st.setString(2, actor);
                st.setObject(3, utc(at));
                st.setString(4, tenantId);
                st.setObject(5, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Listed matters, newest first. */
    static List<Supervision> listed(Session s, String tenantId, boolean publishedOnly, int limit) {
        return select(s, "select " + COLUMNS + " from supervision s where s.tenant_id = ? and s.kind = 'LISTED'"
                + (publishedOnly ? " and s.published_at is not null" : "")
                + " order by s.issued_at desc, s.id limit " + limit, tenantId);
    }

    /** Publishes every listed matter not yet published; how many. */
    static int publishListed(Session s, String tenantId, Instant at) {
        return s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("update supervision set published_at = ?"
                    + " where tenant_id = ? and kind = 'LISTED' and published_at is null")) {
                st.setObject(1, utc(at));
                st.setString(2, tenantId);
                return st.executeUpdate();
            }
        });
    }

    /** The district's escalations issued in [from, to), newest first. */
    static List<Supervision> escalations(Session s, String tenantId, Instant from, Instant to, boolean openOnly,
                                         int limit) {
        return select(s, "select " + COLUMNS + " from supervision s where s.tenant_id = ? and s.kind = 'ESCALATION'"
                + " and s.issued_at >= ? and s.issued_at < ?" + (openOnly ? " and s.answered_at is null" : "")
                + " order by s.issued_at desc, s.id limit " + limit, tenantId, from, to);
    }

    /**
     * The supervision figures of a period: records issued in [from, to) by kind, and the orders due in
     * it — deadline in the period, and settled (answered, or the case closed) or past their deadline
     * at {@code now} — with those settled by their deadline. docs/kpis.md states the same.
     *
     * @param area the cases' grid subtrees, or null for the whole district
     * @return reminders, orders issued, escalations issued, orders due, orders settled on time
     */
    static long[] figures(Session s, String tenantId, Instant from, Instant to, Instant now, GridArea area) {
        // an area reads the records of its cases only: through the case's grid path
        String join = area == null ? "" : " join case_record c on c.tenant_id = s.tenant_id and c.id = s.case_id";
        String inArea = area == null ? "" : " and " + area.sql("c.grid_path");
        List<String> areaValues = area == null ? List.of() : area.sqlValues();
        return s.doReturningWork(c -> {
            long[] out = new long[5];
            try (PreparedStatement st = c.prepareStatement("select"
                    + " count(*) filter (where s.kind = 'REMINDER'),"
                    + " count(*) filter (where s.kind <> 'REMINDER'),"
                    + " count(*) filter (where s.kind = 'ESCALATION')"
                    + " from supervision s" + join + " where s.tenant_id = ? and s.issued_at >= ? and s.issued_at < ?"
                    + inArea)) {
                st.setString(1, tenantId);
                st.setObject(2, utc(from));
                st.setObject(3, utc(to));
                bind(st, 4, areaValues);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    out[0] = rs.getLong(1);
                    out[1] = rs.getLong(2);
                    out[2] = rs.getLong(3);
                }
            }
            try (PreparedStatement st = c.prepareStatement("select"
                    + " count(*) filter (where settled is not null or deadline <= ?),"
                    + " count(*) filter (where settled <= deadline)"
                    + " from (select s.deadline, least(s.answered_at, c.closed_at) as settled"
                    + "       from supervision s join case_record c on c.tenant_id = s.tenant_id and c.id = s.case_id"
                    + "       where s.tenant_id = ? and s.kind <> 'REMINDER' and s.deadline >= ? and s.deadline < ?"
                    + inArea + ") o")) {
                st.setObject(1, utc(now));
                st.setString(2, tenantId);
                st.setObject(3, utc(from));
                st.setObject(4, utc(to));
                bind(st, 5, areaValues);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    out[3] = rs.getLong(1);
                    out[4] = rs.getLong(2);
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement st, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            st.setString(first + i, values.get(i));
        }
    }

    private static List<Supervision> select(Session s, String sql, Object... parameters) {
        return s.doReturningWork(c -> query(c, sql, parameters));
    }

    private static List<Supervision> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                st.setObject(i + 1, p instanceof Instant t ? utc(t) : p);
            }
            List<Supervision> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
            return out;
        }
    }

    /** The record of the current row, read from {@link #COLUMNS} in columns 1–14. */
    private static Supervision record(ResultSet rs) throws SQLException {
        return new Supervision(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), SupervisionKind.valueOf(rs.getString(5)),
                SupervisionTrigger.valueOf(rs.getString(6)), rs.getString(7), instant(rs, 8),
                rs.getString(9), instant(rs, 10), rs.getString(11), rs.getString(12), instant(rs, 13),
                instant(rs, 14));
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void setInstant(PreparedStatement st, int index, Instant t) throws SQLException {
        if (t == null) {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(index, utc(t));
        }
    }
}
