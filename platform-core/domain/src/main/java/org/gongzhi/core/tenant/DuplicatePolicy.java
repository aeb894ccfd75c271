package org.gongzhi.core.tenant;

import java.time.Duration;
import java.util.Objects;

/**
 * A district's duplicate rule (疑似重复件), from the optional {@code duplicates:} section of
 * {@code tenant.yaml}; {@link #defaults()} when the section or one of its keys is absent. Immutable.
 * A new case is compared with the open cases of the same category family reported within
 * {@code window} before it and within {@code distanceMetres} of it (without coordinates: in the same
 * grid); it is flagged when the best candidate's score reaches {@code threshold} (ADR 0034).
 *
 * @param distanceMetres how far apart two reports of one matter may be, 10–1000 m (default 200)
 * @param window         how long after an open case a report may repeat it, 1 hour–30 days (default 72 h)
 * @param threshold      the lowest score (0–1) that flags a case, 0.1–1 (default 0.5)
 * @since 1.5
 */
public record DuplicatePolicy(int distanceMetres, Duration window, double threshold) {

    /** Default distance: 200 m. */
    public static final int DEFAULT_DISTANCE_METRES = 200;
    /** Default window: 72 hours. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);
    /** Default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** Largest distance (keeps the cells searched around a case few). */
    public static final int MAX_DISTANCE_METRES = 1000;
    /** Smallest distance. */
    public static final int MIN_DISTANCE_METRES = 10;

    /** Checks the components, naming the key in the message. */
    public DuplicatePolicy {
        if (distanceMetres < MIN_DISTANCE_METRES || distanceMetres > MAX_DISTANCE_METRES) {
            throw new IllegalArgumentException("distanceMetres must be " + MIN_DISTANCE_METRES + "–"
                    + MAX_DISTANCE_METRES + ": " + distanceMetres);
        }
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("window must be between 1 hour and 30 days: " + window);
        }
        if (!(threshold >= 0.1 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be 0.1–1: " + threshold);
        }
    }

    /** The rule of a district that defines none. */
    public static DuplicatePolicy defaults() {
        return new DuplicatePolicy(DEFAULT_DISTANCE_METRES, DEFAULT_WINDOW, DEFAULT_THRESHOLD);
    }
}
