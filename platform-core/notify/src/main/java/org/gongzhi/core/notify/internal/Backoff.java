package org.gongzhi.core.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed notification is tried again: {@code base × 2^(attempt-1)}, at most {@code max};
 * after {@code maxAttempts} attempts never (a dead letter).
 *
 * @param base        delay after the first failed attempt
 * @param max         longest delay
 * @param maxAttempts attempts in all
 */
record Backoff(Duration base, Duration max, int maxAttempts) {

    /**
     * The next attempt after attempt number {@code attempt} (1 = the first) failed at {@code now};
     * empty when that was the last one.
     */
    Optional<Instant> next(int attempt, Instant now) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return Optional.of(now.plus(delay.compareTo(max) > 0 ? max : delay));
    }
}
