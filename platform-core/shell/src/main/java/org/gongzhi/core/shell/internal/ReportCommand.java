package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.reports.ArchivedReport;
import org.gongzhi.core.service.reports.ReportService;

/** {@code gongzhi:report <tenant|city> <kind> <period> [-f pdf]} — produce and archive a report now. */
@Service
@Command(scope = "gongzhi", name = "report", description = "生成并归档报表 (produce and archive a report)")
public class ReportCommand implements Action {

    @Reference
    ReportService reports;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID，或 city (district id, or city)", required = true)
    String tenant;

    @Argument(index = 1, name = "kind", description = "monthly | quarterly | half-year", required = true)
    String kind;

    @Argument(index = 2, name = "period", description = "2026-11 | 2026-Q4 | 2026-H2", required = true)
    String period;

    @Option(name = "-f", aliases = "--format", description = "pdf | xlsx | csv")
    String format = "pdf";

    @Override
    public Object execute() {
        ArchivedReport r = reports.produce(tenant, kind, period, format, "shell");
        session.getConsole().printf("%s  %s  %d bytes  id %s%n", r.title(), r.format(), r.sizeBytes(), r.id());
        return null;
    }
}
