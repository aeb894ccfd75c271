package org.gongzhi.core.scheduler.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.gongzhi.core.service.schedule.ScheduledWork;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of {@link ScheduledWork} services on one node, over a Quartz {@link Scheduler} whose
 * job store may be shared with other nodes. Registering a work stores its job and trigger (a stored
 * trigger that already fires on the same schedule is kept, with its next firing; a different one is
 * replaced). Unregistering only forgets the work on this node: the stored schedule stays for the
 * other nodes and for the work's return. Works are kept from before the scheduler is started, so
 * that a node has its works when it takes its first firing. Which node holds which work is recorded
 * in {@link ScheduleHolders}, so that orphaned schedules can be told apart ({@link ScheduleBook}).
 */
final class WorkScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(WorkScheduler.class);

    private final Map<String, ScheduledWork> works = new ConcurrentHashMap<>();
    /** The schedules of the works here, to store them when the scheduler arrives. */
    private final Map<String, WorkSchedule> schedules = new HashMap<>();
    private final Supplier<Instant> clock;
    private Scheduler scheduler;
    private ScheduleHolders holders = ScheduleHolders.NONE;
    private String node;

    WorkScheduler(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** The work registered here under {@code name}, or null. */
    ScheduledWork work(String name) {
        return works.get(name);
    }

    /** {@link #attach(Scheduler, ScheduleHolders)} recording no holders (a scheduler of its own). */
    synchronized void attach(Scheduler scheduler) throws SchedulerException {
        attach(scheduler, ScheduleHolders.NONE);
    }

    /**
     * Makes {@code scheduler} run the works (its job factory is set here), stores their schedules and
     * records in {@code holders} that this node holds them.
     */
    synchronized void attach(Scheduler scheduler, ScheduleHolders holders) throws SchedulerException {
        scheduler.setJobFactory((bundle, s) -> new WorkJob(this::work));
        this.scheduler = scheduler;
        this.holders = holders;
        this.node = scheduler.getSchedulerInstanceId();
        for (WorkSchedule schedule : schedules.values()) {
            store(schedule);
            holders.hold(node, schedule.name());
        }
    }

    /** Stops storing schedules; this node no longer holds any work. */
    synchronized void detach() {
        if (scheduler != null) {
            holders.releaseAll(node);
        }
        scheduler = null;
        holders = ScheduleHolders.NONE;
    }

    /** A work service arrived; properties that do not make a schedule are logged and the work ignored. */
    synchronized void add(ScheduledWork work, Map<String, ?> properties) {
        WorkSchedule schedule;
        try {
            schedule = WorkSchedule.of(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("Scheduled work ignored: {}", e.getMessage());
            return;
        }
        if (works.containsKey(schedule.name())) {
            LOG.error("Scheduled work ignored: {} is already registered on this node", schedule.name());
            return;
        }
        works.put(schedule.name(), work);
        schedules.put(schedule.name(), schedule);
        if (scheduler != null) {
            holders.hold(node, schedule.name());
            try {
                store(schedule);
            } catch (SchedulerException e) {
                LOG.error("Schedule {} could not be stored; the work runs when a stored trigger fires", schedule, e);
            }
        }
    }

    /** A work service left: this node no longer runs it; its stored schedule stays. */
    synchronized void remove(ScheduledWork work, Map<String, ?> properties) {
        Object name = properties.get(ScheduledWork.NAME);
        if (name != null && works.remove(name.toString().strip(), work)) {
            schedules.remove(name.toString().strip());
            if (scheduler != null) {
                holders.release(node, name.toString().strip());
            }
            LOG.info("Scheduled work {} left this node; its schedule stays stored", name);
        }
    }

    private void store(WorkSchedule schedule) throws SchedulerException {
        Trigger stored = scheduler.getTrigger(schedule.triggerKey());
        if (stored != null && schedule.matches(stored)) {
            LOG.info("Schedule {} kept, next firing {}", schedule, stored.getNextFireTime());
            return;
        }
        JobDetail job = JobBuilder.newJob(WorkJob.class).withIdentity(schedule.jobKey()).storeDurably()
                .requestRecovery().withDescription(schedule.toString()).build();
        Trigger trigger = schedule.trigger(clock.get());
        scheduler.scheduleJob(job, Set.of(trigger), true);
        LOG.info("Schedule {} {}, next firing {}", schedule, stored == null ? "stored" : "changed",
                scheduler.getTrigger(schedule.triggerKey()).getNextFireTime());
    }
}
