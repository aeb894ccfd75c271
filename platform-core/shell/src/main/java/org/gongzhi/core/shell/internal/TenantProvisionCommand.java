package org.gongzhi.core.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gongzhi.core.service.tenants.ProvisioningReport;

/**
 * {@code gongzhi:tenant-provision <id>} — provisions (repairs) the district's identity realm now:
 * creates what is missing, keeps what is there. Idempotent.
 */
@Service
@Command(scope = "gongzhi", name = "tenant-provision",
        description = "重新开通（修复）辖区的身份域 (provision or repair the district's identity realm)")
public class TenantProvisionCommand extends DistrictCommand {

    @Override
    public Object execute() throws Exception {
        ProvisioningReport report = Districts.call(() -> admin.provisionIdentity(id));
        PrintStream out = session.getConsole();
        out.printf("身份域 Realm: %s   用时 Took: %d ms%n", report.realm(), report.took().toMillis());
        if (report.created().isEmpty()) {
            out.println("无需变更，已全部就绪 (nothing to do: everything was in place)");
        } else {
            out.printf("新建或修复 %d 项 (%d created or repaired):%n", report.created().size(), report.created().size());
            report.created().forEach(item -> out.println("  " + item));
        }
        return null;
    }
}
