package org.gongzhi.core.service.schedule;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work the platform runs on a schedule, once per firing across all platform nodes. Register it as
 * an OSGi service with {@link #NAME} (unique, stable: the schedule is stored under it) and either
 * {@link #CRON} (a Quartz cron) or {@link #EVERY_SECONDS}, optionally {@link #TIME_ZONE}. The
 * scheduler keeps the schedule in the shared database: whichever node takes a firing calls the
 * work registered under that name on that node; a firing never overlaps the previous one.
 */
@ConsumerType
public interface ScheduledWork {

    /** Service property: the work's stable name, e.g. {@code reports-monthly}. */
    String NAME = "gongzhi.schedule.name";
    /** Service property: a Quartz cron expression. */
    String CRON = "gongzhi.schedule.cron";
    /** Service property: a fixed interval in seconds (instead of a cron). */
    String EVERY_SECONDS = "gongzhi.schedule.every";
    /** Service property: time zone of the cron, default {@code Asia/Shanghai}. */
    String TIME_ZONE = "gongzhi.schedule.zone";

    /**
     * Does the work of one firing. Exceptions are logged and do not stop later firings.
     *
     * @param firedAt when the firing was due
     */
    void run(Instant firedAt) throws Exception;
}
