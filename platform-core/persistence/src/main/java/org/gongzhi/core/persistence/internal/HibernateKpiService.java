package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.kpi.CityKpis;
import org.gongzhi.core.service.kpi.DistrictRow;
import org.gongzhi.core.service.kpi.KpiBreakdown;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * KPIs aggregated by the database: one grouped HQL query ({@link KpiQuery}) per figure set or
 * breakdown, in a session bound to the tenant; the city roll-up asks each district in turn. A
 * district's figures add the supervision figures of the period ({@link SupervisionRows#figures}) in the
 * same transaction; breakdown rows carry none.
 */
@Component(service = KpiService.class)
public final class HibernateKpiService implements KpiService {

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateKpiService(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernateKpiService(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public KpiFigures figures(String tenantId, Instant from, Instant to, Set<String> area) {
        TenantDefinition tenant = tenants.require(tenantId);
        requirePeriod(from, to);
        GridArea grids = area(tenant, area);
        KpiQuery query = new KpiQuery(tenant, null, null, false, grids);
        Instant now = clock.instant();
        return db.inTenant(tenantId, s -> {
            KpiFigures cases = query.figures(tenantId, from, to, query.run(s, from, to, now).get(0));
            long[] sv = SupervisionRows.figures(s, tenantId, from, to, now, grids);
            Map<String, Object> params = new LinkedHashMap<>();
            String inArea = grids == null ? "" : " and " + grids.hql("c", "area", params);
            var repeats = s.createSelectionQuery("select count(*) from CaseEntity c where c.reportedAt >= :from"
                            + " and c.reportedAt < :to and c.repeatNumber > 1 and c.mergedInto is null" + inArea, Long.class)
                    .setParameter("from", from).setParameter("to", to);
            params.forEach(repeats::setParameter);
            return cases.withSupervision(sv[0], sv[1], sv[2], sv[3], sv[4]).withRepeats(repeats.getSingleResult());
        });
    }

    @Override
    public KpiBreakdown breakdown(String tenantId, Instant from, Instant to, KpiDimension dimension, GridLevel level,
                                  Set<String> area) {
        TenantDefinition tenant = tenants.require(tenantId);
        requirePeriod(from, to);
        if (dimension == null) {
            throw new ValidationException("dimension", "须指定分组维度 (a dimension is required)");
        }
        KpiGroups groups = new KpiGroups(tenant, dimension, level);
        groups.checkPeriod(from, to);
        KpiQuery query = new KpiQuery(tenant, groups.keyExpression(), groups.groupExpression(),
                dimension == KpiDimension.MONTH, area(tenant, area));
        Instant now = clock.instant();
        List<Object[]> rows = db.inTenant(tenantId, s -> query.run(s, from, to, now));
        Map<String, KpiFigures> byKey = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byKey.put(query.key(row), query.figures(tenantId, from, to, row));
        }
        String levelName = groups.level() == null ? null : groups.level().name().toLowerCase(Locale.ROOT);
        return new KpiBreakdown(dimension.wireName(), levelName, groups.rows(byKey, tenantId, from, to));
    }

    @Override
    public CityKpis city(Instant from, Instant to, int minCases) {
        requirePeriod(from, to);
        if (minCases < 0) {
            throw new ValidationException("minCases", "minCases 不能为负数 (must not be negative)");
        }
        List<DistrictRow> unranked = new ArrayList<>();
        for (TenantDefinition t : tenants.tenants()) {
            unranked.add(new DistrictRow(t.id(), t.name(), figures(t.id(), from, to), null, null));
        }
        return new CityKpis(from, to, minCases, CityRanking.total(from, to, unranked),
                CityRanking.rank(unranked, minCases));
    }

    /** The area's grid subtrees, or null for the whole district (no area given). */
    private static GridArea area(TenantDefinition tenant, Set<String> area) {
        return area == null || area.isEmpty() ? null : GridArea.of(tenant, area);
    }

    private static void requirePeriod(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ValidationException("from", "统计起点须早于终点 (from must be before to)");
        }
    }
}
