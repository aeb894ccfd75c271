package org.gongzhi.core.persistence.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.service.supervision.Supervision;
import org.gongzhi.core.service.supervision.SupervisionKind;
import org.gongzhi.core.service.supervision.SupervisionTrigger;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * What supervision says and to whom: the reason and journal text of automatic records, the notice's
 * event key (the keys of the notification bundle's shipped templates), recipients and template
 * variables. Pure functions, no database. Variables carry case number, category, times and staff text
 * only — never the reporter's name, phone, address or the case's title and description (residents
 * write those); a variable without a value is left out, so the template's fallback applies.
 */
final class SupervisionNotices {

    /** Template key of a reminder at the warning time. */
    static final String REMINDER_WARNING = "supervision.reminder.warning";
    /** Template key of a reminder at the due time. */
    static final String REMINDER_OVERDUE = "supervision.reminder.overdue";
    /** Template key of an order (the notification bundle's shipped template). */
    static final String ORDER = "supervision.order.created";
    /** Template key of a listed matter. */
    static final String LISTED = "supervision.listed";
    /** Template key of an escalation to the city. */
    static final String ESCALATION = "supervision.escalated";
    /** Template key of an order (督办, 挂牌, 提级) answered, to its issuer. */
    static final String ORDER_ANSWERED = "supervision.order.answered";
    /** Template key of an order past its own deadline unanswered, to its issuer and the case's holders. */
    static final String ORDER_OVERDUE = "supervision.order.overdue";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SupervisionNotices() {
    }

    /** The template key of a record. */
    static String event(SupervisionKind kind, SupervisionTrigger trigger) {
        return switch (kind) {
            case REMINDER -> trigger == SupervisionTrigger.WARNING ? REMINDER_WARNING : REMINDER_OVERDUE;
            case ORDER -> ORDER;
            case LISTED -> LISTED;
            case ESCALATION -> ESCALATION;
        };
    }

    /** The reason of an automatic record, as the journal and the notice show it. */
    static String automaticReason(SupervisionRows.Rule rule, ZoneId zone, Instant dueAt, int reworks, Duration margin) {
        String due = when(dueAt, zone);
        return switch (rule) {
            case WARNING_REMINDER -> "案件已到预警时间，办理时限 " + due + "，请抓紧办理";
            case OVERDUE_REMINDER -> "案件已超过办理时限 " + due + "，请尽快办结";
            case OVERDUE_ESCALATION -> "案件超过办理时限 " + due + " 已逾 " + text(margin) + "，提级至市级督办";
            case REWORK_ESCALATION -> "案件已第 " + reworks + " 次核查不通过（返工），提级至市级督办";
        };
    }

    /** The journal note of a record. */
    static String journalNote(Supervision r, ZoneId zone) {
        StringBuilder b = new StringBuilder(r.kind().labelZh()).append("：").append(r.reason());
        if (r.deadline() != null) {
            b.append("；请于 ").append(when(r.deadline(), zone)).append(" 前答复");
        }
        return b.append("。").toString();
    }

    /** The journal note of an answer. */
    static String answerNote(Supervision r, String answer) {
        return r.kind().labelZh() + "答复：" + answer;
    }

    /**
     * Whom a record concerns: whoever holds the case — the lead department of its current dispatch,
     * its grid, the district's dispatchers (with an assignee: see the four-argument form) — and, for an escalation, the district's administrators
     * and the city centre.
     */
    static List<NoticeRecipient> recipients(SupervisionKind kind, String leadDepartment, String gridCode) {
        return recipients(kind, leadDepartment, gridCode, null);
    }

    /** {@link #recipients(SupervisionKind, String, String)} and the case's assignee (承办人, ADR 0035), if any. */
    static List<NoticeRecipient> recipients(SupervisionKind kind, String leadDepartment, String gridCode,
                                            String assignee) {
        List<NoticeRecipient> out = holders(leadDepartment, gridCode, assignee);
        out.add(new NoticeRecipient(NoticeRecipient.Kind.ROLE, Role.DISPATCHER.id()));
        if (kind == SupervisionKind.ESCALATION) {
            out.add(new NoticeRecipient(NoticeRecipient.Kind.ROLE, Role.DISTRICT_ADMIN.id()));
            out.add(new NoticeRecipient(NoticeRecipient.Kind.CITY, null));
        }
        return out;
    }

    /** Who works on the case outside the centre: its lead department and its grid, when it has them (modifiable). */
    static List<NoticeRecipient> holders(String leadDepartment, String gridCode) {
        return holders(leadDepartment, gridCode, null);
    }

    /** Who works on the case: its assigned person (承办人) first, then its lead department and grid (modifiable). */
    static List<NoticeRecipient> holders(String leadDepartment, String gridCode, String assignee) {
        List<NoticeRecipient> out = new ArrayList<>();
        if (assignee != null && !assignee.isBlank()) {
            out.add(new NoticeRecipient(NoticeRecipient.Kind.PERSON, assignee));
        }
        if (leadDepartment != null && !leadDepartment.isBlank()) {
            out.add(new NoticeRecipient(NoticeRecipient.Kind.DEPARTMENT, leadDepartment));
        }
        if (gridCode != null && !gridCode.isBlank()) {
            out.add(new NoticeRecipient(NoticeRecipient.Kind.GRID, gridCode));
        }
        return out;
    }

    /** The notice of a record: one per record ({@code sourceKey} {@code supervision:<id>}). */
    static Notice notice(TenantDefinition tenant, Supervision r, String leadDepartment, String gridCode,
                         String categoryCode, Instant dueAt) {
        return notice(tenant, r, leadDepartment, gridCode, null, categoryCode, dueAt);
    }

    /** {@link #notice(TenantDefinition, Supervision, String, String, String, Instant)} also to the case's assignee. */
    static Notice notice(TenantDefinition tenant, Supervision r, String leadDepartment, String gridCode,
                         String assignee, String categoryCode, Instant dueAt) {
        return new Notice(tenant.id(), r.caseId(), r.caseNumber(), event(r.kind(), r.trigger()), "supervision:" + r.id(),
                recipients(r.kind(), leadDepartment, gridCode, assignee), variables(tenant, r, categoryCode, dueAt));
    }

    /**
     * The notice of an order's answer ({@code supervision:<id>:answer}), to whoever issued it: the person,
     * or for an escalation the sweep wrote, the city centre. {@code department}: the lead department's name.
     */
    static Notice answered(TenantDefinition tenant, Supervision r, String leadDepartment, String categoryCode,
                           Instant dueAt) {
        Map<String, String> v = variables(tenant, r, categoryCode, dueAt);
        if (leadDepartment != null) {
            v.put("department", tenant.department(leadDepartment).map(DepartmentDefinition::name).orElse(leadDepartment));
        }
        if (r.answeredBy() != null) {
            v.put("answeredBy", r.answeredBy());
        }
        return new Notice(tenant.id(), r.caseId(), r.caseNumber(), ORDER_ANSWERED, "supervision:" + r.id() + ":answer",
                issuer(r), v);
    }

    /**
     * The notice of an order past its deadline unanswered ({@code supervision:<id>:overdue}): to whoever
     * issued it and whoever holds the case — the lead department and the grid, or the dispatchers while
     * it has neither.
     */
    static Notice late(TenantDefinition tenant, Supervision r, String leadDepartment, String gridCode,
                       String categoryCode, Instant dueAt) {
        return late(tenant, r, leadDepartment, gridCode, null, categoryCode, dueAt);
    }

    /** {@link #late(TenantDefinition, Supervision, String, String, String, Instant)} also to the case's assignee. */
    static Notice late(TenantDefinition tenant, Supervision r, String leadDepartment, String gridCode, String assignee,
                       String categoryCode, Instant dueAt) {
        List<NoticeRecipient> to = new ArrayList<>(issuer(r));
        List<NoticeRecipient> holders = holders(leadDepartment, gridCode, assignee);
        to.addAll(holders.isEmpty() ? List.of(new NoticeRecipient(NoticeRecipient.Kind.ROLE, Role.DISPATCHER.id()))
                : holders);
        return new Notice(tenant.id(), r.caseId(), r.caseNumber(), ORDER_OVERDUE, "supervision:" + r.id() + ":overdue",
                to, variables(tenant, r, categoryCode, dueAt));
    }

    /** Who issued a record: the person, or the city centre for what the sweep escalated. */
    static List<NoticeRecipient> issuer(Supervision r) {
        return SupervisionRows.SWEEP_ACTOR.equals(r.issuedBy()) ? List.of(new NoticeRecipient(NoticeRecipient.Kind.CITY, null))
                : List.of(new NoticeRecipient(NoticeRecipient.Kind.PERSON, r.issuedBy()));
    }

    /** The template variables of a record (modifiable). */
    private static Map<String, String> variables(TenantDefinition tenant, Supervision r, String categoryCode,
                                                 Instant dueAt) {
        ZoneId zone = tenant.timeZone();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("district", tenant.name());
        v.put("caseNumber", r.caseNumber());
        v.put("kind", r.kind().wireName());
        v.put("kindLabel", r.kind().labelZh());
        v.put("trigger", r.trigger().wireName());
        v.put("triggerLabel", r.trigger().labelZh());
        v.put("reason", r.reason());
        if (categoryCode != null) {
            v.put("category", tenant.category(categoryCode).map(CategoryDefinition::name).orElse(categoryCode));
        }
        if (dueAt != null) {
            v.put("dueAt", when(dueAt, zone));
        }
        // the templates' ${deadline}: an order's own deadline, for a reminder the case's due time
        Instant deadline = r.deadline() != null ? r.deadline() : dueAt;
        if (deadline != null) {
            v.put("deadline", when(deadline, zone));
        }
        v.put("issuedBy", r.issuedBy());
        return v;
    }

    /** A local time as people read it. */
    static String when(Instant t, ZoneId zone) {
        return t == null ? "" : WHEN.format(t.atZone(zone));
    }

    /** {@code 3 天}, {@code 36 小时}, {@code 90 分钟}. */
    static String text(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + " 天";
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + " 小时";
        }
        return d.toMinutes() + " 分钟";
    }
}
