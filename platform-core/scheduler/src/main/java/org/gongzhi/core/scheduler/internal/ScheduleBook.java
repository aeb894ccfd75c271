package org.gongzhi.core.scheduler.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.schedule.StoredSchedule;
import org.gongzhi.core.service.schedule.StoredSchedules;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stored schedules of the cluster with the live nodes that hold their works; deletes orphaned ones. */
final class ScheduleBook implements StoredSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleBook.class);

    private final Scheduler scheduler;
    private final ScheduleHolders holders;

    ScheduleBook(Scheduler scheduler, ScheduleHolders holders) {
        this.scheduler = scheduler;
        this.holders = holders;
    }

    @Override
    public List<StoredSchedule> list() {
        Map<String, List<String>> live = holders.live();
        try {
            List<StoredSchedule> out = new ArrayList<>();
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(WorkSchedule.GROUP))) {
                JobDetail job = scheduler.getJobDetail(key);
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(key.getName(), WorkSchedule.GROUP));
                String schedule = job == null || job.getDescription() == null ? key.getName() : job.getDescription();
                out.add(new StoredSchedule(key.getName(), schedule,
                        trigger == null || trigger.getNextFireTime() == null ? null
                                : trigger.getNextFireTime().toInstant(),
                        live.getOrDefault(key.getName(), List.of())));
            }
            out.sort(Comparator.comparing(StoredSchedule::name));
            return out;
        } catch (SchedulerException e) {
            throw new IllegalStateException("stored schedules unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public StoredSchedule deleteOrphan(String name) {
        StoredSchedule found = list().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有这个定时任务 (no schedule is stored under this name): " + name));
        if (!found.orphaned()) {
            throw new ConflictException("name", "节点 " + String.join(", ", found.nodes()) + " 仍在运行此任务，不能删除 "
                    + "(its work is registered on " + String.join(", ", found.nodes()) + "; only orphaned schedules "
                    + "can be deleted)");
        }
        try {
            scheduler.deleteJob(JobKey.jobKey(name, WorkSchedule.GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule " + name + " not deleted: " + e.getMessage(), e);
        }
        LOG.info("Orphaned schedule {} ({}) deleted", name, found.schedule());
        return found;
    }
}
