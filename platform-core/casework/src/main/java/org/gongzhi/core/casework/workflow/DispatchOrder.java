package org.gongzhi.core.casework.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * One department a dispatch (派遣) goes to: storage writes one outbox row per order.
 *
 * @param department the department's code
 * @param lead       whether it leads ({@code false}: co-handling, 协办)
 * @since 1.0.0
 */
public record DispatchOrder(String department, boolean lead) {

    /**
     * The dispatch as department systems receive it: the case's facts at dispatch time, no personal data of
     * the reporter. Keys in this order: dispatchId, tenant, department, role, caseId, caseNumber, title,
     * description, categoryCode, categoryName, tier, channel, gridCode, address, longitude, latitude,
     * leadDepartment, coDepartments, dueAt, dispatchedAt, attachments.
     */
    public Map<String, Object> payload(TenantDefinition tenant, CaseRecord c, UUID dispatchId) {
        CaseReport r = c.report();
        LoopState s = c.state();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dispatchId", dispatchId.toString());
        p.put("tenant", tenant.id());
        p.put("department", department);
        p.put("role", lead ? "lead" : "co");
        p.put("caseId", r.id().toString());
        p.put("caseNumber", r.number());
        p.put("title", r.title());
        p.put("description", r.description());
        p.put("categoryCode", r.categoryCode());
        p.put("categoryName", tenant.category(r.categoryCode()).map(CategoryDefinition::name).orElse(null));
        p.put("tier", s.tier() == null ? null : s.tier().wireName());
        p.put("channel", r.channel());
        p.put("gridCode", r.gridCode());
        p.put("address", r.address());
        p.put("longitude", r.longitude());
        p.put("latitude", r.latitude());
        p.put("leadDepartment", s.leadDepartment());
        p.put("coDepartments", List.copyOf(s.coDepartments()));
        p.put("dueAt", s.dueAt() == null ? null : s.dueAt().toString());
        p.put("dispatchedAt", s.dispatchedAt().toString());
        p.put("attachments", List.copyOf(r.attachments()));
        return p;
    }
}
