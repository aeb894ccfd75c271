package org.gongzhi.core.service.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The case events as a durable log for exporters, such as the feed of the city's big-data platform
 * (issue 19): each named export keeps its cursor in the database and is worked by one node at a
 * time, under a lease. Delivery is at least once: an exporter sends a batch, then
 * {@link #advance advances}; after a crash the next holder sends the batch again, and consumers
 * de-duplicate by {@link CaseEvent#id()}.
 *
 * @since 1.1
 */
public interface CaseEventExports {

    /**
     * Takes or renews the lease of export {@code name} for {@code node} and answers up to {@code max}
     * committed events after its cursor, in cursor order (an empty list: nothing new). Empty when
     * another node holds an unexpired lease. An export asked for the first time starts after the
     * newest event: what happened before is exported only when {@link #replayFrom replayed}.
     *
     * @throws IllegalArgumentException for a blank name or node, a lease under one second, or
     *                                  {@code max} outside 1–10,000
     */
    Optional<List<CaseEvent>> next(String name, String node, Duration lease, int max);

    /**
     * Moves the cursor of {@code name} to {@code eventId} (the last event sent), if {@code node} still
     * holds the lease.
     *
     * @return false when the lease was lost: another node may be sending the same events
     */
    boolean advance(String name, String node, String eventId);

    /**
     * Sets the cursor of {@code name} before the first event that happened at or after {@code from},
     * so that every event since is exported again; the export is created if it was not.
     *
     * @return the number of events now ahead of the cursor
     */
    long replayFrom(String name, Instant from);

    /** Where export {@code name} stands; empty when it was never asked for. */
    Optional<ExportState> state(String name);

    /**
     * Where an export stands.
     *
     * @param name       the export
     * @param cursor     the id of the last event sent, {@code null} before the first
     * @param holder     the node holding the lease, {@code null} when none ever did
     * @param heldUntil  when that lease ends
     * @param behind     committed events after the cursor
     * @param advancedAt when the cursor last moved
     */
    record ExportState(String name, String cursor, String holder, Instant heldUntil, long behind, Instant advancedAt) {
    }
}
