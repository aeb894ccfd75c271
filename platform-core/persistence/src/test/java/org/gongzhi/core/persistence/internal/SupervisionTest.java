package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.supervision.NewOrder;
import org.gongzhi.core.service.supervision.Supervision;
import org.gongzhi.core.service.supervision.SupervisionKind;
import org.gongzhi.core.service.supervision.SupervisionTrigger;
import org.gongzhi.core.service.supervision.SweepCounts;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * Supervision on a real PostgreSQL: the sweep's reminders exactly once (also with two sweeps at the
 * same moment), a new cycle after a postponement, escalation after the third rework and when overdue
 * by the margin, orders and their answers, the listed matters, and 督办件按期办结率 in the KPIs.
 * Cases of jiangbei, registered Monday 2026-11-02 09:00 Shanghai as coordination cases (due
 * 2026-11-09 24:00), dispatched to CG (城管).
 */
public class SupervisionTest {

    @Rule
    public final PersistenceFixture fix = new PersistenceFixture();

    private static final String T = "jiangbei";
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private HibernateSupervisionService supervision;

    @Before
    public void setUp() {
        fix.clock.set(T0);
        supervision = new HibernateSupervisionService(fix.db, fix.tenants, fix.clock);
    }

    @Test
    public void aCaseCrossingItsWarningTimeGetsExactlyOneReminder() {
        CaseView c = handling("A");
        assertThat(c.warningAt()).isAfter(T0).isBefore(c.dueAt());
        assertThat(sweep(c.warningAt().minusSeconds(1))).isEqualTo(SweepCounts.NONE);

        assertThat(sweep(c.warningAt())).isEqualTo(new SweepCounts(1, 0, 0));
        assertThat(sweep(c.warningAt().plusSeconds(60))).as("a second sweep finds nothing new").isEqualTo(SweepCounts.NONE);

        List<Supervision> records = supervision.ofCase(T, c.id());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(SupervisionKind.REMINDER);
            assertThat(r.trigger()).isEqualTo(SupervisionTrigger.WARNING);
            assertThat(r.deadline()).isNull();
            assertThat(r.issuedBy()).isEqualTo(SupervisionRows.SWEEP_ACTOR);
            assertThat(r.reason()).contains("预警").contains("2026-11-10 00:00");
        });
        JournalEntry last = last(c.id());
        assertThat(last.action()).isEqualTo(CaseAction.COMMENT);
        assertThat(last.actor()).isEqualTo("supervision");
        assertThat(last.from()).isEqualTo(CaseStatus.HANDLING);
        assertThat(last.to()).isEqualTo(CaseStatus.HANDLING);
        assertThat(last.note()).startsWith("催办：");
        assertThat(fix.cases.get(T, c.id()).version()).as("a reminder leaves the case's version alone").isEqualTo(c.version());
    }

    @Test
    public void crossingsOlderThanTheCatchUpAreNotActedOn() {
        CaseView c = handling("G");
        Duration margin = fix.tenants.require(T).supervision().escalateAfterOverdue();
        Instant late = c.dueAt().plus(margin).plus(HibernateSupervisionService.CATCH_UP).plusSeconds(1);
        assertThat(sweep(late)).as("warning, due time and margin all crossed too long ago").isEqualTo(SweepCounts.NONE);
        assertThat(supervision.ofCase(T, c.id())).isEmpty();
    }

    @Test
    public void aDistrictBeingFilledIsLeftAloneUntilItsFillEnds() {
        CaseView c = handling("F");
        try (DistrictFill fill = DistrictFill.hold(fix.db, T)) {
            assertThat(fill).isNotNull();
            assertThat(sweep(c.dueAt())).as("its history is being written").isEqualTo(SweepCounts.NONE);
        }
        assertThat(sweep(c.dueAt())).as("the fill has ended").isEqualTo(new SweepCounts(0, 1, 0));
    }

    @Test
    public void overdueIsRemindedOnceAndAPostponedCaseIsRemindedAgainInItsNewCycle() {
        CaseView c = handling("B");
        assertThat(sweep(c.dueAt())).as("past due: the overdue reminder only").isEqualTo(new SweepCounts(0, 1, 0));
        assertThat(sweep(c.dueAt().plusSeconds(600))).isEqualTo(SweepCounts.NONE);

        fix.clock.set(c.dueAt().plusSeconds(3600));
        step(c.id(), CaseAction.POSTPONE);
        assertThat(sweep(c.dueAt().plusSeconds(7200))).as("postponed: the clock stands").isEqualTo(SweepCounts.NONE);
        step(c.id(), CaseAction.RESUME);
        CaseView resumed = fix.cases.get(T, c.id());
        assertThat(resumed.dueAt()).isAfter(c.dueAt());

        assertThat(sweep(resumed.dueAt()).overdue()).as("new due time, new cycle").isEqualTo(1);
        assertThat(sweep(resumed.dueAt().plusSeconds(60))).isEqualTo(SweepCounts.NONE);
        assertThat(supervision.ofCase(T, c.id()).stream().filter(r -> r.trigger() == SupervisionTrigger.OVERDUE)
                .map(Supervision::kind)).containsExactly(SupervisionKind.REMINDER, SupervisionKind.REMINDER);
    }

    @Test
    public void twoSweepsAtTheSameMomentWriteEachReminderOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(handling("居民反映" + i).id());
        }
        Instant warning = fix.cases.get(T, ids.get(0)).warningAt();
        for (int round = 0; round < 2; round++) {
            Instant at = warning.plusSeconds(round);
            // small limits so that both nodes take several batches and race for the same cases
            int written = race(() -> supervision.sweep(at, 40)).warnings();
            assertThat(written).as("round %d", round).isEqualTo(round == 0 ? 150 : 0);
        }
        assertThat(count("select count(*) from supervision where tenant_id = 'jiangbei'")).isEqualTo(150);
        assertThat(count("select count(distinct case_id) from supervision where tenant_id = 'jiangbei'")).isEqualTo(150);
        assertThat(count("select count(*) from case_journal where tenant_id = 'jiangbei' and actor = 'supervision'"))
                .isEqualTo(150);
        assertThat(count("select count(distinct source_key) from notification_outbox where tenant_id = 'jiangbei'"
                + " and source_key like 'supervision:%'")).as("one notice per reminder").isEqualTo(150);
        assertThat(count("select count(*) from notification_outbox where tenant_id = 'jiangbei'"
                + " and event = 'supervision.reminder.warning' and body like '%居民反映%'")).as("no title in notices").isZero();
    }

    @Test
    public void theUniqueIndexRefusesASecondRecordOfOneCycle() {
        CaseView c = handling("D");
        Supervision r = new Supervision(UUID.randomUUID(), T, c.id(), c.number(), SupervisionKind.REMINDER,
                SupervisionTrigger.WARNING, "x", null, "supervision", T0, null, null, null, null);
        Supervision again = new Supervision(UUID.randomUUID(), T, c.id(), c.number(), SupervisionKind.REMINDER,
                SupervisionTrigger.WARNING, "x", null, "supervision", T0, null, null, null, null);
        assertThat((boolean) fix.db.inTenant(T, s -> SupervisionRows.insert(s, r, c.warningAt()))).isTrue();
        assertThat((boolean) fix.db.inTenant(T, s -> SupervisionRows.insert(s, again, c.warningAt()))).isFalse();
        assertThat((boolean) fix.db.inTenant(T, s -> SupervisionRows.insert(s, again, c.dueAt()))).as("another cycle").isTrue();
    }

    @Test
    public void theThirdReworkEscalatesToTheCityOnce() {
        CaseView c = handling("E");
        for (int i = 1; i <= 3; i++) {
            step(c.id(), CaseAction.FEEDBACK);
            step(c.id(), CaseAction.VERIFY_FAIL);
            SweepCounts swept = sweep(fix.clock.instant());
            assertThat(swept.escalations()).as("after rework %d", i).isEqualTo(i == 3 ? 1 : 0);
        }
        assertThat(sweep(fix.clock.instant().plusSeconds(60)).escalations()).isZero();
        Supervision e = supervision.ofCase(T, c.id()).stream().filter(r -> r.kind() == SupervisionKind.ESCALATION)
                .findFirst().orElseThrow();
        assertThat(e.trigger()).isEqualTo(SupervisionTrigger.REWORK);
        assertThat(e.reason()).contains("第 3 次");
        assertThat(e.deadline()).isEqualTo(e.issuedAt().plus(Duration.ofDays(3)));
        assertThat(supervision.escalations(T0, T0.plus(Duration.ofDays(30)), true)).extracting(Supervision::id)
                .containsExactly(e.id());
        assertThat(last(c.id()).note()).startsWith("提级督办：");
    }

    @Test
    public void aCaseOverdueByTheMarginIsEscalated() {
        CaseView c = handling("F");
        Instant margin = c.dueAt().plus(Duration.ofDays(3));
        assertThat(sweep(margin.minusSeconds(60))).isEqualTo(new SweepCounts(0, 1, 0));
        assertThat(sweep(margin)).isEqualTo(new SweepCounts(0, 0, 1));
        assertThat(sweep(margin.plusSeconds(60))).isEqualTo(SweepCounts.NONE);
    }

    @Test
    public void closedCasesAreNotSwept() {
        CaseView c = handling("G");
        step(c.id(), CaseAction.FEEDBACK);
        step(c.id(), CaseAction.VERIFY_PASS);
        step(c.id(), CaseAction.CLOSE);
        assertThat(sweep(c.dueAt().plus(Duration.ofDays(10)))).isEqualTo(SweepCounts.NONE);
    }

    @Test
    public void anOrderIsIssuedJournaledAndAnsweredOnce() {
        CaseView c = handling("H");
        Instant deadline = T0.plus(Duration.ofDays(2));
        Supervision o = supervision.order(T, c.id(), new NewOrder(null, "  群众反映强烈，请加快处置  ", deadline), "jb-dispatcher");
        assertThat(o.kind()).isEqualTo(SupervisionKind.ORDER);
        assertThat(o.trigger()).isEqualTo(SupervisionTrigger.MANUAL);
        assertThat(o.reason()).isEqualTo("群众反映强烈，请加快处置");
        assertThat(last(c.id()).note()).startsWith("督办：群众反映强烈").contains("前答复");
        assertThat(last(c.id()).actor()).isEqualTo("jb-dispatcher");

        Supervision answered = supervision.answer(T, c.id(), o.id(), "已安排人员现场处置", "jb-cg");
        assertThat(answered.answer()).isEqualTo("已安排人员现场处置");
        assertThat(answered.answeredBy()).isEqualTo("jb-cg");
        assertThat(answered.answeredAt()).isEqualTo(T0);
        assertThat(last(c.id()).note()).isEqualTo("督办答复：已安排人员现场处置");
        ConflictException twice = catchThrowableOfType(ConflictException.class,
                () -> supervision.answer(T, c.id(), o.id(), "再次答复", "jb-cg"));
        assertThat(twice).isNotNull();
        assertThat(twice.field()).isEqualTo("answer");
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> supervision.answer(T, c.id(), UUID.randomUUID(), "答复", "jb-cg"))).isNotNull();
    }

    @Test
    public void ordersCheckTheirInput() {
        CaseView c = handling("I");
        Instant deadline = T0.plus(Duration.ofDays(1));
        assertThat(field(() -> supervision.order(T, c.id(), new NewOrder(null, " ", deadline), "d"))).isEqualTo("reason");
        assertThat(field(() -> supervision.order(T, c.id(), new NewOrder(null, "x".repeat(501), deadline), "d")))
                .isEqualTo("reason");
        assertThat(field(() -> supervision.order(T, c.id(), new NewOrder(null, "事由", null), "d"))).isEqualTo("deadline");
        assertThat(field(() -> supervision.order(T, c.id(), new NewOrder(null, "事由", T0), "d"))).isEqualTo("deadline");
        assertThat(field(() -> supervision.order(T, c.id(), new NewOrder(null, "事由", T0.plus(Duration.ofDays(91))), "d")))
                .isEqualTo("deadline");
        assertThat(field(() -> supervision.order(T, c.id(), new NewOrder(SupervisionKind.REMINDER, "事由", deadline), "d")))
                .isEqualTo("kind");
        assertThat(field(() -> supervision.order(T, c.id(), new NewOrder(null, "事由\u0000", deadline), "d")))
                .isEqualTo("reason");
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> supervision.order(T, UUID.randomUUID(), new NewOrder(null, "事由", deadline), "d"))).isNotNull();
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> supervision.order("donghu", c.id(), new NewOrder(null, "事由", deadline), "d")))
                .as("another district's case is no case").isNotNull();
        step(c.id(), CaseAction.FEEDBACK);
        step(c.id(), CaseAction.VERIFY_PASS);
        step(c.id(), CaseAction.CLOSE);
        assertThat(catchThrowableOfType(ConflictException.class,
                () -> supervision.order(T, c.id(), new NewOrder(null, "事由", deadline), "d")).field()).isEqualTo("case");
    }

    @Test
    public void aReminderIsNotAnswered() {
        CaseView c = handling("J");
        sweep(c.warningAt());
        Supervision reminder = supervision.ofCase(T, c.id()).get(0);
        assertThat(catchThrowableOfType(ConflictException.class,
                () -> supervision.answer(T, c.id(), reminder.id(), "收到", "jb-cg")).field()).isEqualTo("answer");
    }

    @Test
    public void listedMattersArePublishedAsAList() {
        CaseView a = handling("K");
        CaseView b = handling("L");
        Instant deadline = T0.plus(Duration.ofDays(10));
        Supervision la = supervision.order(T, a.id(), new NewOrder(SupervisionKind.LISTED, "重大隐患挂牌督办", deadline), "jb-admin");
        supervision.order(T, b.id(), new NewOrder(SupervisionKind.ORDER, "普通督办", deadline), "jb-admin");
        assertThat(supervision.listed(T, false)).extracting(Supervision::id).containsExactly(la.id());
        assertThat(supervision.listed(T, true)).isEmpty();
        fix.clock.set(T0.plusSeconds(60));
        List<Supervision> published = supervision.publishListed(T, "jb-admin");
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(la.id());
            assertThat(p.publishedAt()).isEqualTo(T0.plusSeconds(60));
        });
        fix.clock.set(T0.plusSeconds(120));
        assertThat(supervision.publishListed(T, "jb-admin").get(0).publishedAt()).as("published once")
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    public void anOverdueOrderShowsInTheKpis() {
        CaseView a = handling("M");
        CaseView b = handling("N");
        Instant deadline = T0.plus(Duration.ofDays(1));
        Supervision late = supervision.order(T, a.id(), new NewOrder(null, "请加快", deadline), "jb-dispatcher");
        Supervision prompt = supervision.order(T, b.id(), new NewOrder(null, "请加快", deadline), "jb-dispatcher");
        Instant from = T0.minus(Duration.ofDays(1));
        Instant to = T0.plus(Duration.ofDays(30));

        KpiFigures before = fix.kpis.figures(T, from, to);
        assertThat(before.supervisionOrders()).isEqualTo(2);
        assertThat(before.supervisionDue()).as("neither answered nor past its deadline").isZero();
        assertThat(before.supervisionOnTimeRate()).isNull();

        fix.clock.set(T0.plus(Duration.ofHours(2)));
        supervision.answer(T, b.id(), prompt.id(), "已处置", "jb-cg");
        KpiFigures answered = fix.kpis.figures(T, from, to);
        assertThat(answered.supervisionDue()).isEqualTo(1);
        assertThat(answered.supervisionOnTime()).isEqualTo(1);

        fix.clock.set(deadline);
        KpiFigures overdue = fix.kpis.figures(T, from, to);
        assertThat(overdue.supervisionDue()).as("the unanswered order is due from its deadline").isEqualTo(2);
        assertThat(overdue.supervisionOnTime()).isEqualTo(1);
        assertThat(overdue.supervisionOnTimeRate()).isCloseTo(0.5, within(1e-12));

        fix.clock.set(deadline.plus(Duration.ofHours(1)));
        supervision.answer(T, a.id(), late.id(), "已处置（逾期）", "jb-cg");
        KpiFigures after = fix.kpis.figures(T, from, to);
        assertThat(after.supervisionDue()).isEqualTo(2);
        assertThat(after.supervisionOnTime()).as("answered after its deadline").isEqualTo(1);

        assertThat(fix.kpis.city(from, to, 0).total().supervisionDue()).as("the city total adds the districts")
                .isEqualTo(2);
        assertThat(fix.kpis.figures(T, to, to.plus(Duration.ofDays(30))).supervisionDue())
                .as("deadlines outside the period").isZero();
    }

    @Test
    public void anAnsweredOrderTellsThePersonWhoIssuedIt() {
        CaseView c = handling("答复标题不外传");
        Supervision o = supervision.order(T, c.id(), new NewOrder(null, "请加快处置", T0.plus(Duration.ofDays(2))),
                "jb-dispatcher");
        assertThat(notices("supervision.order.answered")).isZero();
        fix.clock.set(T0.plusSeconds(600));
        supervision.answer(T, c.id(), o.id(), "已处置", "jb-cg");

        assertThat(rows("select distinct destination from notification_outbox where tenant_id = 'jiangbei'"
                + " and event = 'supervision.order.answered'")).as("the issuer only").containsExactly("jb-dispatcher");
        assertThat(rows("select body from notification_outbox where tenant_id = 'jiangbei' and channel = 'INBOX'"
                + " and event = 'supervision.order.answered'")).singleElement().asString()
                .contains(c.number()).contains("江北区城市管理局").contains("已由").doesNotContain("标题不外传");
        assertThat(rows("select source_key from notification_outbox where tenant_id = 'jiangbei'"
                + " and event = 'supervision.order.answered' and channel = 'INBOX'"))
                .containsExactly("supervision:" + o.id() + ":answer");
    }

    @Test
    public void anOrderPastItsDeadlineUnansweredIsToldOnceToItsIssuerAndTheHolder() {
        CaseView c = handling("Q");
        CaseView d = handling("R");
        Instant deadline = T0.plus(Duration.ofHours(20));
        Supervision late = supervision.order(T, c.id(), new NewOrder(null, "请加快", deadline), "jb-admin");
        Supervision answered = supervision.order(T, d.id(), new NewOrder(null, "请加快", deadline), "jb-admin");
        fix.clock.set(T0.plusSeconds(60));
        supervision.answer(T, d.id(), answered.id(), "已处置", "jb-cg");

        sweep(deadline.minusSeconds(1));
        assertThat(notices("supervision.order.overdue")).as("not yet late").isZero();
        sweep(deadline);
        assertThat(rows("select destination from notification_outbox where tenant_id = 'jiangbei' and channel = 'INBOX'"
                + " and event = 'supervision.order.overdue' order by 1"))
                .as("the issuer and the department holding the case, not the answered order").containsExactly("jb-admin", "jb-cg");
        assertThat(rows("select source_key from notification_outbox where tenant_id = 'jiangbei'"
                + " and event = 'supervision.order.overdue' and destination = 'jb-admin' and channel = 'INBOX'"))
                .containsExactly("supervision:" + late.id() + ":overdue");
        long told = notices("supervision.order.overdue");
        sweep(deadline.plusSeconds(60));
        sweep(deadline.plus(Duration.ofDays(1)));
        assertThat(notices("supervision.order.overdue")).as("told once").isEqualTo(told);
        assertThat(count("select count(*) from supervision where tenant_id = 'jiangbei' and overdue_noticed_at is not null"))
                .isEqualTo(1);
    }

    @Test
    public void anOrderLateForLongerThanTheCatchUpIsNotToldAfterTheFact() {
        CaseView c = handling("S");
        Instant deadline = T0.plus(Duration.ofHours(20));
        supervision.order(T, c.id(), new NewOrder(null, "请加快", deadline), "jb-admin");
        sweep(deadline.plus(HibernateSupervisionService.CATCH_UP).plusSeconds(1));
        assertThat(notices("supervision.order.overdue")).as("a lateness of days ago, after an outage or an upgrade")
                .isZero();
    }

    @Test
    public void twoSweepsAtTheSameMomentTellEachLateOrderOnce() throws Exception {
        Instant deadline = T0.plus(Duration.ofHours(20));
        for (int i = 0; i < 120; i++) {
            CaseView c = handling("迟" + i);
            supervision.order(T, c.id(), new NewOrder(null, "请加快", deadline), "jb-dispatcher");
        }
        Instant at = deadline.plusSeconds(1);
        fix.clock.set(at);
        race(() -> supervision.sweep(at, 40));
        assertThat(count("select count(*) from notification_outbox where tenant_id = 'jiangbei' and channel = 'INBOX'"
                + " and event = 'supervision.order.overdue' and destination = 'jb-dispatcher'")).isEqualTo(120);
        assertThat(count("select count(*) from supervision where tenant_id = 'jiangbei' and overdue_noticed_at is not null"))
                .isEqualTo(120);
    }

    @Test
    public void aCaseOverdueByTheMarginAndReworkedThreeTimesIsEscalatedOnce() {
        CaseView c = handling("S");
        for (int i = 1; i <= 3; i++) {
            step(c.id(), CaseAction.FEEDBACK);
            step(c.id(), CaseAction.VERIFY_FAIL);
        }
        Instant margin = fix.cases.get(T, c.id()).dueAt().plus(Duration.ofDays(3));
        assertThat(sweep(margin).escalations()).as("both rules hold: one escalation").isEqualTo(1);
        assertThat(sweep(margin.plusSeconds(60)).escalations()).isZero();
        assertThat(supervision.ofCase(T, c.id()).stream().filter(r -> r.kind() == SupervisionKind.ESCALATION)).hasSize(1);
        assertThat(count("select count(distinct source_key) from notification_outbox where tenant_id = 'jiangbei'"
                + " and event = 'supervision.escalated'")).as("one notice to the city").isEqualTo(1);

        CaseView d = handling("U");
        for (int i = 1; i <= 3; i++) {
            step(d.id(), CaseAction.FEEDBACK);
            step(d.id(), CaseAction.VERIFY_FAIL);
        }
        assertThat(sweep(fix.clock.instant()).escalations()).as("escalated for the reworks").isEqualTo(1);
        Instant later = fix.cases.get(T, d.id()).dueAt().plus(Duration.ofDays(3));
        assertThat(sweep(later).escalations()).as("and not again once overdue by the margin").isZero();
        assertThat(supervision.ofCase(T, d.id()).stream().filter(r -> r.kind() == SupervisionKind.ESCALATION)
                .map(Supervision::trigger)).containsExactly(SupervisionTrigger.REWORK);
    }

    @Test
    public void twoSweepsAtTheSameMomentEscalateACaseThatQualifiesTwiceOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID id = handling("返工" + i).id();
            for (int r = 0; r < 3; r++) {
                step(id, CaseAction.FEEDBACK);
                step(id, CaseAction.VERIFY_FAIL);
            }
            ids.add(id);
        }
        Instant at = fix.cases.get(T, ids.get(0)).dueAt().plus(Duration.ofDays(4));
        fix.clock.set(at);
        assertThat(race(() -> supervision.sweep(at, 25)).escalations()).isEqualTo(60);
        assertThat(count("select count(*) from supervision where tenant_id = 'jiangbei' and kind = 'ESCALATION'"))
                .isEqualTo(60);
        assertThat(count("select count(distinct case_id) from supervision where tenant_id = 'jiangbei'"
                + " and kind = 'ESCALATION'")).isEqualTo(60);
    }

    // ---- helpers ----

    /** Runs {@code sweep} ten times on each of two threads started at the same moment (two nodes); what both wrote. */
    private static SweepCounts race(Callable<SweepCounts> sweep) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<SweepCounts> node = () -> {
                start.await();
                SweepCounts sum = SweepCounts.NONE;
                for (int i = 0; i < 10; i++) {
                    sum = sum.plus(sweep.call());
                }
                return sum;
            };
            Future<SweepCounts> a = pool.submit(node);
            Future<SweepCounts> b = pool.submit(node);
            start.countDown();
            return a.get(120, TimeUnit.SECONDS).plus(b.get(120, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private long notices(String event) {
        return count("select count(*) from notification_outbox where tenant_id = 'jiangbei' and event = '" + event + "'");
    }

    private List<String> rows(String sql) {
        return fix.db.inTenant(T, s -> s.createNativeQuery(sql, String.class).getResultList());
    }

    private SweepCounts sweep(Instant at) {
        fix.clock.set(at);
        return supervision.sweep(at, 10_000);
    }

    private String field(Runnable r) {
        ValidationException e = catchThrowableOfType(ValidationException.class, r::run);
        assertThat(e).as("expected a ValidationException").isNotNull();
        return e.field();
    }

    private long count(String sql) {
        return fix.db.inTenant(T, s -> s.createNativeQuery(sql, Long.class).getSingleResult());
    }

    private JournalEntry last(UUID id) {
        List<JournalEntry> j = fix.cases.journal(T, id);
        return j.get(j.size() - 1);
    }

    /** Reported, registered, dispatched to CG and accepted at T0. */
    private CaseView handling(String title) {
        fix.clock.set(T0);
        UUID id = fix.cases.report(T, new NewCase(title, null, "CM0101", org.gongzhi.core.casework.Channel.HOTLINE, null, null, null, null, null, null,
                List.of(), null), "hotline").kase().id();
        fix.cases.transition(T, id, new TransitionCommand(CaseAction.REGISTER, "centre", null, List.of(), null,
                List.of(), SlaTier.COORDINATION, null, null, null));
        step(id, CaseAction.DISPATCH);
        step(id, CaseAction.ACCEPT);
        return fix.cases.get(T, id);
    }

    private void step(UUID id, CaseAction action) {
        String lead = action == CaseAction.DISPATCH ? "CG" : null;
        Integer days = action == CaseAction.POSTPONE ? 3 : null;
        fix.cases.transition(T, id, new TransitionCommand(action, "tester", "说明", List.of(), lead, List.of(), null,
                days, null, null));
    }
}
