package org.gongzhi.core.casework.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * 12345 回复 — the answer a closed hotline ticket sends back to the hotline system (ADR 0030). Storage
 * writes it into the dispatch outbox, under {@link org.gongzhi.core.tenant.HotlineMapping#REPLY_DEPARTMENT},
 * in the transaction of the close, when the district has a {@code reply} connector; the integration
 * bundle delivers it like a dispatch. The payload is documented by
 * {@code docs/integration/hotline-reply.schema.json}: nothing of the caller beyond the ticket number.
 *
 * @since 1.1.0
 */
public final class HotlineReply {

    /** The result text when no public note was written on the case. */
    public static final String DEFAULT_RESULT = "您反映的问题已办结。";

    private HotlineReply() {
    }

    /**
     * The ticket number (工单编号) of a case that came from a hotline ticket: channel {@code hotline} and
     * an idempotency key {@value HotlineIntake#KEY_PREFIX}{@code <number>}; empty for any other case
     * (a hotline call entered by hand has no ticket to answer).
     */
    public static Optional<String> ticketNumber(CaseReport r) {
        String key = r.idempotencyKey();
        if (!Channel.HOTLINE.wireName().equals(r.channel()) || key == null || !key.startsWith(HotlineIntake.KEY_PREFIX)
                || key.length() == HotlineIntake.KEY_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(key.substring(HotlineIntake.KEY_PREFIX.length()));
    }

    /** Whether closing {@code c} sends a reply: a ticket's case, just closed, in a district with a reply connector. */
    public static boolean due(TenantDefinition tenant, CaseRecord c) {
        return c.state().status() == CaseStatus.CLOSED && tenant.hotline().reply() != null
                && ticketNumber(c.report()).isPresent();
    }

    /** The first text that is not blank of {@code publicNotes} (newest first), else {@link #DEFAULT_RESULT}. */
    public static String result(String... publicNotes) {
        for (String n : publicNotes) {
            if (n != null && !n.isBlank()) {
                return n.strip();
            }
        }
        return DEFAULT_RESULT;
    }

    /**
     * The reply of a closed case. Keys in this order: type ({@code hotline-reply}), replyId, tenant,
     * ticketNumber, caseId, caseNumber, result, closedAt, closedOnTime, department, departmentName.
     *
     * @param result  the public result text (see {@link #result})
     * @param replyId the outbox row's id, sent with every delivery attempt
     * @throws IllegalArgumentException when the case is no ticket's case or not closed
     */
    public static Map<String, Object> payload(TenantDefinition tenant, CaseRecord c, String result, UUID replyId) {
        String ticket = ticketNumber(c.report()).orElseThrow(() -> new IllegalArgumentException(
                "case " + c.report().number() + " did not come from a hotline ticket"));
        LoopState s = c.state();
        if (s.closedAt() == null) {
            throw new IllegalArgumentException("case " + c.report().number() + " is not closed");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "hotline-reply");
        p.put("replyId", replyId.toString());
        p.put("tenant", tenant.id());
        p.put("ticketNumber", ticket);
        p.put("caseId", c.report().id().toString());
        p.put("caseNumber", c.report().number());
        p.put("result", result);
        p.put("closedAt", s.closedAt().toString());
        p.put("closedOnTime", s.closedOnTime());
        p.put("department", s.leadDepartment());
        p.put("departmentName", s.leadDepartment() == null ? null
                : tenant.department(s.leadDepartment()).map(DepartmentDefinition::name).orElse(null));
        return p;
    }
}
