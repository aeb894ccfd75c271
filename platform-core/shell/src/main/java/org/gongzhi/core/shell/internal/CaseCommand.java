package org.gongzhi.core.shell.internal;

import java.io.PrintStream;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;

/** {@code gongzhi:case <tenant> <case-id>} — one case and its journal. */
@Service
@Command(scope = "gongzhi", name = "case", description = "查看案件及流转记录 (show a case and its journal)")
public class CaseCommand implements Action {

    @Reference
    CaseService cases;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID (district id)", required = true)
    String tenant;

    @Argument(index = 1, name = "case", description = "案件 ID (case id)", required = true)
    String caseId;

    @Override
    public Object execute() {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            session.getConsole().println("案件 ID 格式不正确 (malformed case id): " + caseId);
            return null;
        }
        CaseView c = cases.get(tenant, id);
        PrintStream out = session.getConsole();
        out.printf("%s  %s%n", c.number(), c.title());
        out.printf("状态 Status: %s (%s)   分级 Tier: %s   时限 SLA: %s%n", c.status().labelZh(), c.status(), c.tier(),
                c.sla() == null ? "-" : c.sla().labelZh());
        out.printf("类别 Category: %s   网格 Grid: %s   渠道 Channel: %s%n", c.categoryCode(), c.gridCode(), c.channel().wireName());
        out.printf("牵头部门 Lead: %s   协办 Co-handling: %s%n", c.leadDepartment(), c.coDepartments());
        out.printf("上报 Reported: %s   时限 Due: %s   结案 Closed: %s   返工 Rework: %d%n", c.reportedAt(), c.dueAt(),
                c.closedAt(), c.reworkCount());
        out.println("流转记录 Journal:");
        for (JournalEntry j : cases.journal(tenant, id)) {
            out.printf("  %2d %s %-12s %-10s -> %-10s %s%n", j.seq(), j.at(), j.actor(),
                    j.from() == null ? "" : j.from(), j.to(), j.note() == null ? "" : j.note());
        }
        return null;
    }
}
