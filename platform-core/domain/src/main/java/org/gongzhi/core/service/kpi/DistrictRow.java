package org.gongzhi.core.service.kpi;

/**
 * One district in the {@link CityKpis}.
 *
 * @param tenantId       the district
 * @param name           its zh-CN name
 * @param figures        its figures for the period
 * @param rank           1 for the best; districts with equal on-time closure and closure rates
 *                       share a rank; null when the district is not ranked
 * @param unrankedReason why the district has no rank (too few due cases); null when ranked
 * @since 1.1
 */
public record DistrictRow(String tenantId, String name, KpiFigures figures, Integer rank, String unrankedReason) {
}
