package org.gongzhi.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the department system is (simulated) down: for {@code --down-for} after the start, and between
 * {@code POST /admin/down} and {@code POST /admin/up} (a down may carry its own end and mode).
 */
final class Outage {

    /** Until when it is down (wall-clock millis); {@link Long#MAX_VALUE} = until told otherwise; 0 = up. */
    private long downUntil;
    private DownMode mode;
    private final DownMode defaultMode;

    Outage(DownMode defaultMode) {
        this.defaultMode = defaultMode;
        this.mode = defaultMode;
    }

    synchronized void down(Duration length, DownMode newMode) {
        downUntil = length == null ? Long.MAX_VALUE : System.currentTimeMillis() + length.toMillis();
        mode = newMode == null ? defaultMode : newMode;
    }

    synchronized void up() {
        downUntil = 0;
        mode = defaultMode;
    }

    /** The mode while down, {@code null} while up. */
    synchronized DownMode current() {
        return System.currentTimeMillis() < downUntil ? mode : null;
    }

    /** When a down with an end will end; {@code null} while up or down until told otherwise. */
    synchronized Instant until() {
        return current() == null || downUntil == Long.MAX_VALUE ? null : Instant.ofEpochMilli(downUntil);
    }

    /** Seconds a client should wait, for {@code Retry-After}. */
    synchronized long retryAfterSeconds() {
        if (downUntil == Long.MAX_VALUE) {
            return 5;
        }
        return Math.max(1, (downUntil - System.currentTimeMillis() + 999) / 1000);
    }
}
