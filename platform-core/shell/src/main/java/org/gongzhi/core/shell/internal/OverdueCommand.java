package org.gongzhi.core.shell.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;

/** {@code gongzhi:overdue <tenant>} — open cases past their due time, most overdue first. */
@Service
@Command(scope = "gongzhi", name = "overdue", description = "列出超期案件 (list overdue cases)")
public class OverdueCommand implements Action {

    @Reference
    CaseService cases;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID (district id)", required = true)
    String tenant;

    @Option(name = "-n", aliases = "--limit", description = "最多显示条数 (at most this many)")
    int limit = 50;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("案件号 Number");
        table.column("ID");
        table.column("状态 Status");
        table.column("牵头部门 Lead");
        table.column("时限 Due");
        table.column("标题 Title");
        for (CaseView c : cases.overdue(tenant, Instant.now(), Math.max(1, limit))) {
            table.addRow().addContent(c.number(), c.id(), c.status().labelZh(), c.leadDepartment(), c.dueAt(), c.title());
        }
        table.print(session.getConsole());
        return null;
    }
}
