package org.gongzhi.core.service;

import java.time.Instant;

/**
 * Key figures of one tenant for cases reported in [{@code from}, {@code to}). Rates are in
 * [0, 1] and null when their denominator is zero.
 * <ul>
 * <li>结案率 closureRate = closed / dueToClose</li>
 * <li>按期结案率 onTimeClosureRate = closedOnTime / dueToClose</li>
 * <li>返工率 reworkRate = cases reworked at least once / cases that reached verification</li>
 * <li>满意率 satisfactionRate = evaluations of 4 or 5 / evaluations</li>
 * </ul>
 * dueToClose counts registered cases that are closed or whose due time has passed, leaving out
 * rejected cases and cases postponed (缓办) at the moment of counting.
 */
public record KpiFigures(String tenantId, Instant from, Instant to, long reported, long registered,
                         long dueToClose, long closed, long closedOnTime, long verified, long reworked,
                         long postponed, long evaluated, Double closureRate, Double onTimeClosureRate,
                         Double reworkRate, Double averageHandlingHours, Double satisfactionRate,
                         Double averageSatisfaction, long pendingNow, long overdueNow) {
}
