package org.gongzhi.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out case numbers to the workers and says when each case should start. Closed loop: now, as soon as a
 * worker is free. Open loop ({@code rate > 0}): case {@code n} is due at {@code start + n / rate}, whether or not
 * a worker is free then, so time spent waiting for a worker counts as latency (no coordinated omission). No
 * ticket is handed out at or after the deadline, nor beyond {@code maxCases}. Thread-safe.
 */
final class Schedule {

    /** Case {@code number} (from 0), due at {@code intendedNanos} on the {@link System#nanoTime()} scale. */
    record Ticket(long number, long intendedNanos) {
    }

    private final long startNanos;
    private final long measureStartNanos;
    private final long deadlineNanos;
    private final double intervalNanos;
    private final long maxCases;
    private final double closeFraction;
    private final AtomicLong issued = new AtomicLong();
    private volatile boolean stopped;

    Schedule(long startNanos, Duration warmup, Duration duration, double rate, long maxCases, double closeFraction) {
        this.startNanos = startNanos;
        this.measureStartNanos = startNanos + warmup.toNanos();
        this.deadlineNanos = measureStartNanos + duration.toNanos();
        this.intervalNanos = rate > 0 ? 1e9 / rate : 0;
        this.maxCases = maxCases;
        this.closeFraction = closeFraction;
    }

    /** The next case, or null when the run is over (deadline, {@code maxCases} or {@link #stop()}). */
    Ticket next() {
        while (true) {
            long n = issued.get();
            long now = System.nanoTime();
            if (stopped || n >= maxCases || now - deadlineNanos >= 0) {
                return null;
            }
            long intended = intervalNanos > 0 ? startNanos + Math.round(n * intervalNanos) : now;
            if (intended - deadlineNanos >= 0) {
                return null;
            }
            if (issued.compareAndSet(n, n + 1)) {
                return new Ticket(n, intended);
            }
        }
    }

    /** Whether the case is recorded: it was due after the warm-up. */
    boolean measured(Ticket t) {
        return t.intendedNanos() - measureStartNanos >= 0;
    }

    /** Whether case {@code n} goes through all transitions; exactly {@code floor(k * fraction)} of the first k do. */
    boolean fullLoop(long n) {
        return fullLoop(n, closeFraction);
    }

    static boolean fullLoop(long n, double fraction) {
        return Math.floor((n + 1) * fraction) > Math.floor(n * fraction);
    }

    /** Open loop: cases due before the deadline that were never started because every worker was busy. */
    long notStarted() {
        if (intervalNanos <= 0 || stopped) {
            return 0;
        }
        long due = (long) Math.ceil((deadlineNanos - startNanos) / intervalNanos);
        return Math.max(0, Math.min(due, maxCases) - issued.get());
    }

    /** Waits until {@code nanoTime} reaches {@code t.intendedNanos()} (returns at once when it already has). */
    static void awaitStart(Ticket t) throws InterruptedException {
        long wait;
        while ((wait = t.intendedNanos() - System.nanoTime()) > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    void stop() {
        stopped = true;
    }

    long issued() {
        return issued.get();
    }

    long measureStartNanos() {
        return measureStartNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }
}
