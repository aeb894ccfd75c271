package org.gongzhi.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case through the closed loop (事件闭环): intake, then register → dispatch → accept → feedback → verify-pass →
 * close, and with {@code --evaluate} → evaluate (satisfaction 5). Stops at the first failed call, which goes to the
 * {@link ErrorLog}.
 */
final class CaseLoop {

    /** A transition: its wire action and the extra body fields it needs. */
    record Step(String action, Map<String, Object> fields) {
        Map<String, Object> body(TenantProfile tenant) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", action);
            body.putAll(fields);
            if (action.equals("dispatch")) {
                body.put("leadDepartment", tenant.department());
            }
            return body;
        }
    }

    static final Step REGISTER = new Step("register", Map.of());
    /** Sends the case to the tenant profile's lead department. */
    static final Step DISPATCH = new Step("dispatch", Map.of());

    static final List<Step> STEPS = List.of(
            REGISTER,
            DISPATCH,
            new Step("accept", Map.of()),
            new Step("feedback", Map.of("note", "已处置")),
            new Step("verify-pass", Map.of()),
            new Step("close", Map.of()));

    /** The evaluation after close ({@code --evaluate}), as the district's administrator or dispatcher may record it. */
    static final Step EVALUATE = new Step("evaluate", Map.of("satisfaction", 5));

    private final ApiClient api;
    private final ErrorLog errors;
    private final String runId;
    private final List<Step> steps;

    /** The loop of {@link #STEPS}, followed by {@link #EVALUATE} when {@code evaluate}. */
    CaseLoop(ApiClient api, ErrorLog errors, String runId, boolean evaluate) {
        this.api = api;
        this.errors = errors;
        this.runId = runId;
        this.steps = steps(evaluate);
    }

    /** The transitions after intake of a loop with or without the evaluation. */
    static List<Step> steps(boolean evaluate) {
        if (!evaluate) {
            return STEPS;
        }
        List<Step> all = new ArrayList<>(STEPS);
        all.add(EVALUATE);
        return List.copyOf(all);
    }

    /**
     * Runs case {@code ticket}; records into {@code stats} only when {@code measured}. The case counts as closed
     * when its last step (close, or evaluate) has answered. Latencies of intake and of
     * the whole loop count from {@code ticket.intendedNanos()} (the scheduled start, which in open-loop mode may lie
     * before the request could be sent), each transition from its own send.
     */
    void run(Schedule.Ticket ticket, TenantProfile tenant, boolean fullLoop, boolean measured, WorkerStats stats)
            throws InterruptedException {
        String key = "load-" + runId + "-" + ticket.number();
        ApiClient.Reply reply = api.intake(tenant, key, "压力测试 " + runId + " #" + ticket.number());
        long now = System.nanoTime();
        String id = reply.ok() ? ApiClient.caseId(reply.body()) : null;
        if (id == null) {
            errors.record("intake", reply.ok() ? new ApiClient.Reply(reply.status(), "no case id in: " + reply.body())
                    : reply);
            return;
        }
        if (measured) {
            stats.intake(now - ticket.intendedNanos());
        }
        if (!fullLoop) {
            return;
        }
        for (Step step : steps) {
            long sent = System.nanoTime();
            reply = api.transition(tenant, id, step.body(tenant));
            now = System.nanoTime();
            if (!reply.ok()) {
                errors.record(step.action(), reply);
                return;
            }
            if (measured) {
                stats.transition(step.action(), now - sent);
            }
        }
        if (measured) {
            stats.closed(now - ticket.intendedNanos());
        }
    }
}
