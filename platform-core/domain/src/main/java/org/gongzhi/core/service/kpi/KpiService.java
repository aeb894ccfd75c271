package org.gongzhi.core.service.kpi;

import java.time.Instant;

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
    KpiFigures figures(String tenantId, Instant from, Instant to);

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
    KpiBreakdown breakdown(String tenantId, Instant from, Instant to, KpiDimension dimension, GridLevel level);

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
