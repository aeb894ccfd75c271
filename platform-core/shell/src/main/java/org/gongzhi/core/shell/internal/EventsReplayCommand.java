package org.gongzhi.core.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.gongzhi.core.service.events.CaseEventExports;

/** {@code gongzhi:events-replay <from> [--export name]} — publishes every event since a moment again. */
@Service
@Command(scope = "gongzhi", name = "events-replay",
        description = "自某时刻起重新导出事件 (export the events since a moment again)")
public class EventsReplayCommand implements Action {

    @Reference
    CaseEventExports exports;

    @Reference
    Session session;

    @Argument(index = 0, name = "from", description = "ISO-8601 时刻 (instant), e.g. 2026-12-01T00:00:00Z",
            required = true)
    String from;

    @Option(name = "--export", description = "导出名 (export name)")
    String export = "city-bigdata";

    @Override
    public Object execute() throws Exception {
        Instant at;
        try {
            at = Instant.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new CommandException("时刻须为 ISO-8601 (the moment must be ISO-8601, e.g. 2026-12-01T00:00:00Z): " + from);
        }
        long ahead = exports.replayFrom(export, at);
        session.getConsole().printf("%s: 自 %s 起的 %d 件事件将重新导出 (%d events since then are exported again)%n",
                export, at, ahead, ahead);
        return null;
    }
}
