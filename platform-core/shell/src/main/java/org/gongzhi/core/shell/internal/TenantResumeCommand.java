package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gongzhi.core.service.tenants.TenantInfo;

/** {@code gongzhi:tenant-resume <id>} — serves a suspended district again. Idempotent. */
@Service
@Command(scope = "gongzhi", name = "tenant-resume", description = "恢复已暂停的辖区 (resume a suspended district)")
public class TenantResumeCommand extends DistrictCommand {

    @Override
    public Object execute() throws Exception {
        TenantInfo info = Districts.call(() -> admin.resume(id));
        session.getConsole().printf("%s  状态 Status: %s   变更 Changed: %s%n", id, Districts.status(info.status()),
                info.statusChangedAt() == null ? "-" : info.statusChangedAt());
        return null;
    }
}
