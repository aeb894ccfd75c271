package org.gongzhi.core.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.tenants.TenantAdministration;

/** {@code gongzhi:tenant-definitions} — definitions under {@code tenants/} that are not districts (yet). */
@Service
@Command(scope = "gongzhi", name = "tenant-definitions",
        description = "列出尚未建区的辖区定义 (list the definitions that are not districts yet)")
public class TenantDefinitionsCommand implements Action {

    @Reference
    TenantAdministration admin;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        List<String> ids = Districts.call(admin::availableDefinitions);
        PrintStream out = session.getConsole();
        if (ids.isEmpty()) {
            out.println("没有尚未建区的定义 (no definitions waiting to become districts)");
        }
        ids.forEach(out::println);
        return null;
    }
}
