package org.gongzhi.core.service.people;

/**
 * One person's figures over a period (十佳 awards): cases they held that closed in the period, of those closed by
 * the due time, the on-time rate ({@code null} without closed cases), how many were rated and the average
 * satisfaction (1–5, {@code null} without ratings). {@code rank} 1 is the best: most closed, then the higher
 * on-time rate, then the higher satisfaction, then username.
 */
public record PersonFigures(int rank, Person person, long closed, long closedOnTime, Double onTimeRate,
                            long evaluated, Double satisfaction) {
}
