package org.gongzhi.core.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.EmergencyPlan;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * {@code gongzhi:mode <tenant> [normal|wartime] [reason…]} — shows a district's operating mode
 * (平时/战时) and its emergency plan, or switches it with a reason, journaled as
 * {@code shell:<login>}.
 */
@Service
@Command(scope = "gongzhi", name = "mode",
        description = "查看或切换辖区的平时/战时模式 (show or switch a district's operating mode: normal or wartime)")
public class ModeCommand implements Action {

    @Reference
    DistrictModes modes;

    @Reference
    TenantDirectory tenants;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID (district id)", required = true)
    String tenant;

    @Argument(index = 1, name = "mode", description = "normal（平时）或 wartime（战时）；省略则只显示 (omit to show)")
    String mode;

    @Argument(index = 2, name = "reason", description = "切换原因，必填，最多 500 字 (why, required, at most 500 characters)",
            multiValued = true)
    List<String> reason;

    @Override
    public Object execute() throws Exception {
        PrintStream out = session.getConsole();
        if (mode == null) {
            TenantDefinition t = Districts.call(() -> tenants.require(tenant));
            print(Districts.call(() -> modes.current(tenant)), out);
            plan(t.emergency(), out);
            return null;
        }
        OperatingMode target = OperatingMode.fromWireName(mode).orElseThrow(() -> new CommandException(
                "模式须为 normal 或 wartime (mode must be normal or wartime): " + mode));
        String why = reason == null ? null : String.join(" ", reason);
        DistrictMode switched = Districts.call(() -> modes.switchTo(tenant, target, why, actor()));
        print(switched, out);
        return null;
    }

    /** {@code shell:<the Karaf login>}, or the process's user when the shell has no JAAS subject. */
    private static String actor() {
        String user = ShellUtil.getCurrentUserName();
        return "shell:" + (user == null || user.isBlank() ? System.getProperty("user.name") : user);
    }

    static void print(DistrictMode m, PrintStream out) {
        out.printf("%s  模式 Mode: %s (%s)%n", m.tenant(), m.mode().labelZh(), m.mode().wireName());
        if (m.since() != null) {
            out.printf("自 Since: %s   操作人 By: %s   原因 Reason: %s%n", m.since(), m.switchedBy(),
                    Districts.oneLine(m.reason()));
        }
    }

    private static void plan(EmergencyPlan p, PrintStream out) {
        StringBuilder limits = new StringBuilder();
        for (SlaTier tier : SlaTier.values()) {
            limits.append(limits.length() == 0 ? "" : ", ").append(tier.labelZh()).append(' ').append(p.limit(tier));
        }
        out.printf("战时时限 Wartime limits: %s%n", limits);
        out.printf("直报指挥部 Command post: %s%n",
                p.commandPostCategories().isEmpty() ? "-" : String.join(", ", p.commandPostCategories()));
        out.printf("值班表 Duty roster: %d 个岗位 posts%n", p.roster().size());
    }
}
