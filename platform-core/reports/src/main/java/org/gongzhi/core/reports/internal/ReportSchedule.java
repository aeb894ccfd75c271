package org.gongzhi.core.reports.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;

import org.gongzhi.core.service.reports.ReportArchive;
import org.gongzhi.core.service.reports.ReportService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the reports on their rhythm with Quartz cron triggers in the city's time zone: each
 * district's monthly report on the 1st at 06:00 for the month before, its quarterly report on the
 * first day of a quarter, the city's half-year bulletin on 1 January and 1 July.
 */
@Component(configurationPid = "org.gongzhi.reports", immediate = true)
@Designate(ocd = ReportSchedule.Config.class)
public final class ReportSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSchedule.class);

    @ObjectClassDefinition(name = "Gongzhi report schedule", description = "When the periodic reports are produced")
    public @interface Config {
        @AttributeDefinition(description = "Quartz cron of the monthly reports; empty = never")
        String monthlyCron() default "0 0 6 1 * ?";

        @AttributeDefinition(description = "Quartz cron of the quarterly reports; empty = never")
        String quarterlyCron() default "0 0 6 1 1,4,7,10 ?";

        @AttributeDefinition(description = "Quartz cron of the city's half-year bulletin; empty = never")
        String halfYearCron() default "0 0 6 1 1,7 ?";

        @AttributeDefinition(description = "Time zone of the crons")
        String timeZone() default "Asia/Shanghai";

        @AttributeDefinition(description = "Formats archived on each run: PDF, XLSX, CSV")
        String[] formats() default {"PDF", "XLSX"};
    }

    private final Scheduler scheduler;

    @Activate
    public ReportSchedule(@Reference ReportService reports, @Reference TenantDirectory tenants, Config config)
            throws SchedulerException {
        Properties props = new Properties();
        props.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "gongzhi-reports");
        props.setProperty("org.quartz.threadPool.threadCount", "1");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ReportSchedule.class.getClassLoader());
        try {
            scheduler = new StdSchedulerFactory(props).getScheduler();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        ZoneId zone = ZoneId.of(config.timeZone());
        List<String> formats = List.of(config.formats());
        schedule(config.monthlyCron(), zone, () -> each(tenants, t -> run(reports, t.id(), ReportKind.MONTHLY, zone, formats)));
        schedule(config.quarterlyCron(), zone, () -> each(tenants, t -> run(reports, t.id(), ReportKind.QUARTERLY, zone, formats)));
        schedule(config.halfYearCron(), zone, () -> run(reports, ReportArchive.CITY, ReportKind.HALF_YEAR, zone, formats));
        scheduler.start();
    }

    private void schedule(String cron, ZoneId zone, Runnable work) throws SchedulerException {
        if (cron == null || cron.isBlank()) {
            return;
        }
        var job = JobBuilder.newJob(ScheduledRun.class).build();
        job.getJobDataMap().put(ScheduledRun.WORK, work);
        scheduler.scheduleJob(job, TriggerBuilder.newTrigger().withSchedule(CronScheduleBuilder.cronSchedule(cron)
                .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed()).build());
        LOG.info("Reports scheduled: {} ({})", cron, zone);
    }

    private static void each(TenantDirectory tenants, java.util.function.Consumer<TenantDefinition> action) {
        tenants.tenants().forEach(action);
    }

    private static void run(ReportService reports, String tenant, ReportKind kind, ZoneId zone, List<String> formats) {
        String period = ReportPeriod.previous(kind, LocalDate.now(zone)).text();
        for (String format : formats) {
            try {
                reports.produce(tenant, kind.name(), period, format, "schedule");
            } catch (RuntimeException e) {
                LOG.error("Scheduled {} report {} ({}) for {} failed", kind, period, format, tenant, e);
            }
        }
    }

    @Deactivate
    void stop() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
