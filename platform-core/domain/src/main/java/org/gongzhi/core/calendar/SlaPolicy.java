package org.gongzhi.core.calendar;

import java.time.Duration;
import java.util.Objects;
import org.gongzhi.core.casework.SlaTier;

/**
 * Time limits (办理时限) of a tenant per {@link SlaTier}, and the share of the allowed time after
 * which a case turns to warning (预警).
 *
 * @param simple                  limit of {@link SlaTier#SIMPLE} matters, wall clock (positive)
 * @param coordinationWorkingDays limit of {@link SlaTier#COORDINATION} matters in working days (positive)
 * @param difficultWorkingDays    limit of {@link SlaTier#DIFFICULT} matters in working days (positive)
 * @param warningRatio            warning threshold as a fraction of the allowed time, strictly between 0 and 1
 */
public record SlaPolicy(Duration simple, int coordinationWorkingDays, int difficultWorkingDays, double warningRatio) {

    /** Validates all components. */
    public SlaPolicy {
        Objects.requireNonNull(simple, "simple");
        if (simple.isZero() || simple.isNegative()) {
            throw new IllegalArgumentException("simple must be positive: " + simple);
        }
        if (coordinationWorkingDays <= 0) {
            throw new IllegalArgumentException("coordinationWorkingDays must be positive: " + coordinationWorkingDays);
        }
        if (difficultWorkingDays <= 0) {
            throw new IllegalArgumentException("difficultWorkingDays must be positive: " + difficultWorkingDays);
        }
        if (!(warningRatio > 0.0 && warningRatio < 1.0)) {
            throw new IllegalArgumentException("warningRatio must be in (0, 1): " + warningRatio);
        }
    }

    /** 2 hours / 5 working days / 15 working days / warning at 80 % (the Jizhou triage). */
    public static SlaPolicy defaults() {
        return new SlaPolicy(Duration.ofHours(2), 5, 15, 0.8);
    }

    /**
     * Working days allowed for a day-based tier.
     *
     * @throws IllegalArgumentException for {@link SlaTier#SIMPLE}, which is measured in hours
     */
    public int workingDays(SlaTier tier) {
        return switch (Objects.requireNonNull(tier, "tier")) {
            case COORDINATION -> coordinationWorkingDays;
            case DIFFICULT -> difficultWorkingDays;
            case SIMPLE -> throw new IllegalArgumentException("SIMPLE is measured in hours, not working days");
        };
    }
}
