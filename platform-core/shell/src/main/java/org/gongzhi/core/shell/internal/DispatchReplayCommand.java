package org.gongzhi.core.shell.internal;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.OutboundDispatch;

/** {@code gongzhi:dispatch-replay <tenant> <dispatch id>} — sends a dead letter again under the same dispatch id. */
@Service
@Command(scope = "gongzhi", name = "dispatch-replay",
        description = "重发死信（派遣编号不变） (replay a dead letter under the same dispatch id)")
public class DispatchReplayCommand implements Action {

    @Reference
    DispatchOutbox outbox;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID (district id)", required = true)
    String tenant;

    @Argument(index = 1, name = "dispatch", description = "派遣编号 (dispatch id)", required = true)
    String dispatch;

    @Override
    public Object execute() throws Exception {
        UUID id;
        try {
            id = UUID.fromString(dispatch);
        } catch (IllegalArgumentException e) {
            throw new CommandException("派遣编号须为 UUID (the dispatch id must be a UUID): " + dispatch);
        }
        OutboundDispatch d = Districts.call(() -> outbox.replay(tenant, id, "shell:" + System.getProperty("user.name")));
        session.getConsole().printf("%s → %s（%s 部门 %s，已重新排队 queued again）%n", d.dispatchId(), d.state().wireName(),
                d.caseNumber(), d.department());
        return null;
    }
}
