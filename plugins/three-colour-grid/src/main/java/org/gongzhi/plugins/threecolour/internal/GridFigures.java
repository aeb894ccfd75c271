package org.gongzhi.plugins.threecolour.internal;

import java.util.Map;

/**
 * Assessment figures of one grid over a period (网格考核数据).
 *
 * @param reported        cases reported in the period
 * @param rejected        of those, rejected (不予立案)
 * @param due             of those, due to close: reported − rejected
 * @param closedOfReported of those, closed by now
 * @param closureRate     结案率 = closedOfReported / due (at most 1), null when nothing is due
 * @param closed          close steps taken in the period, whenever the case came in
 * @param verified        verifications passed in the period
 * @param reworks         返工: verifications failed in the period
 * @param reworkRate      返工率 = reworks / (verified + reworks), null without verifications
 * @param reopened        cases reopened in the period
 * @param whistles        whistles blown from the grid in the period
 */
public record GridFigures(String gridCode, long reported, long rejected, long due, long closedOfReported,
                          Double closureRate, long closed, long verified, long reworks, Double reworkRate,
                          long reopened, long whistles) {

    /** Figures from summed tally counters (names of {@link TallyBook}). */
    static GridFigures of(String grid, Map<String, Long> c) {
        long reported = c.getOrDefault(TallyBook.REPORTED, 0L);
        long rejected = Math.min(reported, c.getOrDefault(TallyBook.REPORTED_REJECTED, 0L));
        long due = reported - rejected;
        long closedOfReported = Math.min(due, c.getOrDefault(TallyBook.REPORTED_CLOSED, 0L));
        long verified = c.getOrDefault(TallyBook.VERIFIED, 0L);
        long reworks = c.getOrDefault(TallyBook.REWORKS, 0L);
        return new GridFigures(grid, reported, rejected, due, closedOfReported, ratio(closedOfReported, due),
                c.getOrDefault(TallyBook.CLOSED, 0L), verified, reworks, ratio(reworks, verified + reworks),
                c.getOrDefault(TallyBook.REOPENED, 0L), c.getOrDefault(TallyBook.WHISTLES, 0L));
    }

    /** {@code part / whole} rounded to 4 decimals; null when whole is 0. */
    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
