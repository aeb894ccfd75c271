package org.gongzhi.core.service.schedule;

import java.time.Instant;
import java.util.List;

/**
 * A schedule stored in the shared database, as an operator sees it.
 *
 * @param name       the {@link ScheduledWork#NAME} it is stored under
 * @param schedule   its trigger in words (cron or interval, zone)
 * @param nextFiring when it fires next, or {@code null} when it will not fire again
 * @param nodes      the live nodes on which its work is registered now; empty: orphaned (孤立), no node
 *                   runs its firings
 * @since 1.1
 */
public record StoredSchedule(String name, String schedule, Instant nextFiring, List<String> nodes) {

    public StoredSchedule {
        nodes = List.copyOf(nodes);
    }

    /** No live node registers its work: its firings are skipped until one does. */
    public boolean orphaned() {
        return nodes.isEmpty();
    }
}
