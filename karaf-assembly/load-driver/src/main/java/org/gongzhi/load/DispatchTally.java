package org.gongzhi.load;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Matches what the driver dispatched with what the department simulator received, by case id: which dispatches
 * arrived, which were lost, which a department got twice, and how long each took. Not thread-safe; built once
 * after the run.
 */
final class DispatchTally {

    /**
     * One dispatch call of the run.
     *
     * @param ok       the platform answered 2xx: the dispatch was committed and must reach the department
     * @param measured due after the warm-up
     * @param due      when it was due (open loop: the schedule, not the send)
     * @param steady   due before any outage began, so its figures are those of a department that is up
     * @param backlog  due before an outage ended: what the department missed and must get after it
     */
    record Sent(String caseId, boolean ok, boolean measured, Instant due, boolean steady, boolean backlog) {
    }

    /**
     * The counts of a run.
     *
     * @param dispatched         dispatch calls answered 2xx
     * @param arrived            of these, cases the simulator accepted a dispatch for
     * @param lost               dispatched but never accepted
     * @param duplicates         cases accepted under more than one dispatch id, counted once per extra id: the
     *                           department would open a second ticket
     * @param redeliveries       deliveries of an already accepted dispatch id (the department de-duplicates them by
     *                           {@code Idempotency-Key}; with no simulated fail rate, every delivery after the first)
     * @param arrivedAfterError  cases whose dispatch call failed (e.g. timed out) but whose dispatch arrived anyway
     * @param lastArrival        the latest acceptance (ISO-8601), null when nothing arrived
     */
    record Counts(long dispatched, long arrived, long lost, long duplicates, long redeliveries,
                  long arrivedAfterError, String lastArrival) {
    }

    private static final int DIGITS = 3;

    /** From the platform's commit of the dispatch ({@code dispatchedAt} in the payload) to acceptance. */
    final Histogram delivery = new Histogram(DIGITS);
    /** From the due time of the dispatch call to acceptance: what a dispatcher clicking "dispatch" waits. */
    final Histogram endToEnd = new Histogram(DIGITS);
    /** Like {@link #delivery}, only for dispatches due before an outage began. */
    final Histogram steadyDelivery = new Histogram(DIGITS);
    final Counts counts;
    /** The latest acceptance, null when nothing arrived. */
    final Instant lastArrival;
    /** The latest acceptance of a dispatch due before the outage ended; null without one. */
    final Instant lastBacklogArrival;

    DispatchTally(Collection<Sent> sent, List<SimulatorClient.Arrival> arrivals) {
        Map<String, List<SimulatorClient.Arrival>> accepted = new HashMap<>();
        for (SimulatorClient.Arrival a : arrivals) {
            if (a.caseId() != null && a.acceptedAt() != null) {
                accepted.computeIfAbsent(a.caseId(), k -> new ArrayList<>()).add(a);
            }
        }
        long dispatched = 0;
        long arrived = 0;
        long duplicates = 0;
        long redeliveries = 0;
        long afterError = 0;
        Instant last = null;
        Instant lastBacklog = null;
        for (Sent s : sent) {
            List<SimulatorClient.Arrival> got = accepted.getOrDefault(s.caseId(), List.of());
            if (!s.ok()) {
                afterError += got.isEmpty() ? 0 : 1;
                continue;
            }
            dispatched++;
            if (got.isEmpty()) {
                continue;
            }
            arrived++;
            duplicates += got.size() - 1;
            SimulatorClient.Arrival first = got.get(0);
            for (SimulatorClient.Arrival a : got) {
                redeliveries += Math.max(0, a.deliveries() - 1);
                Instant at = Instant.parse(a.acceptedAt());
                last = later(last, at);
                if (s.backlog()) {
                    lastBacklog = later(lastBacklog, at);
                }
                if (at.isBefore(Instant.parse(first.acceptedAt()))) {
                    first = a;
                }
            }
            if (s.measured()) {
                record(s, first);
            }
        }
        lastArrival = last;
        lastBacklogArrival = lastBacklog;
        counts = new Counts(dispatched, arrived, dispatched - arrived, duplicates, redeliveries, afterError,
                last == null ? null : last.toString());
    }

    private void record(Sent s, SimulatorClient.Arrival first) {
        Instant acceptedAt = Instant.parse(first.acceptedAt());
        endToEnd.recordValue(micros(s.due(), acceptedAt));
        if (first.dispatchedAt() != null) {
            long us = micros(OffsetDateTime.parse(first.dispatchedAt()).toInstant(), acceptedAt);
            delivery.recordValue(us);
            if (s.steady()) {
                steadyDelivery.recordValue(us);
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** Microseconds from {@code from} to {@code to}; 0 when the clocks put {@code to} first. */
    private static long micros(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? 0 : d.toNanos() / 1_000;
    }
}
