package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;

/**
 * {@code gongzhi:dispatches <tenant> [-s dead]} — the district's dispatches to department systems,
 * newest first; {@code -s dead} lists the dead letters an operator may replay.
 */
@Service
@Command(scope = "gongzhi", name = "dispatches",
        description = "列出派遣外发记录，-s dead 为死信 (list dispatches to department systems; -s dead: the dead letters)")
public class DispatchesCommand implements Action {

    @Reference
    DispatchOutbox outbox;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID (district id)", required = true)
    String tenant;

    @Option(name = "-s", aliases = "--state", description = "pending | delivered | dead | unrouted | cancelled")
    String state;

    @Option(name = "-n", aliases = "--limit", description = "最多显示条数 (at most this many)")
    int limit = 50;

    @Override
    public Object execute() throws Exception {
        DispatchState s = state == null ? null : DispatchState.fromWireName(state).orElseThrow(() ->
                new org.apache.karaf.shell.support.CommandException("状态须为 pending、delivered、dead、unrouted 或 "
                        + "cancelled (state must be pending, delivered, dead, unrouted or cancelled): " + state));
        Page<OutboundDispatch> page = Districts.call(() -> outbox.list(tenant, s, 0, Math.max(1, Math.min(500, limit))));
        ShellTable table = new ShellTable();
        table.column("派遣 Dispatch");
        table.column("案件号 Case");
        table.column("部门 Dept");
        table.column("状态 State");
        table.column("轮次 Rounds");
        table.column("时间 Created");
        table.column("回执/原因 Receipt/Error");
        for (OutboundDispatch d : page.items()) {
            table.addRow().addContent(d.dispatchId(), d.caseNumber(), d.department() + (d.lead() ? "" : " (协办)"),
                    d.state().wireName(), d.attempts(), d.createdAt(),
                    Districts.oneLine(d.receipt() != null ? d.receipt() : d.lastError() == null ? "" : d.lastError()));
        }
        table.print(session.getConsole());
        session.getConsole().printf("共 %d 条 (%d in all)%n", page.total(), page.total());
        return null;
    }
}
