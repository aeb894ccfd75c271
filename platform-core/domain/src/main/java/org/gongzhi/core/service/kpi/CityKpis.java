package org.gongzhi.core.service.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The city-wide roll-up (全市汇总): every district's figures side by side with a ranking, and the
 * city total. Districts are ranked by on-time closure rate, then closure rate, both descending;
 * only districts with at least {@code minCases} cases due to close (and at least one) are ranked.
 *
 * @param from      start of the period, inclusive
 * @param to        end of the period, exclusive
 * @param minCases  the minimum number of cases due to close a district needs to be ranked
 * @param total     the districts' figures added up ({@code tenantId} null); rates and means are
 *                  recomputed from the summed counts; {@code p90HandlingHours} is null because a
 *                  percentile cannot be added up from the districts' percentiles
 * @param districts the districts, ranked ones first by rank, then the unranked ones
 * @since 1.1
 */
public record CityKpis(Instant from, Instant to, long minCases, KpiFigures total, List<DistrictRow> districts) {

    public CityKpis {
        districts = List.copyOf(districts);
    }
}
