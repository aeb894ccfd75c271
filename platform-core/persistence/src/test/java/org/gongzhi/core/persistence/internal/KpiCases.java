package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;

/**
 * Builds KPI fixtures through the real case service, each step at an instant the test chooses
 * (the fixture's clock is moved first). Registration is always as a coordination case: due 5
 * working days after registration, at 24:00 Shanghai time.
 */
final class KpiCases {

    private final PersistenceFixture fix;
    private final String tenant;

    KpiCases(PersistenceFixture fix, String tenant) {
        this.fix = fix;
        this.tenant = tenant;
    }

    /** Reports a case at {@code at}; {@code grid} may be null (not located). */
    UUID report(Instant at, String title, String category, String channel, String grid) {
        fix.clock.set(at);
        return fix.cases.report(tenant, new NewCase(title, null, category, org.gongzhi.core.casework.Channel.fromWireName(channel).orElseThrow(), null, null, null, grid, null, null,
                List.of(), null), "test").kase().id();
    }

    /** Reports, registers and dispatches at {@code at} to {@code lead} (with co-departments), accepted. */
    UUID handling(Instant at, String title, String category, String channel, String grid, String lead, String... co) {
        UUID id = report(at, title, category, channel, grid);
        step(at, id, new TransitionCommand(CaseAction.REGISTER, "centre", null, List.of(), null, List.of(),
                SlaTier.COORDINATION, null, null, null));
        step(at, id, new TransitionCommand(CaseAction.DISPATCH, "centre", null, List.of(), lead, List.of(co), null,
                null, null, null));
        step(at, id, CaseAction.ACCEPT);
        return id;
    }

    /** Feedback, verification and closure at {@code at}. */
    void close(Instant at, UUID id) {
        step(at, id, CaseAction.FEEDBACK);
        step(at, id, CaseAction.VERIFY_PASS);
        step(at, id, CaseAction.CLOSE);
    }

    /** Feedback and a failed verification (返工) at {@code at}: back to handling. */
    void rework(Instant at, UUID id) {
        step(at, id, CaseAction.FEEDBACK);
        step(at, id, CaseAction.VERIFY_FAIL);
    }

    void postpone(Instant at, UUID id, int extraWorkingDays) {
        step(at, id, new TransitionCommand(CaseAction.POSTPONE, "handler", "等待配件", List.of(), null, List.of(), null,
                extraWorkingDays, null, null));
    }

    void evaluate(Instant at, UUID id, int satisfaction) {
        step(at, id, new TransitionCommand(CaseAction.EVALUATE, "resident", null, List.of(), null, List.of(), null, null,
                satisfaction, null));
    }

    void step(Instant at, UUID id, CaseAction action) {
        step(at, id, new TransitionCommand(action, "tester", "说明", List.of(), null, List.of(), null, null, null, null));
    }

    private void step(Instant at, UUID id, TransitionCommand command) {
        fix.clock.set(at);
        fix.cases.transition(tenant, id, command);
    }
}
