package org.gongzhi.core.reports.internal;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job of a schedule entry: runs the work handed to it in the job data. */
public final class ScheduledRun implements Job {

    static final String WORK = "work";

    @Override
    public void execute(JobExecutionContext context) {
        ((Runnable) context.getMergedJobDataMap().get(WORK)).run();
    }
}
