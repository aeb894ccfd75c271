package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.gongzhi.core.service.ConflictException;

/**
 * {@code gongzhi:tenant-delete [--force] <id>} — deletes a district with its cases, journals,
 * plugin records, reports and identity realm. Refused while it holds cases unless {@code --force};
 * asks nothing. Its definition directory stays, so {@code gongzhi:tenant-create} brings it back empty.
 */
@Service
@Command(scope = "gongzhi", name = "tenant-delete",
        description = "删除辖区及其全部数据；仍有案件时须加 --force (delete a district and all its data; --force when it holds cases)")
public class TenantDeleteCommand extends DistrictCommand {

    @Option(name = "-f", aliases = "--force", description = "连同案件一并删除 (delete even though it holds cases)")
    boolean force;

    @Override
    public Object execute() throws Exception {
        long cases = Districts.call(() -> admin.show(id)).cases();
        try {
            Districts.call(() -> {
                admin.delete(id, force);
                return null;
            });
        } catch (CommandException e) {
            if (e.getCause() instanceof ConflictException) {
                throw new CommandException("未删除 (not deleted): 辖区 " + id + " 仍有案件，确需连同案件删除请加 --force (district " + id
                        + " holds cases; add --force to delete them with it)", e.getCause());
            }
            throw e;
        }
        session.getConsole().printf("已删除辖区 %s 及其 %d 件案件 (district %s deleted with %d cases)%n", id, cases, id, cases);
        return null;
    }
}
