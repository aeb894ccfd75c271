package org.gongzhi.core.casework.workflow;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;

/**
 * Jizhou's shipped definition (normal 2 h / 5 / 15 working days; wartime 30 min / 12 h / 48 h) and cases of
 * it, for the workflow's tests.
 */
final class Jizhou {

    static final TenantDefinition DISTRICT = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));
    static final CaseWorkflow FLOW = new CaseWorkflow(DISTRICT);
    /** Monday 2026-11-02, 09:00 in Shanghai. */
    static final Instant MONDAY_9 = Instant.parse("2026-11-02T01:00:00Z");
    /** A grid of Yangming road's community, and a point inside it. */
    static final String GRID = "360802001001001";

    private Jizhou() {
    }

    /** A case of CM0101 (simple) reported five minutes before Monday 9:00. */
    static CaseRecord reported(SlaTier tier) {
        CaseReport report = new CaseReport(UUID.randomUUID(), "360802-20261102-000001", "路边垃圾堆积", null, "CM0101",
                "CITY_MANAGEMENT", "grid-worker", GRID, null, null, null, "阳明路", null, null, null, null, null, false,
                List.of(), MONDAY_9.minus(Duration.ofMinutes(5)), null, null, false);
        return new CaseRecord(report, LoopState.reported(tier));
    }

    static TransitionCommand step(CaseAction action, String note) {
        return new TransitionCommand(action, "centre", note, List.of(), null, List.of(), null, null, null, null);
    }

    static TransitionCommand dispatch(String lead, String... co) {
        return new TransitionCommand(CaseAction.DISPATCH, "centre", null, List.of(), lead, List.of(co), null, null,
                null, null);
    }

    static TransitionCommand postpone(Integer days) {
        return new TransitionCommand(CaseAction.POSTPONE, "cg", "等待材料", List.of(), null, List.of(), null, days,
                null, null);
    }

    static TransitionCommand evaluate(Integer satisfaction) {
        return new TransitionCommand(CaseAction.EVALUATE, "centre", null, List.of(), null, List.of(), null, null,
                satisfaction, null);
    }

    /** Takes {@code steps} in order on {@code c} at {@code at}, without plugins, in normal mode. */
    static CaseRecord take(CaseRecord c, Instant at, TransitionCommand... steps) {
        CaseRecord now = c;
        for (TransitionCommand s : steps) {
            now = FLOW.apply(now, s, at, StepHooks.none()).after();
        }
        return now;
    }

    /** A simple case registered on Monday 9:00 and dispatched to city management (CG). */
    static CaseRecord dispatched() {
        return take(reported(SlaTier.SIMPLE), MONDAY_9, step(CaseAction.REGISTER, null), dispatch("CG"));
    }

    /** A case with feedback from CG, waiting for the centre's check. */
    static CaseRecord withFeedback() {
        return take(dispatched(), MONDAY_9.plus(Duration.ofMinutes(30)), step(CaseAction.ACCEPT, null),
                step(CaseAction.FEEDBACK, "已清运"));
    }

    /** A closed case, closed in time. */
    static CaseRecord closed() {
        return take(withFeedback(), MONDAY_9.plus(Duration.ofHours(1)), step(CaseAction.VERIFY_PASS, null),
                step(CaseAction.CLOSE, null));
    }

    static Map<String, String> colour(String c) {
        return Map.of("colour", c);
    }
}
