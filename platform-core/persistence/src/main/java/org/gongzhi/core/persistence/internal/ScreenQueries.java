package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.screen.DistrictScreen.TrendMonth;
import org.gongzhi.core.service.screen.ScreenFigures;
import org.hibernate.Session;

/**
 * The big screen's own HQL aggregates, beside {@link KpiQuery}'s (the formulas are those of
 * docs/kpis.md; change both together):
 * <ul>
 * <li>the trend: per reporting month, cases reported, closed and due to close. The month of a case is
 * found by {@code width_bucket} over the months' first instants (a literal array built here from the
 * district's calendar), which is half the cost of {@code date_trunc} in a time zone per row; the
 * query reads the covering index {@code case_tenant_reported_trend_idx} (V15) alone;</li>
 * <li>today's flow: reported, dispatched and closed today, and report → dispatch of today's
 * dispatches ({@code percentile_cont}), found through the three time indexes (V1, V15);</li>
 * <li>the open cases per grid path with overdue and warning, through the partial index of open cases.</li>
 * </ul>
 * Literals only in the group keys (PostgreSQL does not see two bind parameters as one expression).
 */
final class ScreenQueries {

    private static final String DUE = "c.registeredAt is not null and c.status not in (REJECTED, POSTPONED)"
            + " and (c.closedAt is not null or c.dueAt < :now)";
    private static final String DELAY = "cast(sql('date_part(''epoch'', ? - ?)', c.dispatchedAt, c.reportedAt) as Double)";
    private static final String TODAY_DISPATCHED = "c.dispatchedAt >= :day and c.dispatchedAt < :next";

    private static final String TODAY = "select"
            + " count(*) filter (where c.reportedAt >= :day and c.reportedAt < :next),"
            + " count(*) filter (where " + TODAY_DISPATCHED + "),"
            + " count(*) filter (where c.closedAt >= :day and c.closedAt < :next),"
            + " count(*) filter (where " + TODAY_DISPATCHED + " and " + DELAY + " <= " + ScreenFigures.DISPATCH_TARGET_SECONDS + "),"
            + " percentile_cont(0.5) within group (order by " + DELAY + ") filter (where " + TODAY_DISPATCHED + "),"
            + " percentile_cont(0.9) within group (order by " + DELAY + ") filter (where " + TODAY_DISPATCHED + ")"
            + " from CaseEntity c where (c.reportedAt >= :day and c.reportedAt < :next)"
            + " or (" + TODAY_DISPATCHED + ") or (c.closedAt >= :day and c.closedAt < :next)";

    private static final String OPEN = "select c.gridPath, count(*),"
            + " count(*) filter (where c.status not in (POSTPONED) and c.dueAt < :now),"
            + " count(*) filter (where c.status not in (POSTPONED) and c.dueAt >= :now and c.warningAt <= :now)"
            + " from CaseEntity c where c.status not in (CLOSED, EVALUATED, REJECTED) group by c.gridPath";

    private final List<YearMonth> months;
    private final List<Instant> starts;
    private final String trend;

    /** @param months the trend's months, oldest first, consecutive */
    ScreenQueries(List<YearMonth> months, ZoneId zone) {
        this.months = List.copyOf(months);
        List<Instant> bounds = new ArrayList<>();
        for (YearMonth m : months) {
            bounds.add(m.atDay(1).atStartOfDay(zone).toInstant());
        }
        bounds.add(months.get(months.size() - 1).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        this.starts = List.copyOf(bounds);
        // our own instants, ISO-8601 in UTC: nothing from outside reaches the literal
        String array = bounds.stream().map(Instant::toString).collect(Collectors.joining(","));
        String bucket = "sql('width_bucket(?, cast(''{" + array + "}'' as timestamptz[]))', c.reportedAt)";
        this.trend = "select cast(" + bucket + " as Integer), count(*), count(c.closedAt), count(*) filter (where " + DUE + ")"
                + " from CaseEntity c where c.reportedAt >= :from and c.reportedAt < :to group by " + bucket;
    }

    /** The months of the trend, empty ones included. */
    List<TrendMonth> trend(Session s, Instant now) {
        Map<Integer, Object[]> byBucket = new HashMap<>();
        for (Object[] row : s.createSelectionQuery(trend, Object[].class).setParameter("from", starts.get(0))
                .setParameter("to", starts.get(starts.size() - 1)).setParameter("now", now).getResultList()) {
            byBucket.put(((Number) row[0]).intValue(), row);
        }
        List<TrendMonth> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Object[] row = byBucket.get(i + 1); // width_bucket counts the first month as bucket 1
            long reported = row == null ? 0 : num(row[1]);
            long closed = row == null ? 0 : num(row[2]);
            long due = row == null ? 0 : num(row[3]);
            rows.add(new TrendMonth(months.get(i).toString(), reported, closed, KpiFigures.rate(closed, due)));
        }
        return rows;
    }

    /** Today's flow and dispatch timing. */
    record Flow(long reported, long dispatched, long closed, long withinTarget, Long medianSeconds, Long p90Seconds) {
    }

    Flow today(Session s, Instant dayStart, Instant dayEnd) {
        Object[] row = s.createSelectionQuery(TODAY, Object[].class).setParameter("day", dayStart)
                .setParameter("next", dayEnd).getSingleResult();
        return new Flow(num(row[0]), num(row[1]), num(row[2]), num(row[3]), seconds(row[4]), seconds(row[5]));
    }

    /** The open cases per grid path (null: not located), and the district's cases in warning. */
    record Open(Map<String, Long> byPath, long warning) {
    }

    Open open(Session s, Instant now) {
        Map<String, Long> byPath = new HashMap<>();
        long warning = 0;
        for (Object[] row : s.createSelectionQuery(OPEN, Object[].class).setParameter("now", now).getResultList()) {
            byPath.put((String) row[0], num(row[1]));
            warning += num(row[3]);
        }
        return new Open(byPath, warning);
    }

    private static long num(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    private static Long seconds(Object o) {
        return o == null ? null : Math.round(((Number) o).doubleValue());
    }
}
