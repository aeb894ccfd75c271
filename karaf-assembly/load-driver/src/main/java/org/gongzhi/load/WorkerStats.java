package org.gongzhi.load;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Measured figures of one worker (or, after {@link #add}, of all): latency histograms in microseconds with three
 * significant digits, and counts. Only cases whose intended start lies in the measured window are recorded here.
 * Not thread-safe: each worker owns one; they are merged after the workers have stopped.
 */
final class WorkerStats {

    private static final int DIGITS = 3;

    final Histogram intake = new Histogram(DIGITS);
    final Histogram transitions = new Histogram(DIGITS);
    final Histogram loop = new Histogram(DIGITS);
    final Map<String, Histogram> perAction = new LinkedHashMap<>();
    long created;
    long closed;
    long transitionCount;

    WorkerStats() {
        for (CaseLoop.Step step : CaseLoop.STEPS) {
            perAction.put(step.action(), new Histogram(DIGITS));
        }
    }

    void intake(long nanos) {
        created++;
        intake.recordValue(micros(nanos));
    }

    void transition(String action, long nanos) {
        long us = micros(nanos);
        transitionCount++;
        transitions.recordValue(us);
        perAction.computeIfAbsent(action, a -> new Histogram(DIGITS)).recordValue(us);
    }

    /** A case driven through to {@code close} (or evaluate); {@code nanos} from its intended start to that answer. */
    void closed(long nanos) {
        closed++;
        loop.recordValue(micros(nanos));
    }

    /** Adds {@code other}'s figures to these. */
    WorkerStats add(WorkerStats other) {
        intake.add(other.intake);
        transitions.add(other.transitions);
        loop.add(other.loop);
        other.perAction.forEach((action, h) -> perAction.computeIfAbsent(action, a -> new Histogram(DIGITS)).add(h));
        created += other.created;
        closed += other.closed;
        transitionCount += other.transitionCount;
        return this;
    }

    static long micros(long nanos) {
        return Math.max(0, (nanos + 500) / 1_000);
    }
}
