package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.schedule.StoredSchedule;
import org.gongzhi.core.service.schedule.StoredSchedules;

/**
 * {@code gongzhi:schedule-delete <name>} — deletes a stored schedule whose work no live node registers;
 * one whose work still runs somewhere is refused in one line.
 */
@Service
@Command(scope = "gongzhi", name = "schedule-delete",
        description = "删除孤立的定时任务 (delete an orphaned stored schedule)")
public class ScheduleDeleteCommand implements Action {

    @Reference
    StoredSchedules schedules;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "任务名称，见 gongzhi:schedules (the schedule's name)", required = true)
    String name;

    @Override
    public Object execute() throws Exception {
        StoredSchedule s = Districts.call(() -> schedules.deleteOrphan(name));
        session.getConsole().printf("已删除 deleted: %s（%s）%n", s.name(), s.schedule());
        return null;
    }
}
