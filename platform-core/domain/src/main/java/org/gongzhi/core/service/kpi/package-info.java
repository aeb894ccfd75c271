/**
 * Key performance indicators of a district and of the city, over a period, with breakdowns by
 * grid, department, category and channel. The definitions are in {@code docs/kpis.md}.
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district)
 * id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 *
 * <p>1.3.0: figures and breakdowns of an area (grid subtrees) for the street and community centres.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.gongzhi.core.service.kpi;
