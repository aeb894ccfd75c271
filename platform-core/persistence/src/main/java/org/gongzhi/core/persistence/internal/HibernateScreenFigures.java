package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.screen.DistrictScreen.DepartmentRow;
import org.gongzhi.core.service.screen.DistrictScreen.Dispatch;
import org.gongzhi.core.service.screen.DistrictScreen.FamilyRow;
import org.gongzhi.core.service.screen.DistrictScreen.GridRow;
import org.gongzhi.core.service.screen.DistrictScreen.Month;
import org.gongzhi.core.service.screen.DistrictScreen.Today;
import org.gongzhi.core.service.screen.DistrictScreen.TrendMonth;
import org.gongzhi.core.service.screen.DistrictScreen;
import org.gongzhi.core.service.screen.ScreenFigures;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The big screen's figures, aggregated by PostgreSQL in one read-only, repeatable-read transaction (one
 * snapshot): the month's KPI figures and its breakdowns by family, department and grid are
 * {@link KpiQuery}'s own queries (so they equal the KPI API's), plus three queries of the screen's own
 * ({@link ScreenQueries}): the 12-month trend, today's flow with the dispatch timing, and the open cases
 * per grid path. Nothing is cached here; the REST layer caches per district.
 */
@Component(service = ScreenFigures.class)
public final class HibernateScreenFigures implements ScreenFigures {

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateScreenFigures(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernateScreenFigures(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public DistrictScreen district(String tenantId) {
        TenantDefinition tenant = tenants.require(tenantId);
        Instant now = clock.instant();
        ZoneId zone = tenant.timeZone();
        LocalDate day = LocalDate.ofInstant(now, zone);
        YearMonth month = YearMonth.from(day);
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<YearMonth> months = new ArrayList<>();
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            months.add(month.minusMonths(i));
        }
        KpiQuery figures = new KpiQuery(tenant, null, null, false, null);
        KpiQuery byFamily = breakdown(tenant, KpiDimension.FAMILY, null);
        KpiQuery byDepartment = breakdown(tenant, KpiDimension.DEPARTMENT, null);
        KpiQuery byGrid = breakdown(tenant, KpiDimension.GRID, GridLevel.GRID);
        ScreenQueries screen = new ScreenQueries(months, zone);

        return db.inTenant(tenantId, s -> {
            // one snapshot for every figure, and no writes (the first statement of the transaction)
            s.createNativeMutationQuery("set transaction isolation level repeatable read, read only").executeUpdate();
            KpiFigures total = figures.figures(tenantId, monthStart, monthEnd, figures.run(s, monthStart, monthEnd, now).get(0));
            Map<String, KpiFigures> families = grouped(s, byFamily, tenantId, monthStart, monthEnd, now);
            Map<String, KpiFigures> departments = grouped(s, byDepartment, tenantId, monthStart, monthEnd, now);
            Map<String, KpiFigures> grids = grouped(s, byGrid, tenantId, monthStart, monthEnd, now);
            List<TrendMonth> trend = screen.trend(s, now);
            ScreenQueries.Flow flow = screen.today(s, dayStart, dayEnd);
            ScreenQueries.Open open = screen.open(s, now);
            return new DistrictScreen(tenantId, tenant.name(), now,
                    new Today(flow.reported(), flow.dispatched(), flow.closed()),
                    total.pendingNow(), total.overdueNow(), open.warning(),
                    new Month(month.toString(), total.dueToClose(), total.closed(), total.closedOnTime(), total.closureRate(),
                            total.onTimeClosureRate(), total.averageSatisfaction(), total.evaluated()),
                    trend, familyRows(families), departmentRows(tenant, departments),
                    ScreenRows.rank(gridRows(tenant, grids), RANKED_GRIDS),
                    ScreenRows.openByGrid(tenant, open.byPath()),
                    new Dispatch(flow.dispatched(), flow.medianSeconds(), flow.p90Seconds(), DISPATCH_TARGET_SECONDS,
                            flow.withinTarget()));
        });
    }

    private static KpiQuery breakdown(TenantDefinition tenant, KpiDimension dimension, GridLevel level) {
        KpiGroups groups = new KpiGroups(tenant, dimension, level);
        return new KpiQuery(tenant, groups.keyExpression(), groups.groupExpression(), false, null);
    }

    private static Map<String, KpiFigures> grouped(Session s, KpiQuery query, String tenantId, Instant from, Instant to,
                                                   Instant now) {
        Map<String, KpiFigures> byKey = new HashMap<>();
        for (Object[] row : query.run(s, from, to, now)) {
            byKey.put(query.key(row), query.figures(tenantId, from, to, row));
        }
        return byKey;
    }

    private static List<FamilyRow> familyRows(Map<String, KpiFigures> byFamily) {
        Map<CategoryFamily, FamilyRow> rows = new EnumMap<>(CategoryFamily.class);
        for (CategoryFamily f : CategoryFamily.values()) {
            KpiFigures k = byFamily.get(f.name());
            rows.put(f, new FamilyRow(f, k == null ? 0 : k.reported(), k == null ? 0 : k.pendingNow()));
        }
        return List.copyOf(rows.values());
    }

    private static List<DepartmentRow> departmentRows(TenantDefinition tenant, Map<String, KpiFigures> byDepartment) {
        List<DepartmentRow> rows = new ArrayList<>();
        byDepartment.forEach((code, k) -> {
            if (code != null) {
                String name = tenant.department(code).map(DepartmentDefinition::name).orElse(code);
                rows.add(new DepartmentRow(code, name, k.pendingNow(), k.overdueNow(), k.onTimeClosureRate()));
            }
        });
        return ScreenRows.departments(tenant, rows);
    }

    /** The grids' rows in the tree's order (codes no longer defined last). */
    private static List<GridRow> gridRows(TenantDefinition tenant, Map<String, KpiFigures> byGrid) {
        List<GridRow> rows = new ArrayList<>();
        Map<String, KpiFigures> left = new TreeMap<>();
        byGrid.forEach((code, k) -> {
            if (code != null) {
                left.put(code, k);
            }
        });
        for (GridNode node : tenant.grids().all()) {
            KpiFigures k = left.remove(node.code());
            if (k != null) {
                rows.add(new GridRow(node.code(), node.name(), k.closureRate(), k.closed(), k.dueToClose()));
            }
        }
        left.forEach((code, k) -> rows.add(new GridRow(code, code, k.closureRate(), k.closed(), k.dueToClose())));
        return rows;
    }
}
