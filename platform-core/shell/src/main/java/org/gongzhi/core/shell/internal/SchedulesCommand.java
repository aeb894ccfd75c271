package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gongzhi.core.service.schedule.StoredSchedule;
import org.gongzhi.core.service.schedule.StoredSchedules;

/**
 * {@code gongzhi:schedules [-o]} — the schedules stored in the shared database with the live nodes that
 * run their works; {@code -o} only the orphaned ones (no node registers their work).
 */
@Service
@Command(scope = "gongzhi", name = "schedules",
        description = "列出集群定时任务及运行它们的节点 (list the stored schedules and the nodes that run their works)")
public class SchedulesCommand implements Action {

    @Reference
    StoredSchedules schedules;

    @Reference
    Session session;

    @Option(name = "-o", aliases = "--orphaned", description = "只列出无节点运行的孤立任务 (only orphaned schedules)")
    boolean orphaned;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("名称 Name");
        table.column("计划 Schedule");
        table.column("下次触发 Next firing");
        table.column("运行节点 Nodes");
        for (StoredSchedule s : schedules.list()) {
            if (!orphaned || s.orphaned()) {
                table.addRow().addContent(s.name(), s.schedule(), s.nextFiring(),
                        s.orphaned() ? "孤立 (orphaned)" : String.join(", ", s.nodes()));
            }
        }
        table.print(session.getConsole());
        return null;
    }
}
