package org.gongzhi.core.service.schedule;

import java.util.List;

/**
 * The schedules stored in the shared database, for operators: a schedule stays stored when its work
 * leaves every node (ADR 0027), so that the work's return keeps its firings; one whose work is gone
 * for good is deleted here. Implemented by the scheduler bundle; called by the shell. Blocks on the
 * database.
 *
 * @since 1.1
 */
public interface StoredSchedules {

    /** Every stored schedule, by name, each with the live nodes that register its work. */
    List<StoredSchedule> list();

    /**
     * Deletes the stored schedule {@code name} if no live node registers its work.
     *
     * @return the schedule as it was
     * @throws org.gongzhi.core.service.NotFoundException  when no schedule is stored under that name
     * @throws org.gongzhi.core.service.ConflictException  when a live node registers its work
     */
    StoredSchedule deleteOrphan(String name);
}
