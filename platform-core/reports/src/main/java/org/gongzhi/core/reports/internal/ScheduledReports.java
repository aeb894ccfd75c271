package org.gongzhi.core.reports.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.gongzhi.core.service.reports.ReportArchive;
import org.gongzhi.core.service.reports.ReportService;
import org.gongzhi.core.service.schedule.ScheduledWork;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One firing of a report schedule: the monthly and quarterly reports of every district, or the
 * city's half-year bulletin, for the period before the day the firing was due (in the schedule's
 * zone), in each configured format. A failed report is logged and the others are still produced.
 */
final class ScheduledReports implements ScheduledWork {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledReports.class);

    private final ReportService reports;
    private final TenantDirectory tenants;
    private final ReportKind kind;
    private final ZoneId zone;
    private final List<String> formats;

    ScheduledReports(ReportService reports, TenantDirectory tenants, ReportKind kind, ZoneId zone, List<String> formats) {
        this.reports = reports;
        this.tenants = tenants;
        this.kind = kind;
        this.zone = zone;
        this.formats = List.copyOf(formats);
    }

    /** The work's name, under which the cluster keeps its schedule: {@code reports-monthly} and so on. */
    String name() {
        return "reports-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public void run(Instant firedAt) {
        String period = ReportPeriod.previous(kind, firedAt.atZone(zone).toLocalDate()).text();
        if (kind == ReportKind.HALF_YEAR) {
            produce(ReportArchive.CITY, period);
        } else {
            for (TenantDefinition tenant : tenants.tenants()) {
                produce(tenant.id(), period);
            }
        }
    }

    private void produce(String owner, String period) {
        for (String format : formats) {
            try {
                reports.produce(owner, kind.name(), period, format, "schedule");
            } catch (RuntimeException e) {
                LOG.error("Scheduled {} report {} ({}) for {} failed", kind, period, format, owner, e);
            }
        }
    }
}
