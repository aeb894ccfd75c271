package org.gongzhi.core.persistence.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.service.cases.DuplicateCandidate;
import org.gongzhi.core.service.cases.DuplicateFlag;
import org.gongzhi.core.tenant.DuplicatePolicy;
import org.hibernate.Session;

/**
 * Intake's look for duplicates and repeats (ADR 0034), in the intake's transaction, before the new row is
 * written. Two statements, each a union of index ranges bounded by the time window: the candidates (open cases
 * in the cells around the case on V29's {@code case_open_cell_idx}, one range per cell read newest first and merged,
 * so that a hotspot's thousands of open reports cost the newest {@value #MAX_NEARBY}; and in its grid on
 * {@code (tenant_id, grid_code, reported_at)}) and the repeats (the case's category in the small cells of V29's
 * {@code case_repeat_place_idx}, read from the index alone, and the phone hash on
 * {@code (tenant_id, phone_hash, reported_at)}). The new text's bigrams are asked for only when there is a
 * candidate to compare them with.
 */
final class DuplicateDetector {

    /** How near two reports must be to be "the same place" for a repeat complaint. */
    static final int REPEAT_METRES = 50;
    /**
     * Repeats are counted up to this many earlier reports, so the number is at most one more: past that a
     * spot (a building site, a flooded street) is plainly a repeat, and counting on would cost intake a scan of
     * every report there.
     */
    static final int REPEAT_CAP = 99;
    /**
     * Each look-up (by cell, by grid) compares at most this many open reports, the newest: a place with more
     * open reports of the family in the window is a hotspot (a flood, a fire), where the newest are the likeliest
     * repeats (the score falls with the hours between) and comparing every one would make each intake there
     * slower than the last (issue 19's drills: thousands of open reports in one grid).
     */
    static final int MAX_NEARBY = 50;
    /** At most this many candidates are kept on a flag. */
    static final int MAX_CANDIDATES = 5;
    private static final String OPEN = " and status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null";
    private static final String COLUMNS = "select id, case_number, category_code, latitude, longitude, reported_at,"
            + " text_bigrams, %s from case_record where tenant_id = ? and family = ? and reported_at >= ?" + OPEN;
    private static final String REPEATS = "select 1 from case_record"
            + " where tenant_id = ? and category_code = ? and reported_at >= ?";

    private DuplicateDetector() {
    }

    /** Flags {@code c} (not yet persisted) when it likely repeats an open case, and sets its repeat number. */
    static void detect(Session s, String tenantId, DuplicatePolicy policy, CaseEntity c) {
        s.doWork(connection -> {
            List<DuplicateCandidate> found = candidates(connection, tenantId, policy, c);
            if (!found.isEmpty()) {
                c.duplicateState = DuplicateFlag.State.FLAGGED.name();
                c.duplicateScore = (float) found.get(0).score();
                c.duplicateCandidates = DuplicateRows.write(found);
            }
            c.repeatNumber = 1 + repeats(connection, tenantId, c);
        });
    }

    /** One open case found near the new one, before scoring. */
    private record Nearby(UUID id, String number, String categoryCode, Double latitude, Double longitude,
                          Instant reportedAt, Set<String> bigrams, boolean byGrid) {
    }

    private static List<DuplicateCandidate> candidates(Connection connection, String tenantId, DuplicatePolicy policy,
                                                       CaseEntity c)
            throws SQLException {
        boolean located = c.latitude != null && c.longitude != null;
        if (!located && c.gridCode == null) {
            return List.of();
        }
        Timestamp since = Timestamp.from(c.reportedAt.minus(policy.window()));
        List<Object> values = new ArrayList<>();
        if (located) {
            for (long cell : GeoCells.around(c.latitude, c.longitude, policy.distanceMetres())) {
                values.add(cell);
            }
        }
        int cells = values.size();
        if (c.gridCode != null) {
            values.add(c.gridCode);
        }
        List<Nearby> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(connection, candidatesSql(cells, c.gridCode != null), values, tenantId,
                c.family, since);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Nearby(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Double.class), rs.getObject(5, Double.class),
                        rs.getTimestamp(6).toInstant(), strings(rs.getArray(7)), rs.getBoolean(8)));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> pieces = bigrams(connection, c.title + " " + (c.address == null ? "" : c.address));
        Map<UUID, DuplicateCandidate> best = new LinkedHashMap<>();
        for (Nearby r : rows) {
            Double metres = r.byGrid() || r.latitude() == null || !located ? null
                    : GeoCells.metres(c.latitude, c.longitude, r.latitude(), r.longitude());
            double hours = Duration.between(r.reportedAt(), c.reportedAt).toSeconds() / 3600.0;
            double text = DuplicateScore.dice(pieces, r.bigrams());
            double score = DuplicateScore.score(policy, metres, hours, text, c.categoryCode.equals(r.categoryCode()));
            if (score > 0) {
                best.put(r.id(), new DuplicateCandidate(r.id(), r.number(), round(score),
                        metres == null ? null : (int) Math.round(metres), round(hours), round(text), r.byGrid()));
            }
        }
        return best.values().stream().filter(d -> d.score() >= policy.threshold())
                .sorted(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                        .thenComparing(DuplicateCandidate::number))
                .limit(MAX_CANDIDATES).toList();
    }

    /**
     * The candidates' statement: the newest open reports in {@code cells} cells, then (with {@code grid}) those of
     * the grid without coordinates, or all of the grid's when there are no cells. Its ranges take the parameters
     * of {@link #prepare}.
     */
    static String candidatesSql(int cells, boolean grid) {
        List<String> branches = new ArrayList<>();
        if (cells > 0) {
            branches.add(newest("select * from (" + String.join(" union all ",
                    Collections.nCopies(cells, newest(COLUMNS.formatted("false") + " and geo_cell = ?"))) + ") cells"));
        }
        if (grid) {
            // without coordinates on one side, the same grid stands for the place
            branches.add(newest(COLUMNS.formatted("true") + " and grid_code = ?"
                    + (cells > 0 ? " and geo_cell is null" : "")));
        }
        return String.join(" union all ", branches);
    }

    /**
     * {@code select}'s newest {@value #MAX_NEARBY} rows. On one index range with an equality on each key column
     * before {@code reported_at}, PostgreSQL reads them backwards and stops; a union of such ranges ordered the same
     * way is merged, not sorted. (An {@code = any(cells)} range is sorted whole: at a hotspot with 26,000 open
     * reports, 34 ms per intake instead of 0.3 ms.)
     */
    private static String newest(String select) {
        return "(" + select + " order by reported_at desc limit " + MAX_NEARBY + ")";
    }

    /**
     * {@code sql}, whose ranges each take the tenant, {@code key} (family or category), {@code since} and one of
     * {@code values} (a cell or a grid code), in that order.
     */
    static PreparedStatement prepare(Connection connection, String sql, List<Object> values, String tenantId,
                                     String key, Timestamp since) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            int i = 0;
            for (Object value : values) {
                ps.setString(++i, tenantId);
                ps.setString(++i, key);
                ps.setTimestamp(++i, since);
                ps.setObject(++i, value);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /**
     * Earlier reports of the same leaf category within {@link DuplicateFlag#REPEAT_DAYS} days by the same phone
     * (its hash) or within {@link #REPEAT_METRES} of the case. The place part counts the reports within the
     * distance; the phone part counts the phone's reports that the place part did not. Counted in the database,
     * each part up to {@link #REPEAT_CAP}, and the sum capped there too.
     */
    private static int repeats(Connection connection, String tenantId, CaseEntity c) throws SQLException {
        boolean located = c.latitude != null && c.longitude != null;
        if (c.phoneHash == null && !located) {
            return 0;
        }
        String near = "coalesce(" + GeoCells.METRES_TO_POINT + " <= " + REPEAT_METRES + ", false)";
        List<String> parts = new ArrayList<>();
        if (located) {
            parts.add(REPEATS + " and " + GeoCells.REPEAT_CELL + " = any(?) and " + near);
        }
        if (c.phoneHash != null) {
            parts.add(REPEATS + " and phone_hash = ?" + (located ? " and not " + near : ""));
        }
        Timestamp since = Timestamp.from(c.reportedAt.minus(Duration.ofDays(DuplicateFlag.REPEAT_DAYS)));
        String sql = "select " + String.join(" + ", parts.stream()
                .map(p -> "(select count(*) from (" + p + " limit " + REPEAT_CAP + ") r)").toList());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 0;
            if (located) {
                i = bindWindow(ps, i, tenantId, c.categoryCode, since);
                // a metre to spare, so that every report within the distance is surely in these cells
                long[] cells = GeoCells.aroundForRepeats(c.latitude, c.longitude, REPEAT_METRES + 1);
                ps.setArray(++i, connection.createArrayOf("bigint", Arrays.stream(cells).boxed().toArray()));
                i = bindPoint(ps, i, c);
            }
            if (c.phoneHash != null) {
                i = bindWindow(ps, i, tenantId, c.categoryCode, since);
                ps.setString(++i, c.phoneHash);
                if (located) {
                    bindPoint(ps, i, c);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.min(REPEAT_CAP, rs.getInt(1));
            }
        }
    }

    private static int bindWindow(PreparedStatement ps, int i, String tenantId, String category, Timestamp since)
            throws SQLException {
        ps.setString(++i, tenantId);
        ps.setString(++i, category);
        ps.setTimestamp(++i, since);
        return i;
    }

    /** The case's point, as {@link GeoCells#METRES_TO_POINT} asks for it. */
    private static int bindPoint(PreparedStatement ps, int i, CaseEntity c) throws SQLException {
        ps.setDouble(++i, c.latitude);
        ps.setDouble(++i, c.latitude);
        ps.setDouble(++i, c.longitude);
        return i;
    }

    private static Set<String> bigrams(Connection connection, String text) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select gongzhi_bigrams(?)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return strings(rs.getArray(1));
            }
        }
    }

    private static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
