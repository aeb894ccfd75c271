package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gongzhi.core.service.tenants.TenantAdministration;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantInfo;
import org.gongzhi.core.tenant.TenantDefinition;

/** {@code gongzhi:tenants} — the districts this platform serves, active and suspended. */
@Service
@Command(scope = "gongzhi", name = "tenants", description = "列出辖区 (list the districts)")
public class TenantsCommand implements Action {

    @Reference
    TenantAdministration admin;

    @Reference
    TenantDirectory tenants;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("区划代码 Code");
        table.column("名称 Name");
        table.column("城市 City");
        table.column("状态 Status");
        table.column("案件数 Cases").alignRight();
        table.column("网格数 Grids").alignRight();
        table.column("部门数 Departments").alignRight();
        table.column("插件 Plugins");
        for (TenantInfo i : Districts.call(admin::list)) {
            TenantDefinition t = i.definition();
            table.addRow().addContent(t.id(), t.adminCode(), t.nameEn() == null ? t.name() : t.name() + " / " + t.nameEn(),
                    t.city(), Districts.status(i.status()), i.cases(), t.grids().size(), t.departments().size(),
                    String.join(",", tenants.enabledModels(t.id()).stream().sorted().toList()));
        }
        table.print(session.getConsole());
        return null;
    }
}
