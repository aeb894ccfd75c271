package org.gongzhi.core.persistence.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.casework.workflow.CaseRecord;
import org.gongzhi.core.casework.workflow.DispatchOrder;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * What a department is told when a case is dispatched to it (派遣通知, template {@value #EVENT}): one notice
 * per department the dispatch goes to, lead or co-handling, in the dispatch's transaction, so its handlers
 * learn of the case in their inbox and by the channels they chose, and its group robot posts it. Variables
 * carry the case number, category, department, role and due time — never the case's title or the reporter.
 */
final class DispatchNotices {

    /** The shipped template's key. */
    static final String EVENT = "case.dispatched";

    private DispatchNotices() {
    }

    /** The notice of one department's dispatch ({@code sourceKey} {@code dispatch:<dispatch id>}). */
    static Notice dispatched(TenantDefinition tenant, CaseRecord c, DispatchOrder order, UUID dispatchId) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("district", tenant.name());
        v.put("caseNumber", c.report().number());
        tenant.category(c.report().categoryCode()).map(CategoryDefinition::name)
                .ifPresent(name -> v.put("category", name));
        v.put("department", tenant.department(order.department()).map(DepartmentDefinition::name)
                .orElse(order.department()));
        v.put("role", order.lead() ? "lead" : "co");
        v.put("roleLabel", order.lead() ? "主办" : "协办");
        if (c.state().dueAt() != null) {
            v.put("deadline", SupervisionNotices.when(c.state().dueAt(), tenant.timeZone()));
        }
        return new Notice(tenant.id(), c.report().id(), c.report().number(), EVENT, "dispatch:" + dispatchId,
                List.of(new NoticeRecipient(NoticeRecipient.Kind.DEPARTMENT, order.department())), v);
    }
}
