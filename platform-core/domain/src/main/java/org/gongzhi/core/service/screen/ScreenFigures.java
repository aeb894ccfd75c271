package org.gongzhi.core.service.screen;

import org.osgi.annotation.versioning.ProviderType;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.kpi.KpiService;

/**
 * The figures of a district's big screen (大屏), aggregated by the database from the district's cases.
 * Implemented by the persistence bundle; called by the REST resources of the wall screens, which cache
 * the answer per district for a few seconds (one computation serves every screen on the wall).
 *
 * <p>Contract:
 * <ul>
 * <li>Every figure of one answer comes from one consistent snapshot of the cases, taken at
 * {@link DistrictScreen#generatedAt()}: {@code open} is the sum of the streets' {@code openByGrid}
 * plus the cases located at no street, and so on.</li>
 * <li>The month figures ({@link DistrictScreen.Month}), the trend, the departments' and the grids'
 * rates are the KPI figures of docs/kpis.md for the same periods: they equal what {@link KpiService}
 * answers at the same moment.</li>
 * <li>"Today" and "this month" are the calendar day and month in the district's time zone.</li>
 * <li>Blocking: a few database round trips in one read-only transaction, tens of milliseconds at
 * 100,000 cases; never call it per request without a cache. Thread-safe.</li>
 * <li>Personal data: none. Only counts, rates and codes; no case, title, address or person.</li>
 * </ul>
 *
 * @since 1.8
 */
@ProviderType
public interface ScreenFigures {

    /** The report → dispatch target (seed 004: a report is assigned "within 3 minutes"), in seconds. */
    int DISPATCH_TARGET_SECONDS = 180;

    /** How many grids {@link DistrictScreen.Grids#top()} and {@link DistrictScreen.Grids#bottom()} hold at most. */
    int RANKED_GRIDS = 5;

    /** Months in {@link DistrictScreen#trend()}, the current one included. */
    int TREND_MONTHS = 12;

    /**
     * The district's figures now.
     *
     * @throws NotFoundException for an unknown district
     */
    DistrictScreen district(String tenantId);
}
