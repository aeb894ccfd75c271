package org.gongzhi.core.service.kpi;

/**
 * One group of a {@link KpiBreakdown}.
 *
 * @param key     the group's code: grid code, department code, family constant, channel wire name
 *                or month {@code yyyy-MM}; null for the cases that have no value in the dimension
 *                (not located at the chosen grid level, not dispatched)
 * @param label   the group's zh-CN name (for null keys a description of what the group holds)
 * @param figures the group's figures; {@code from}/{@code to} are the month's bounds in a breakdown
 *                by month and the period otherwise
 * @since 1.1
 */
public record KpiRow(String key, String label, KpiFigures figures) {
}
