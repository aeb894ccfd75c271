package org.gongzhi.core.scheduler.internal;

import java.time.Instant;
import java.util.function.Function;

import org.gongzhi.core.service.schedule.ScheduledWork;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored Quartz job of every schedule: it holds nothing but the work's name (its key). The node
 * that takes a firing runs the work registered under that name on that node. A firing never overlaps
 * the previous one of the same work, on any node: the job store blocks the trigger while it runs.
 */
@DisallowConcurrentExecution
final class WorkJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(WorkJob.class);

    private final Function<String, ScheduledWork> works;

    WorkJob(Function<String, ScheduledWork> works) {
        this.works = works;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        Instant due = context.getScheduledFireTime().toInstant();
        ScheduledWork work = works.apply(name);
        if (work == null) {
            LOG.warn("Schedule {} fired (due {}) on node {}, where no work is registered under that name: "
                    + "this firing is skipped, the schedule stays", name, due, node(context));
            return;
        }
        long started = System.nanoTime();
        try {
            work.run(due);
            LOG.debug("Schedule {} (due {}) ran on node {} in {} ms", name, due, node(context),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            LOG.error("Schedule {} (due {}) failed on node {}; later firings go on", name, due, node(context), e);
        }
    }

    private static String node(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }
}
