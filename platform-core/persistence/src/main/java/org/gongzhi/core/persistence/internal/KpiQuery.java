package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;

/**
 * The HQL aggregates behind every KPI: a pass over the tenant's cases reported in the period, each
 * figure an aggregate with its own {@code filter (where …)}, grouped by an optional key expression;
 * and, unless only the period is read, a second pass that counts the cases open now but reported
 * outside the period into pendingNow and overdueNow. The second pass reads only columns of V39's
 * index over the open cases, so it does not visit their rows, which lie scattered over the table
 * once a district has years of history. docs/kpis.md states the same formulas in words; change both.
 *
 * <p>Status names are literals, not parameters, so that PostgreSQL can prove the predicate of the
 * partial indexes on open cases for the "open now" pass.
 * Durations are {@code date_part('epoch', …)} in double precision: HQL's {@code by second} renders
 * {@code extract(epoch …)}, a numeric, which makes the averages and the percentile markedly slower
 * over a year of cases (see platform-core/kpi-bench). The {@code sql(…)} fragments are SQL
 * functions on the row's own columns inside this HQL query, which Hibernate still confines to the
 * session's tenant.
 */
final class KpiQuery {

    /** Department kind of the street/town offices (街道/镇): cases they alone handled count as 镇村两级解决. */
    static final String TOWN_LEVEL_KIND = "STREET_OFFICE";

    private static final String PERIOD = "(c.reportedAt >= :from and c.reportedAt < :to)";
    /** A case transferred to another district counts there, not here (V27, ADR 0037). */
    private static final String HANDLED_HERE = "(c.transferState is null or c.transferState <> 'SENT')";
    private static final String OPEN = "c.status not in (CLOSED, EVALUATED, REJECTED)";
    private static final String RUNNING = "c.status not in (CLOSED, EVALUATED, REJECTED, POSTPONED)";
    private static final String HOURS = "cast(sql('date_part(''epoch'', ? - ?) / 3600', c.closedAt, c.registeredAt) as Double)";

    /**
     * The figures, in the order {@link #figures} reads them. {@code %P} stands for "reported in the
     * period", {@code %T} for "resolved at town level", {@code %H} for the hours from registration to
     * closure. The last two, pendingNow and overdueNow, count every row the query reads.
     */
    private static final String FIGURES = """
            count(*) filter (where %P),
            count(c.registeredAt) filter (where %P),
            count(*) filter (where %P and c.registeredAt is not null and c.status not in (REJECTED, POSTPONED)
                                 and (c.closedAt is not null or c.dueAt < :now)),
            count(c.closedAt) filter (where %P),
            count(*) filter (where %P and c.closedAt is not null and c.closedOnTime = true),
            count(c.feedbackAt) filter (where %P),
            count(*) filter (where %P and c.reworkCount > 0),
            count(*) filter (where %P and c.postponeCount > 0),
            count(c.satisfaction) filter (where %P),
            count(*) filter (where %P and c.satisfaction >= 4),
            avg(c.satisfaction) filter (where %P),
            avg(%H) filter (where %P and c.closedAt is not null),
            percentile_cont(0.9) within group (order by %H) filter (where %P and c.closedAt is not null),
            count(*) filter (where %P and c.closedAt is not null and %T),
            count(*) filter (where %O),
            count(*) filter (where %R and c.dueAt < :now)""";

    private static final int FIGURE_COLUMNS = 16;

    private final String hql;
    /** The count of the cases open now reported outside the period, or null when only the period is read. */
    private final String openHql;
    private final boolean grouped;
    private final List<String> townLevel;
    /** The area's named parameters (none for the whole district). */
    private final Map<String, Object> areaParams = new LinkedHashMap<>();

    /**
     * @param key        HQL of the group key as selected, or null for one row over everything
     * @param groupBy    HQL of the group by; {@code key} must be a function of it. Only literals, no
     *                   parameters: PostgreSQL does not see two bind parameters as one expression
     * @param periodOnly read only the period's cases, so that pendingNow/overdueNow count the
     *                   period's open cases (a breakdown by month); otherwise every case open now is
     *                   read as well
     * @param area       the grid subtrees to read, or null for the whole district
     */
    KpiQuery(TenantDefinition tenant, String key, String groupBy, boolean periodOnly, GridArea area) {
        this.townLevel = tenant.departmentsOfKind(TOWN_LEVEL_KIND).stream().map(DepartmentDefinition::code).toList();
        // a tenant without street offices resolves nothing at town level; "in ()" is not valid HQL
        String town = townLevel.isEmpty() ? "1 = 0"
                : "c.leadDepartment in (:town) and array_includes(:townArray, c.coDepartments)";
        // only the period's cases are read by the first pass: "in the period" holds for every row
        String figures = FIGURES.replace("%H", HOURS).replace("%T", town).replace("%O", OPEN).replace("%R", RUNNING)
                .replace(" filter (where %P)", "").replace("%P and ", "");
        // a merged duplicate (合并的重复件) counts through its master only (ADR 0034)
        String cases = " from CaseEntity c where c.mergedInto is null and " + HANDLED_HERE
                + (area == null ? "" : " and " + area.hql("c", "area", areaParams));
        this.grouped = key != null;
        this.hql = select(key, figures, cases + " and " + PERIOD, groupBy);
        this.openHql = periodOnly ? null : select(key, "count(*), count(*) filter (where " + RUNNING + " and c.dueAt < :now)",
                cases + " and " + OPEN + " and (c.reportedAt < :from or c.reportedAt >= :to)", groupBy);
    }

    private String select(String key, String figures, String from, String groupBy) {
        return grouped ? "select " + key + ", " + figures + from + " group by " + groupBy : "select " + figures + from;
    }

    String hql() {
        return hql;
    }

    /** Runs the query in {@code session}, which must be bound to the tenant; one row per group. */
    List<Object[]> run(Session session, Instant from, Instant to, Instant now) {
        // Not a query over tenant data: a setting for this transaction. After five executions of a
        // prepared statement PostgreSQL may switch to a generic plan, which cannot see how wide the
        // period is and reads a year of cases through an index (4 s instead of 1.5 s in kpi-bench).
        session.createNativeMutationQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        var query = session.createSelectionQuery(hql, Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now);
        if (!townLevel.isEmpty()) {
            query.setParameterList("town", townLevel).setParameter("townArray", townLevel.toArray(String[]::new));
        }
        areaParams.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        if (openHql == null) {
            return rows;
        }
        var open = session.createSelectionQuery(openHql, Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now);
        areaParams.forEach(open::setParameter);
        return withOpenNow(rows, open.getResultList());
    }

    /** The period's rows with the second pass's counts added to pendingNow and overdueNow, group by group. */
    private List<Object[]> withOpenNow(List<Object[]> rows, List<Object[]> open) {
        int o = grouped ? 1 : 0;
        Map<String, Object[]> byKey = new LinkedHashMap<>();
        List<Object[]> all = new ArrayList<>(rows);
        rows.forEach(r -> byKey.put(key(r), r));
        for (Object[] counts : open) {
            Object[] row = byKey.computeIfAbsent(key(counts), k -> {
                Object[] none = new Object[o + FIGURE_COLUMNS]; // a group with open cases only: no period figures
                if (grouped) {
                    none[0] = k;
                }
                all.add(none);
                return none;
            });
            row[o + 14] = num(row[o + 14]) + num(counts[o]);
            row[o + 15] = num(row[o + 15]) + num(counts[o + 1]);
        }
        return all;
    }

    /** The group key of a row of a grouped query. */
    String key(Object[] row) {
        return grouped ? (String) row[0] : null;
    }

    /** The figures of one row. */
    KpiFigures figures(String tenantId, Instant from, Instant to, Object[] row) {
        int o = grouped ? 1 : 0;
        if (row.length != o + FIGURE_COLUMNS) {
            throw new IllegalStateException("KPI query returned " + row.length + " columns");
        }
        long reported = num(row[o]);
        long registered = num(row[o + 1]);
        long due = num(row[o + 2]);
        long closed = num(row[o + 3]);
        long onTime = num(row[o + 4]);
        long verified = num(row[o + 5]);
        long reworked = num(row[o + 6]);
        long postponed = num(row[o + 7]);
        long evaluated = num(row[o + 8]);
        long satisfied = num(row[o + 9]);
        Double avgSatisfaction = decimal(row[o + 10]);
        Double avgHours = decimal(row[o + 11]);
        Double p90Hours = decimal(row[o + 12]);
        long townResolved = num(row[o + 13]);
        return new KpiFigures(tenantId, from, to, reported, registered, due, closed, onTime, verified, reworked,
                postponed, evaluated, KpiFigures.rate(closed, due), KpiFigures.rate(onTime, due),
                KpiFigures.rate(reworked, verified), KpiFigures.rate(postponed, registered), avgHours, p90Hours,
                KpiFigures.rate(satisfied, evaluated), avgSatisfaction, townResolved,
                KpiFigures.rate(townResolved, closed), null, num(row[o + 14]), num(row[o + 15]));
    }

    /** Figures of a group without any case (a month without reports). */
    static KpiFigures empty(String tenantId, Instant from, Instant to) {
        return new KpiFigures(tenantId, from, to, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null,
                null, null, 0, null, null, 0, 0);
    }

    private static long num(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    private static Double decimal(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
