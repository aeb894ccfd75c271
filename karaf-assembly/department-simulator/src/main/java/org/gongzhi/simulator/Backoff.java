package org.gongzhi.simulator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: attempt n waits a random time between half and all of
 * {@code min(max, initial · 2^(n-1))}. A receiver's {@code Retry-After} is honoured up to {@code max}.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The wait before the next attempt, after {@code failures} failed attempts (1 = the first failed). */
    Duration delay(int failures, Duration retryAfter) {
        if (retryAfter != null) {
            return Duration.ofMillis(Math.min(maxMillis, retryAfter.toMillis()));
        }
        long ceiling = maxMillis;
        if (failures < 40) {
            ceiling = Math.min(maxMillis, initialMillis << Math.max(0, failures - 1));
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
