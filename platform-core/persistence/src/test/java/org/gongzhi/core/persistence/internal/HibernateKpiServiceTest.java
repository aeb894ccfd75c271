package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.CaseView;
import org.gongzhi.core.service.KpiFigures;
import org.gongzhi.core.service.TransitionCommand;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * KPI figures against a hand-computed fixture in its own district (jiangbei), all registered on
 * Monday 2026-11-02 09:00 Shanghai as coordination cases (due 2026-11-09 24:00):
 * <pre>
 *  A closed after 24 h, on time, satisfaction 5
 *  B reworked once, closed after 240 h (late), satisfaction 2
 *  C postponed (缓办): left out of the due denominator
 *  D dispatched and still open past its due time: overdue
 *  E reported only; F rejected at intake
 * </pre>
 * At 2026-11-12: reported 6, registered 4, due 3 (A, B, D), closed 2, on time 1, verified 2,
 * reworked 1, postponed 1, evaluated 2, satisfied 1, pending now 3 (C, D, E), overdue now 1 (D).
 */
public class HibernateKpiServiceTest {

    @Rule
    public final PersistenceFixture fix = new PersistenceFixture();

    private static final String T = "jiangbei";
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    @Before
    public void loadFixture() {
        fix.clock.set(T0);
        UUID a = registered("A");
        UUID b = registered("B");
        UUID c = registered("C");
        UUID d = registered("D");
        report("E");
        UUID f = report("F");
        step(f, CaseAction.REJECT);
        for (UUID id : List.of(a, b, c, d)) {
            step(id, CaseAction.DISPATCH);
            step(id, CaseAction.ACCEPT);
        }
        step(c, CaseAction.POSTPONE);
        step(a, CaseAction.FEEDBACK);
        step(b, CaseAction.FEEDBACK);
        step(b, CaseAction.VERIFY_FAIL);
        step(b, CaseAction.FEEDBACK);
        step(a, CaseAction.VERIFY_PASS);
        fix.clock.set(T0.plus(Duration.ofHours(24)));
        step(a, CaseAction.CLOSE);
        evaluate(a, 5);
        step(b, CaseAction.VERIFY_PASS);
        fix.clock.set(T0.plus(Duration.ofHours(240)));
        step(b, CaseAction.CLOSE);
        evaluate(b, 2);
    }

    @Test
    public void figuresMatchTheHandComputedFixture() {
        KpiFigures k = fix.kpis.figures(T, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30)));
        assertThat(k.reported()).isEqualTo(6);
        assertThat(k.registered()).isEqualTo(4);
        assertThat(k.dueToClose()).isEqualTo(3);
        assertThat(k.closed()).isEqualTo(2);
        assertThat(k.closedOnTime()).isEqualTo(1);
        assertThat(k.closureRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(k.onTimeClosureRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(k.verified()).isEqualTo(2);
        assertThat(k.reworked()).isEqualTo(1);
        assertThat(k.reworkRate()).isEqualTo(0.5);
        assertThat(k.postponed()).isEqualTo(1);
        assertThat(k.evaluated()).isEqualTo(2);
        assertThat(k.satisfactionRate()).isEqualTo(0.5);
        assertThat(k.averageSatisfaction()).isEqualTo(3.5);
        assertThat(k.averageHandlingHours()).isCloseTo(132.0, within(1e-6));
        assertThat(k.pendingNow()).isEqualTo(3);
        assertThat(k.overdueNow()).isEqualTo(1);
    }

    @Test
    public void aPeriodWithoutCasesHasNoRates() {
        KpiFigures k = fix.kpis.figures(T, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"));
        assertThat(k.reported()).isZero();
        assertThat(k.closureRate()).isNull();
        assertThat(k.averageHandlingHours()).isNull();
    }

    @Test
    public void overdueListsOnlyRunningCasesPastDue() {
        List<CaseView> overdue = fix.cases.overdue(T, fix.clock.instant(), 10);
        assertThat(overdue).extracting(CaseView::title).containsExactly("D");
    }

    private UUID report(String title) {
        return fix.cases.report(T, new org.gongzhi.core.service.NewCase(title, null, "CM0101", "hotline", null, null,
                null, null, null, null, List.of(), null), "hotline").kase().id();
    }

    private UUID registered(String title) {
        UUID id = report(title);
        fix.cases.transition(T, id, new TransitionCommand(CaseAction.REGISTER, "centre", null, List.of(), null,
                List.of(), SlaTier.COORDINATION, null, null, null));
        return id;
    }

    private void step(UUID id, CaseAction action) {
        String lead = action == CaseAction.DISPATCH ? "CG" : null;
        Integer days = action == CaseAction.POSTPONE ? 3 : null;
        fix.cases.transition(T, id, new TransitionCommand(action, "tester", "说明", List.of(), lead, List.of(), null,
                days, null, null));
    }

    private void evaluate(UUID id, int satisfaction) {
        fix.cases.transition(T, id, new TransitionCommand(CaseAction.EVALUATE, "resident", null, List.of(), null,
                List.of(), null, null, satisfaction, null));
    }
}
