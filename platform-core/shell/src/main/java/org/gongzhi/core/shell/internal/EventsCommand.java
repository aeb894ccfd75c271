package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.events.CaseEventExports;

/** {@code gongzhi:events [export]} — where an event export stands: its position, its holder, how far behind. */
@Service
@Command(scope = "gongzhi", name = "events",
        description = "事件导出进度（游标、持有节点、积压） (an event export's position, holder and backlog)")
public class EventsCommand implements Action {

    @Reference
    CaseEventExports exports;

    @Reference
    Session session;

    @Argument(index = 0, name = "export", description = "导出名 (export name), default city-bigdata")
    String export = "city-bigdata";

    @Override
    public Object execute() {
        exports.state(export).ifPresentOrElse(s -> session.getConsole().printf(
                "%s: 游标 cursor %s, 节点 holder %s (租约至 until %s), 积压 behind %d, 推进于 advanced %s%n", s.name(),
                s.cursor() == null ? "-" : s.cursor(), s.holder() == null ? "-" : s.holder(),
                s.heldUntil() == null ? "-" : s.heldUntil(), s.behind(), s.advancedAt()),
                () -> session.getConsole().printf("%s: 尚未运行 (never run)%n", export));
        return null;
    }
}
