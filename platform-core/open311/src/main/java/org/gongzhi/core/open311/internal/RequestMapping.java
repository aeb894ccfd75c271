package org.gongzhi.core.open311.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * A case as a GeoReport service request. {@code status} is {@code closed} for closed, evaluated
 * and rejected cases and {@code open} otherwise, or one of the servicerequestupdates extension's
 * extended statuses when the client asks for them ({@link #extendedStatus}); {@code status_notes}
 * is the newest public note after intake, and for a rejected case starts with {@code 不予立案}
 * so that it never reads like a fixed one. Internal notes and the reporter's name, phone and
 * e-mail are never shown. Stateless.
 */
final class RequestMapping {

    private RequestMapping() {
    }

    /** Whether a platform status counts as GeoReport {@code closed}. */
    static boolean closed(CaseStatus status) {
        return status.isClosed() || status == CaseStatus.REJECTED;
    }

    /** GeoReport's {@code open}/{@code closed}, or the extended status when {@code extended}. */
    static String status(CaseStatus status, boolean extended) {
        if (extended) {
            return extendedStatus(status);
        }
        return closed(status) ? "closed" : "open";
    }

    /**
     * The status in the extended vocabulary of the servicerequestupdates extension (mySociety's,
     * lower case as its endpoints write it): reported → {@code open}; registered, dispatched →
     * {@code action_scheduled}; handling, postponed, feedback, verified → {@code in_progress};
     * closed, evaluated → {@code fixed}; rejected (不予立案) → {@code no_further_action}.
     */
    static String extendedStatus(CaseStatus status) {
        return switch (status) {
            case REPORTED -> "open";
            case REGISTERED, DISPATCHED -> "action_scheduled";
            case HANDLING, POSTPONED, FEEDBACK, VERIFIED -> "in_progress";
            case CLOSED, EVALUATED -> "fixed";
            case REJECTED -> "no_further_action";
        };
    }

    /** The fields of {@code <request>} for GET requests and GET request. */
    static Map<String, Object> request(TenantDefinition t, CaseView c, List<JournalEntry> journal, boolean english,
                                       boolean extended, MediaLinks media) {
        CategoryDefinition category = t.category(c.categoryCode()).orElse(null);
        Instant updated = journal.isEmpty() ? c.reportedAt() : journal.get(journal.size() - 1).at();
        return Doc.fields(
                "service_request_id", c.number(),
                "status", status(c.status(), extended),
                "status_notes", statusNotes(c, journal),
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
                "address_id", c.addressId(),
                "zipcode", null,
                "lat", c.latitude(),
                "long", c.longitude(),
                "media_url", c.attachments().isEmpty() ? null : media.url(t, c.attachments().get(0)));
    }

    /**
     * The newest public note written after intake; internal notes never. A rejected case says so
     * first ({@code 不予立案}), with the public note written at or after its rejection if there is one.
     */
    static String statusNotes(CaseView c, List<JournalEntry> journal) {
        boolean rejected = c.status() == CaseStatus.REJECTED;
        int from = 1; // the intake's note is the description itself
        for (int i = journal.size() - 1; rejected && i > 0; i--) {
            if (journal.get(i).action() == CaseAction.REJECT) {
                from = i;
                break;
            }
        }
        String newest = null;
        for (int i = journal.size() - 1; i >= from && newest == null; i--) {
            String p = journal.get(i).publicNote();
            newest = p == null || p.isBlank() ? null : p.strip();
        }
        if (!rejected) {
            return newest;
        }
        return newest != null ? "不予立案：" + newest + " (rejected: not taken up as a case)"
                : "不予立案：该事件未予受理 (rejected: not taken up as a case; no further action)";
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
