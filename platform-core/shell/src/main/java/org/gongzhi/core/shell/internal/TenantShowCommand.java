package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantInfo;

/** {@code gongzhi:tenant-show <id>} — one district: status, cases, models, sizes and identity realm. */
@Service
@Command(scope = "gongzhi", name = "tenant-show", description = "查看辖区详情 (show a district)")
public class TenantShowCommand extends DistrictCommand {

    @Reference
    TenantDirectory tenants;

    @Override
    public Object execute() throws Exception {
        TenantInfo info = Districts.call(() -> admin.show(id));
        Districts.print(info, tenants.enabledModels(id), session.getConsole());
        return null;
    }
}
