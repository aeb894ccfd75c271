package org.gongzhi.core.open311.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.CaseView;
import org.gongzhi.core.service.JournalEntry;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * A case as a GeoReport service request. {@code status} is {@code closed} for closed, evaluated
 * and rejected cases and {@code open} otherwise; {@code status_notes} is the newest note after
 * intake; the reporter's name and phone are never shown. Stateless.
 */
final class RequestMapping {

    private RequestMapping() {
    }

    /** Whether a platform status counts as GeoReport {@code closed}. */
    static boolean closed(CaseStatus status) {
        return status.isClosed() || status == CaseStatus.REJECTED;
    }

    static String status(CaseStatus status) {
        return closed(status) ? "closed" : "open";
    }

    /** The fields of {@code <request>} for GET requests and GET request. */
    static Map<String, Object> request(TenantDefinition t, CaseView c, List<JournalEntry> journal, boolean english) {
        CategoryDefinition category = t.category(c.categoryCode()).orElse(null);
        Instant updated = journal.isEmpty() ? c.reportedAt() : journal.get(journal.size() - 1).at();
        return Doc.fields(
                "service_request_id", c.number(),
                "status", status(c.status()),
                "status_notes", statusNotes(journal),
                "service_name", category == null ? c.categoryCode() : ServiceCatalog.name(category, english),
                "service_code", c.categoryCode(),
                "description", c.description(),
                "agency_responsible", c.leadDepartment() == null ? null
                        : t.department(c.leadDepartment()).map(DepartmentDefinition::name).orElse(c.leadDepartment()),
                "service_notice", notice(t, c.tier()),
                "requested_datetime", W3cTime.format(c.reportedAt(), t.timeZone()),
                "updated_datetime", W3cTime.format(updated, t.timeZone()),
                "expected_datetime", W3cTime.format(c.dueAt(), t.timeZone()),
                "address", c.address(),
                "address_id", null,
                "zipcode", null,
                "lat", c.latitude(),
                "long", c.longitude(),
                "media_url", c.attachments().isEmpty() ? null : c.attachments().get(0));
    }

    /** The newest note written after intake (the intake's note is the description itself). */
    static String statusNotes(List<JournalEntry> journal) {
        for (int i = journal.size() - 1; i > 0; i--) {
            JournalEntry e = journal.get(i);
            if (e.note() != null && !e.note().isBlank()) {
                return e.note();
            }
        }
        return null;
    }

    /** What the district does with a request of this tier, by its time limits; Chinese first. */
    static String notice(TenantDefinition t, SlaTier tier) {
        if (tier == null) {
            return null;
        }
        return switch (tier) {
            case SIMPLE -> "已受理：由网格员就地处置，一般 " + t.sla().simple().toHours() + " 小时内办结 (received: the grid "
                    + "worker handles it on the spot, usually within " + t.sla().simple().toHours() + " hours)";
            case COORDINATION -> "已受理：转职能部门协调处置，一般 " + t.sla().coordinationWorkingDays() + " 个工作日内办结 "
                    + "(received: referred to the responsible department, usually within "
                    + t.sla().coordinationWorkingDays() + " working days)";
            case DIFFICULT -> "已受理：由牵头部门会商处置，一般 " + t.sla().difficultWorkingDays() + " 个工作日内办结 "
                    + "(received: a lead department handles it with others, usually within "
                    + t.sla().difficultWorkingDays() + " working days)";
        };
    }

    /** Chinese label of a journal step, e.g. {@code 派遣}; intake (no action) is {@code 上报}. */
    static String stepLabel(JournalEntry e) {
        CaseAction action = e.action();
        return action == null ? "上报" : action.labelZh();
    }
}
