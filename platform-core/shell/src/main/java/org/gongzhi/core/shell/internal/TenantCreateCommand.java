package org.gongzhi.core.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.tenants.TenantAdministration;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantInfo;

/**
 * {@code gongzhi:tenant-create <id>} — makes the definition {@code tenants/<id>/} a district (also
 * brings a deleted one back) and provisions its identity realm when an identity server is configured.
 */
@Service
@Command(scope = "gongzhi", name = "tenant-create",
        description = "按 tenants/<id>/ 的定义新建辖区 (create a district from its definition tenants/<id>/)")
public class TenantCreateCommand implements Action {

    @Reference
    TenantAdministration admin;

    @Reference
    TenantDirectory tenants;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", description = "辖区 ID，即 tenants/ 下的目录名 (district id: its directory under tenants/)",
            required = true)
    String id;

    @Override
    public Object execute() throws Exception {
        TenantInfo created = Districts.call(() -> admin.create(id));
        PrintStream out = session.getConsole();
        out.printf("已新建辖区 (district created): %s%n", created.definition().id());
        Districts.print(created, tenants.enabledModels(created.definition().id()), out);
        if ("FAILED".equals(created.identity().state())) {
            out.printf("身份域未开通，稍后可用 gongzhi:tenant-provision %s 重试 "
                    + "(the identity realm was not provisioned; retry with gongzhi:tenant-provision %s)%n", id, id);
        }
        return null;
    }
}
