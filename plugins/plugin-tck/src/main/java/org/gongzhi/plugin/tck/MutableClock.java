package org.gongzhi.plugin.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand (可手动拨动的时钟), the one test clock of the whole tree: the plugins'
 * tests and the platform's own (through {@code gongzhi-test-fixtures}) use this class. Starts in
 * UTC; {@link #withZone(ZoneId)} answers a view in another zone that shares the same time, so moving
 * either moves both. Thread-safe.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at {@code start}, in UTC. */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /** A clock at {@code start} (ISO-8601 instant, e.g. {@code 2026-11-10T01:00:00Z}), in UTC. */
    public MutableClock(String start) {
        this(Instant.parse(start));
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the time forward (or back, with a negative duration). */
    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    /** Sets the time. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Sets the time (ISO-8601 instant). */
    public void set(String instant) {
        set(Instant.parse(instant));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new MutableClock(now, newZone);
    }
}
