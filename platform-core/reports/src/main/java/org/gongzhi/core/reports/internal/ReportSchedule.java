package org.gongzhi.core.reports.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.gongzhi.core.service.reports.ReportService;
import org.gongzhi.core.service.schedule.ScheduledWork;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the reports on their rhythm through the cluster's scheduler ({@code gongzhi-scheduler},
 * ADR 0027): registers one {@link ScheduledWork} per report kind with its cron in the city's time
 * zone — each district's monthly report on the 1st at 06:00 for the month before, its quarterly
 * report on the first day of a quarter, the city's half-year bulletin on 1 January and 1 July — so
 * that with several platform nodes each firing produces the reports once.
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

    private final List<ServiceRegistration<ScheduledWork>> registrations = new ArrayList<>();

    @Activate
    public ReportSchedule(@Reference ReportService reports, @Reference TenantDirectory tenants, Config config,
            BundleContext context) {
        ZoneId zone = ZoneId.of(config.timeZone());
        List<String> formats = List.of(config.formats());
        register(context, config.monthlyCron(), new ScheduledReports(reports, tenants, ReportKind.MONTHLY, zone, formats), zone);
        register(context, config.quarterlyCron(), new ScheduledReports(reports, tenants, ReportKind.QUARTERLY, zone, formats), zone);
        register(context, config.halfYearCron(), new ScheduledReports(reports, tenants, ReportKind.HALF_YEAR, zone, formats), zone);
    }

    private void register(BundleContext context, String cron, ScheduledReports work, ZoneId zone) {
        if (cron == null || cron.isBlank()) {
            LOG.info("Report schedule {} is off on this node (empty cron)", work.name());
            return;
        }
        registrations.add(context.registerService(ScheduledWork.class, work, properties(work.name(), cron, zone)));
    }

    /** The service properties of a report work. */
    static Hashtable<String, Object> properties(String name, String cron, ZoneId zone) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ScheduledWork.NAME, name);
        properties.put(ScheduledWork.CRON, cron.strip());
        properties.put(ScheduledWork.TIME_ZONE, zone.getId());
        return properties;
    }

    @Deactivate
    void stop() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
