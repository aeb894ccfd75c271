package org.gongzhi.core.persistence.internal;

import java.util.Set;

import org.gongzhi.core.tenant.DuplicatePolicy;

/**
 * The score of a candidate duplicate (ADR 0034): a weighted sum of four parts, each in [0, 1], so that the
 * console can say why a case was flagged.
 * <ul>
 * <li>place 0.30: {@code 1 − distance / distanceMetres}; without coordinates on one side, 0.5 for the same grid</li>
 * <li>time 0.15: {@code 1 − hours / window}</li>
 * <li>text 0.40: Dice overlap of the two-character pieces of title and address ({@code text_bigrams})</li>
 * <li>category 0.15: 1 when the leaf categories are equal (the family always is)</li>
 * </ul>
 * A candidate outside the distance or the window scores 0. Pure.
 */
final class DuplicateScore {

    static final double PLACE = 0.30;
    static final double TIME = 0.15;
    static final double TEXT = 0.40;
    static final double CATEGORY = 0.15;
    /** The place part of two reports in the same grid when one has no coordinates. */
    static final double SAME_GRID_PLACE = 0.5;

    private DuplicateScore() {
    }

    /**
     * @param metres distance between the two reports, or null when matched by grid only
     * @param hours  hours between the two reports (≥ 0)
     */
    static double score(DuplicatePolicy policy, Double metres, double hours, double textOverlap, boolean sameCategory) {
        double windowHours = policy.window().toSeconds() / 3600.0;
        if (hours < 0 || hours > windowHours || (metres != null && metres > policy.distanceMetres())) {
            return 0;
        }
        double place = metres == null ? SAME_GRID_PLACE : 1 - metres / policy.distanceMetres();
        double time = 1 - hours / windowHours;
        return PLACE * place + TIME * time + TEXT * textOverlap + CATEGORY * (sameCategory ? 1 : 0);
    }

    /** Dice coefficient of two sets of pieces: 2·|A∩B| / (|A| + |B|), 0 when both are empty. */
    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
