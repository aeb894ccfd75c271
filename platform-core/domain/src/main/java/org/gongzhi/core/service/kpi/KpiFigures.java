package org.gongzhi.core.service.kpi;

import java.time.Instant;

/**
 * Key figures (考核指标) of one tenant, or of one group of a {@link KpiBreakdown}, for the cases
 * reported in [{@code from}, {@code to}). Rates are in [0, 1] and null when their denominator is
 * zero; docs/kpis.md states every formula.
 * <ul>
 * <li>结案率 closureRate = closed / dueToClose</li>
 * <li>按期结案率 onTimeClosureRate = closedOnTime / dueToClose</li>
 * <li>返工率 reworkRate = cases reworked at least once / cases that reached verification</li>
 * <li>延期率 postponementRate = cases postponed at least once / registered</li>
 * <li>满意率 satisfactionRate = evaluations of 4 or 5 / evaluations</li>
 * <li>镇村两级解决率 townOrVillageShare = resolvedAtTownOrVillage / closed</li>
 * <li>督办件按期办结率 supervisionOnTimeRate = supervisionOnTime / supervisionDue (below)</li>
 * <li>调解成功率 mediationSuccessRate: always null here; mediation is recorded by the mediation
 * plugin, whose records the core does not read</li>
 * </ul>
 * dueToClose counts registered cases that are closed or whose due time has passed, leaving out
 * rejected cases and cases postponed (缓办) at the moment of counting. Handling time runs from
 * registration to closure of the closed cases. resolvedAtTownOrVillage counts closed cases whose
 * lead department and every co-department are of kind {@code STREET_OFFICE} (街道/镇), i.e. no
 * district department was dispatched. pendingNow and overdueNow count the cases (of the group, in
 * a breakdown) open or overdue at the moment of counting, whatever their reporting date; in a
 * breakdown by month the group is the reporting month, so they count that month's cases.
 *
 * <p>Supervision (督办, since 1.1 of this package) counts records issued in the period, whatever
 * their case's reporting date: reminders 催办, supervisionOrders 督办件 issued (orders, listed
 * matters and escalations), escalations 提级督办. 督办件按期办结率 supervisionOnTimeRate =
 * supervisionOnTime / supervisionDue, where supervisionDue counts the orders whose deadline falls in
 * the period and that are settled (answered, or their case closed) or whose deadline has passed at the
 * moment of counting, and supervisionOnTime those settled by their deadline. These six are figures of
 * the district (and of the city total); the rows of a {@link KpiBreakdown} carry 0 and null for them.
 *
 * <p>重复投诉率 repeatRate (since package version 1.2.0) = repeated / reported, where repeated counts the
 * period's reports that repeat an earlier one of the same category by the same phone or at the same place
 * within 30 days (ADR 0034). Merged duplicates (合并的重复件) are left out of every figure: the master
 * counts once.
 *
 * @param tenantId the district, or null for a city-wide total
 * @since 1.0 (postponementRate, p90HandlingHours, resolvedAtTownOrVillage, townOrVillageShare and
 *        mediationSuccessRate since 1.1; reminders, supervisionOrders, escalations, supervisionDue,
 *        supervisionOnTime and supervisionOnTimeRate since package version 1.1.0, issue 16)
 */
public record KpiFigures(String tenantId, Instant from, Instant to, long reported, long registered,
                         long dueToClose, long closed, long closedOnTime, long verified, long reworked,
                         long postponed, long evaluated, Double closureRate, Double onTimeClosureRate,
                         Double reworkRate, Double postponementRate, Double averageHandlingHours,
                         Double p90HandlingHours, Double satisfactionRate, Double averageSatisfaction,
                         long resolvedAtTownOrVillage, Double townOrVillageShare, Double mediationSuccessRate,
                         long pendingNow, long overdueNow, long reminders, long supervisionOrders,
                         long escalations, long supervisionDue, long supervisionOnTime,
                         Double supervisionOnTimeRate, long repeated, Double repeatRate) {

    /** Figures without repeat complaints (the constructor of package version 1.1.0): 0 and null. */
    public KpiFigures(String tenantId, Instant from, Instant to, long reported, long registered,
                      long dueToClose, long closed, long closedOnTime, long verified, long reworked,
                      long postponed, long evaluated, Double closureRate, Double onTimeClosureRate,
                      Double reworkRate, Double postponementRate, Double averageHandlingHours,
                      Double p90HandlingHours, Double satisfactionRate, Double averageSatisfaction,
                      long resolvedAtTownOrVillage, Double townOrVillageShare, Double mediationSuccessRate,
                      long pendingNow, long overdueNow, long reminders, long supervisionOrders,
                      long escalations, long supervisionDue, long supervisionOnTime,
                      Double supervisionOnTimeRate) {
        this(tenantId, from, to, reported, registered, dueToClose, closed, closedOnTime, verified, reworked,
                postponed, evaluated, closureRate, onTimeClosureRate, reworkRate, postponementRate,
                averageHandlingHours, p90HandlingHours, satisfactionRate, averageSatisfaction,
                resolvedAtTownOrVillage, townOrVillageShare, mediationSuccessRate, pendingNow, overdueNow,
                reminders, supervisionOrders, escalations, supervisionDue, supervisionOnTime, supervisionOnTimeRate,
                0, null);
    }

    /**
     * These figures with the count of repeat complaints (重复投诉: reports whose repeat number is 2 or more,
     * ADR 0034) among the period's reports; 重复投诉率 repeatRate = repeated / reported.
     *
     * @since package version 1.2.0
     */
    public KpiFigures withRepeats(long repeated) {
        return new KpiFigures(tenantId, from, to, reported, registered, dueToClose, closed, closedOnTime, verified,
                reworked, postponed, evaluated, closureRate, onTimeClosureRate, reworkRate, postponementRate,
                averageHandlingHours, p90HandlingHours, satisfactionRate, averageSatisfaction,
                resolvedAtTownOrVillage, townOrVillageShare, mediationSuccessRate, pendingNow, overdueNow,
                reminders, supervisionOrders, escalations, supervisionDue, supervisionOnTime, supervisionOnTimeRate,
                repeated, rate(repeated, reported));
    }

    /** Figures without supervision (the constructor of package version 1.0.0): its six figures 0 and null. */
    public KpiFigures(String tenantId, Instant from, Instant to, long reported, long registered,
                      long dueToClose, long closed, long closedOnTime, long verified, long reworked,
                      long postponed, long evaluated, Double closureRate, Double onTimeClosureRate,
                      Double reworkRate, Double postponementRate, Double averageHandlingHours,
                      Double p90HandlingHours, Double satisfactionRate, Double averageSatisfaction,
                      long resolvedAtTownOrVillage, Double townOrVillageShare, Double mediationSuccessRate,
                      long pendingNow, long overdueNow) {
        this(tenantId, from, to, reported, registered, dueToClose, closed, closedOnTime, verified, reworked,
                postponed, evaluated, closureRate, onTimeClosureRate, reworkRate, postponementRate,
                averageHandlingHours, p90HandlingHours, satisfactionRate, averageSatisfaction,
                resolvedAtTownOrVillage, townOrVillageShare, mediationSuccessRate, pendingNow, overdueNow,
                0, 0, 0, 0, 0, null);
    }

    /**
     * These figures with the supervision figures of the same period.
     *
     * @since package version 1.1.0
     */
    public KpiFigures withSupervision(long reminders, long supervisionOrders, long escalations, long supervisionDue,
                                      long supervisionOnTime) {
        return new KpiFigures(tenantId, from, to, reported, registered, dueToClose, closed, closedOnTime, verified,
                reworked, postponed, evaluated, closureRate, onTimeClosureRate, reworkRate, postponementRate,
                averageHandlingHours, p90HandlingHours, satisfactionRate, averageSatisfaction,
                resolvedAtTownOrVillage, townOrVillageShare, mediationSuccessRate, pendingNow, overdueNow,
                reminders, supervisionOrders, escalations, supervisionDue, supervisionOnTime,
                rate(supervisionOnTime, supervisionDue), repeated, repeatRate);
    }

    /** {@code part / whole}, or null when {@code whole} is zero. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
