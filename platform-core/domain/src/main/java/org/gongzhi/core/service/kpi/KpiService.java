package org.gongzhi.core.service.kpi;

import java.time.Instant;
import java.util.Set;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Key performance figures (考核指标), aggregated in the database. Implemented by persistence;
 * called by REST resources and reports. docs/kpis.md states every formula.
 */
@ProviderType
public interface KpiService {

    /**
     * Figures for cases reported in [{@code from}, {@code to}) of one tenant.
     *
     * @throws NotFoundException   for an unknown tenant
     * @throws ValidationException ({@code from}) when {@code from} is not before {@code to}
     */
    default KpiFigures figures(String tenantId, Instant from, Instant to) {
        return figures(tenantId, from, to, Set.of());
    }

    /**
     * {@link #figures(String, Instant, Instant)} of the cases in the subtrees of the grid nodes {@code area} names
     * (a street or community centre's own area, ADR 0036): cases, supervision and repeats alike. An empty area
     * is the whole district; codes not in the district's tree match nothing.
     *
     * @since 1.3
     */
    KpiFigures figures(String tenantId, Instant from, Instant to, Set<String> area);

    /**
     * Figures for cases reported in [{@code from}, {@code to}) of one tenant, split by
     * {@code dimension}; computed by one grouped query.
     *
     * @param level for {@link KpiDimension#GRID} the level to roll the grids up to:
     *              {@link GridLevel#STREET}, {@link GridLevel#COMMUNITY} or {@link GridLevel#GRID};
     *              null means street; ignored by the other dimensions
     * @throws NotFoundException   for an unknown tenant
     * @throws ValidationException ({@code from}) when {@code from} is not before {@code to};
     *                             ({@code level}) for another grid level;
     *                             ({@code from}) for a breakdown by month over more than 10 years
     * @since 1.1
     */
    default KpiBreakdown breakdown(String tenantId, Instant from, Instant to, KpiDimension dimension, GridLevel level) {
        return breakdown(tenantId, from, to, dimension, level, Set.of());
    }

    /**
     * {@link #breakdown(String, Instant, Instant, KpiDimension, GridLevel)} of the cases in {@code area}'s
     * subtrees, as {@link #figures(String, Instant, Instant, Set)} limits them.
     *
     * @since 1.3
     */
    KpiBreakdown breakdown(String tenantId, Instant from, Instant to, KpiDimension dimension, GridLevel level,
                           Set<String> area);

    /**
     * The city-wide roll-up: every district's figures for [{@code from}, {@code to}), ranked. Spans
     * all tenants, so unlike the other methods it takes no tenant; callers are city administrators.
     *
     * @param minCases districts with fewer cases due to close are not ranked
     * @throws ValidationException ({@code from}) when {@code from} is not before {@code to};
     *                             ({@code minCases}) when it is negative
     * @since 1.1
     */
    CityKpis city(Instant from, Instant to, int minCases);
}
