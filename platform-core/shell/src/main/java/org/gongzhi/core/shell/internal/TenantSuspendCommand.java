package org.gongzhi.core.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gongzhi.core.service.tenants.TenantInfo;

/**
 * {@code gongzhi:tenant-suspend <id> [reason…]} — refuses every API call of the district from now on
 * and stops its logins; its data is kept. Idempotent.
 */
@Service
@Command(scope = "gongzhi", name = "tenant-suspend",
        description = "暂停辖区：拒绝其全部接口调用，数据保留 (suspend a district: refuse all its API calls, keep its data)")
public class TenantSuspendCommand extends DistrictCommand {

    @Argument(index = 1, name = "reason", description = "暂停原因，最多 200 字 (why, at most 200 characters)",
            multiValued = true)
    List<String> reason;

    @Override
    public Object execute() throws Exception {
        String why = reason == null || reason.isEmpty() ? null : String.join(" ", reason);
        TenantInfo info = Districts.call(() -> admin.suspend(id, why));
        session.getConsole().printf("%s  状态 Status: %s   变更 Changed: %s%s%n", id, Districts.status(info.status()),
                info.statusChangedAt() == null ? "-" : info.statusChangedAt(),
                info.statusReason() == null ? "" : "   原因 Reason: " + Districts.oneLine(info.statusReason()));
        return null;
    }
}
