package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;

/** {@code gongzhi:tenants} — the districts this platform serves. */
@Service
@Command(scope = "gongzhi", name = "tenants", description = "列出辖区 (list the districts)")
public class TenantsCommand implements Action {

    @Reference
    TenantDirectory tenants;

    @Reference
    Session session;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("区划代码 Code");
        table.column("名称 Name");
        table.column("城市 City");
        table.column("网格数 Grids");
        table.column("部门数 Departments");
        table.column("插件 Plugins");
        for (TenantDefinition t : tenants.tenants()) {
            table.addRow().addContent(t.id(), t.adminCode(), t.name() + " / " + t.nameEn(), t.city(),
                    t.grids().all().size(), t.departments().size(), String.join(",", t.plugins()));
        }
        table.print(session.getConsole());
        return null;
    }
}
