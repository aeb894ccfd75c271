package org.gongzhi.core.persistence.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
 * written. Every query is an index range: the cells around the case on {@code (tenant_id, geo_cell,
 * reported_at)}, the grid on {@code (tenant_id, grid_code, reported_at)}, the phone hash on
 * {@code (tenant_id, phone_hash, reported_at)}; the time window bounds each range.
 */
final class DuplicateDetector {

    /** How near two reports must be to be "the same place" for a repeat complaint. */
    static final int REPEAT_METRES = 50;
    /** At most this many candidates are kept on a flag. */
    static final int MAX_CANDIDATES = 5;
    private static final String OPEN = " and status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null";
    private static final String COLUMNS = "select id, case_number, category_code, latitude, longitude, reported_at,"
            + " text_bigrams from case_record where tenant_id = ? and family = ? and reported_at >= ?" + OPEN;

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

    private static List<DuplicateCandidate> candidates(Connection connection, String tenantId, DuplicatePolicy policy,
                                                       CaseEntity c)
            throws SQLException {
        Set<String> pieces = bigrams(connection, c.title + " " + (c.address == null ? "" : c.address));
        Instant since = c.reportedAt.minus(policy.window());
        Map<UUID, DuplicateCandidate> best = new LinkedHashMap<>();
        boolean located = c.latitude != null && c.longitude != null;
        if (located) {
            long[] cells = GeoCells.around(c.latitude, c.longitude, policy.distanceMetres());
            try (PreparedStatement ps = connection.prepareStatement(COLUMNS + " and geo_cell = any(?)")) {
                bind(ps, tenantId, c, since);
                ps.setArray(4, connection.createArrayOf("bigint", Arrays.stream(cells).boxed().toArray()));
                collect(ps, policy, c, pieces, false, best);
            }
        }
        if (c.gridCode != null) {
            // without coordinates on one side, the same grid stands for the place
            try (PreparedStatement ps = connection.prepareStatement(COLUMNS + " and grid_code = ?"
                    + (located ? " and geo_cell is null" : ""))) {
                bind(ps, tenantId, c, since);
                ps.setString(4, c.gridCode);
                collect(ps, policy, c, pieces, true, best);
            }
        }
        return best.values().stream().filter(d -> d.score() >= policy.threshold())
                .sorted(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                        .thenComparing(DuplicateCandidate::number))
                .limit(MAX_CANDIDATES).toList();
    }

    private static void bind(PreparedStatement ps, String tenantId, CaseEntity c, Instant since) throws SQLException {
        ps.setString(1, tenantId);
        ps.setString(2, c.family);
        ps.setTimestamp(3, Timestamp.from(since));
    }

    private static void collect(PreparedStatement ps, DuplicatePolicy policy, CaseEntity c, Set<String> pieces,
                                boolean byGrid, Map<UUID, DuplicateCandidate> best) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                double lat = rs.getDouble(4);
                boolean hasPoint = !rs.wasNull();
                double lon = rs.getDouble(5);
                Double metres = byGrid || !hasPoint || c.latitude == null ? null
                        : GeoCells.metres(c.latitude, c.longitude, lat, lon);
                double hours = Duration.between(rs.getTimestamp(6).toInstant(), c.reportedAt).toSeconds() / 3600.0;
                double text = DuplicateScore.dice(pieces, strings(rs.getArray(7)));
                double score = DuplicateScore.score(policy, metres, hours, text, c.categoryCode.equals(rs.getString(3)));
                if (score > 0) {
                    best.put(id, new DuplicateCandidate(id, rs.getString(2), round(score),
                            metres == null ? null : (int) Math.round(metres), round(hours), round(text), byGrid));
                }
            }
        }
    }

    /**
     * Earlier reports of the same leaf category within {@link DuplicateFlag#REPEAT_DAYS} days by the same phone
     * (its hash) or within {@link #REPEAT_METRES} of the case.
     */
    private static int repeats(Connection connection, String tenantId, CaseEntity c) throws SQLException {
        boolean located = c.latitude != null && c.longitude != null;
        if (c.phoneHash == null && !located) {
            return 0;
        }
        String sql = "select phone_hash, latitude, longitude from case_record where tenant_id = ? and category_code = ?"
                + " and reported_at >= ? and (phone_hash = ? or geo_cell = any(?))";
        long[] cells = located ? GeoCells.around(c.latitude, c.longitude, REPEAT_METRES) : new long[0];
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, c.categoryCode);
            ps.setTimestamp(3, Timestamp.from(c.reportedAt.minus(Duration.ofDays(DuplicateFlag.REPEAT_DAYS))));
            ps.setString(4, c.phoneHash);
            ps.setArray(5, connection.createArrayOf("bigint", Arrays.stream(cells).boxed().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean samePhone = c.phoneHash != null && c.phoneHash.equals(rs.getString(1));
                    double lat = rs.getDouble(2);
                    boolean near = !rs.wasNull() && located
                            && GeoCells.metres(c.latitude, c.longitude, lat, rs.getDouble(3)) <= REPEAT_METRES;
                    if (samePhone || near) {
                        n++;
                    }
                }
            }
        }
        return n;
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
