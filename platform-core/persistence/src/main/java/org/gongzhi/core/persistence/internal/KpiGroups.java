package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiRow;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The groups of a KPI breakdown: the HQL key expression of each dimension, and the label and
 * order of its groups from the district's definition.
 */
final class KpiGroups {

    /** Months a breakdown by month may cover. */
    static final int MAX_MONTHS = 120;

    private static final Pattern IANA_ZONE = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*");

    private final TenantDefinition tenant;
    private final KpiDimension dimension;
    private final GridLevel level;

    KpiGroups(TenantDefinition tenant, KpiDimension dimension, GridLevel level) {
        this.tenant = tenant;
        this.dimension = dimension;
        GridLevel l = level == null ? GridLevel.STREET : level;
        if (dimension == KpiDimension.GRID && l != GridLevel.STREET && l != GridLevel.COMMUNITY && l != GridLevel.GRID) {
            throw new ValidationException("level", "网格汇总层级须为 street、community 或 grid (level must be street, community or grid): "
                    + l.name().toLowerCase(Locale.ROOT));
        }
        this.level = dimension == KpiDimension.GRID ? l : null;
    }

    /** Refuses a breakdown by month over more than {@link #MAX_MONTHS} months (before anything is queried). */
    void checkPeriod(Instant from, Instant to) {
        if (dimension != KpiDimension.MONTH) {
            return;
        }
        YearMonth first = YearMonth.from(from.atZone(tenant.timeZone()));
        YearMonth last = YearMonth.from(to.minusNanos(1).atZone(tenant.timeZone()));
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw new ValidationException("from", "按月统计最多 " + MAX_MONTHS + " 个月 (a breakdown by month covers at most "
                    + MAX_MONTHS + " months)");
        }
    }

    /** The level rolled up to, for a breakdown by grid; null otherwise. */
    GridLevel level() {
        return level;
    }

    /** The HQL of the group key as selected: a string. */
    String keyExpression() {
        if (dimension == KpiDimension.MONTH) {
            String zone = zoneLiteral(tenant.timeZone());
            return "cast(sql('to_char(date_trunc(''month'', ?, ''" + zone + "'') at time zone ''" + zone
                    + "'', ''YYYY-MM'')', c.reportedAt) as String)";
        }
        return groupExpression();
    }

    /**
     * The HQL of the group by. Literals only, no parameters. By month the cases are grouped by the
     * truncated instant and the key is formatted per group: formatting every row and grouping by
     * text costs about a fifth of the query over a year of cases.
     */
    String groupExpression() {
        return switch (dimension) {
            // grid_path is "district/street/community/grid[/building]": the code at the level's depth
            case GRID -> "nullif(split_part(c.gridPath, '/', " + (level.depth() + 1) + "), '')";
            case DEPARTMENT -> "c.leadDepartment";
            case FAMILY -> "c.family";
            case CHANNEL -> "c.channel";
            case MONTH -> "sql('date_trunc(''month'', ?, ''" + zoneLiteral(tenant.timeZone()) + "'')', c.reportedAt)";
        };
    }

    /** PostgreSQL's name of the zone; only IANA region names and UTC offsets reach the query. */
    private static String zoneLiteral(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            // PostgreSQL reads a bare "+08:00" as a POSIX offset, west positive: spell it so
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds()).getId();
        }
        if (!IANA_ZONE.matcher(zone.getId()).matches()) {
            throw new IllegalStateException("time zone of tenant is not an IANA name: " + zone.getId());
        }
        return zone.getId();
    }

    /** Rows for the query's groups, in the dimension's order, the null key last. */
    List<KpiRow> rows(Map<String, KpiFigures> byKey, String tenantId, Instant from, Instant to) {
        if (dimension == KpiDimension.MONTH) {
            return months(byKey, tenantId, from, to);
        }
        Map<String, Integer> order = order();
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(Comparator.<String, Boolean>comparing(k -> k == null)
                .thenComparing(k -> order.getOrDefault(k, Integer.MAX_VALUE))
                .thenComparing(Comparator.nullsLast(Comparator.naturalOrder())));
        List<KpiRow> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new KpiRow(key, label(key), byKey.get(key)));
        }
        return rows;
    }

    /** Every month the period touches, in the tenant's zone, each with its bounds clipped to the period. */
    private List<KpiRow> months(Map<String, KpiFigures> byKey, String tenantId, Instant from, Instant to) {
        ZoneId zone = tenant.timeZone();
        YearMonth first = YearMonth.from(from.atZone(zone));
        YearMonth last = YearMonth.from(to.minusNanos(1).atZone(zone));
        List<KpiRow> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Instant start = max(from, m.atDay(1).atStartOfDay(zone).toInstant());
            Instant end = min(to, m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
            String key = m.toString();
            KpiFigures f = byKey.get(key);
            f = f == null ? KpiQuery.empty(tenantId, start, end) : withPeriod(f, start, end);
            rows.add(new KpiRow(key, m.getYear() + "年" + m.getMonthValue() + "月", f));
        }
        return rows;
    }

    private Map<String, Integer> order() {
        Map<String, Integer> order = new HashMap<>();
        switch (dimension) {
            case GRID -> tenant.grids().all().forEach(n -> order.putIfAbsent(n.code(), order.size()));
            case DEPARTMENT -> tenant.departments().forEach(d -> order.putIfAbsent(d.code(), order.size()));
            case FAMILY -> {
                for (CategoryFamily f : CategoryFamily.values()) {
                    order.put(f.name(), f.ordinal());
                }
            }
            case CHANNEL -> {
                for (Channel c : Channel.values()) {
                    order.put(c.wireName(), c.ordinal());
                }
            }
            default -> {
                // months are ordered by themselves
            }
        }
        return order;
    }

    private String label(String key) {
        return switch (dimension) {
            case GRID -> key == null
                    ? "未定位到" + level.labelZh() + "一级 (not located down to " + level.labelEn().toLowerCase(Locale.ROOT) + " level)"
                    : tenant.grids().find(key).map(GridNode::name).orElse(key);
            case DEPARTMENT -> key == null ? "未派遣 (not dispatched)"
                    : tenant.department(key).map(DepartmentDefinition::name).orElse(key);
            case FAMILY -> key == null ? "未分类 (no family)" : safeFamily(key);
            case CHANNEL -> key == null ? "未知渠道 (no channel)"
                    : Channel.fromWireName(key).map(Channel::labelZh).orElse(key);
            case MONTH -> key;
        };
    }

    private static String safeFamily(String key) {
        for (CategoryFamily f : CategoryFamily.values()) {
            if (f.name().equals(key)) {
                return f.labelZh();
            }
        }
        return key;
    }

    private static KpiFigures withPeriod(KpiFigures f, Instant from, Instant to) {
        return new KpiFigures(f.tenantId(), from, to, f.reported(), f.registered(), f.dueToClose(), f.closed(),
                f.closedOnTime(), f.verified(), f.reworked(), f.postponed(), f.evaluated(), f.closureRate(),
                f.onTimeClosureRate(), f.reworkRate(), f.postponementRate(), f.averageHandlingHours(),
                f.p90HandlingHours(), f.satisfactionRate(), f.averageSatisfaction(), f.resolvedAtTownOrVillage(),
                f.townOrVillageShare(), f.mediationSuccessRate(), f.pendingNow(), f.overdueNow());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
