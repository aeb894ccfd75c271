package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.kpi.KpiFigures;
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
 * reworked 1, postponed 1, evaluated 2, satisfied 1, pending now 3 (C, D, E), overdue now 1 (D);
 * handling hours 24 and 240 (p90 = 24 + 0.9 × 216 = 218.4); all dispatched to CG (城管, a district
 * bureau), so nothing was resolved at town level.
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
        assertThat(k.p90HandlingHours()).isCloseTo(218.4, within(1e-9));
        assertThat(k.postponementRate()).isEqualTo(0.25);
        assertThat(k.resolvedAtTownOrVillage()).isZero();
        assertThat(k.townOrVillageShare()).isEqualTo(0.0);
        assertThat(k.mediationSuccessRate()).as("comes from the mediation plugin").isNull();
        assertThat(k.pendingNow()).isEqualTo(3);
        assertThat(k.overdueNow()).isEqualTo(1);
    }

    @Test
    public void aLateClosureCountsAsClosedButNotOnTime() {
        KpiFigures before = fix.kpis.figures(T, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30)));
        // D has been overdue since 2026-11-09 24:00; closing it now is 结案 but not 按期结案
        step(fix.clock.instant(), d(), CaseAction.FEEDBACK, CaseAction.VERIFY_PASS, CaseAction.CLOSE);
        KpiFigures after = fix.kpis.figures(T, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30)));
        assertThat(after.dueToClose()).isEqualTo(before.dueToClose()).isEqualTo(3);
        assertThat(after.closed()).isEqualTo(3);
        assertThat(after.closedOnTime()).isEqualTo(1);
        assertThat(after.closureRate()).isEqualTo(1.0);
        assertThat(after.onTimeClosureRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(after.overdueNow()).isZero();
    }

    @Test
    public void aPostponedCaseRejoinsTheDueDenominatorWhenResumed() {
        // C: postponed by 3 working days, due 2026-11-12 24:00 Shanghai = 16:00 UTC
        UUID c = byTitle("C");
        fix.clock.set(Instant.parse("2026-11-13T01:00:00Z"));
        KpiFigures postponed = fix.kpis.figures(T, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30)));
        assertThat(postponed.dueToClose()).as("缓办 leaves the denominator even past its due time").isEqualTo(3);
        assertThat(postponed.overdueNow()).isEqualTo(1);
        step(fix.clock.instant(), c, CaseAction.RESUME);
        KpiFigures resumed = fix.kpis.figures(T, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30)));
        assertThat(resumed.dueToClose()).isEqualTo(4);
        assertThat(resumed.closureRate()).isEqualTo(0.5);
        assertThat(resumed.overdueNow()).as("C and D").isEqualTo(2);
        assertThat(resumed.postponed()).as("postponed at least once, still").isEqualTo(1);
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

    private UUID d() {
        return byTitle("D");
    }

    private UUID byTitle(String title) {
        return fix.cases.list(T, new org.gongzhi.core.service.cases.CaseQuery(null, null, null, null, null, null, null, null,
                0, 50)).items().stream().filter(v -> v.title().equals(title)).findFirst().orElseThrow().id();
    }

    private void step(Instant at, UUID id, CaseAction... actions) {
        fix.clock.set(at);
        for (CaseAction action : actions) {
            step(id, action);
        }
    }

    private UUID report(String title) {
        return fix.cases.report(T, new org.gongzhi.core.service.cases.NewCase(title, null, "CM0101", org.gongzhi.core.casework.Channel.HOTLINE, null, null,
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
