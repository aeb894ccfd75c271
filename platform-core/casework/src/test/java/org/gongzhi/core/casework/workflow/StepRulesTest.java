package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhi.core.casework.workflow.Jizhou.FLOW;
import static org.gongzhi.core.casework.workflow.Jizhou.MONDAY_9;
import static org.gongzhi.core.casework.workflow.Jizhou.step;
import static org.gongzhi.core.casework.workflow.Jizhou.take;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.IllegalTransitionException;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.screen.OperatingMode;
import org.junit.Test;

/** The rules of the steps after registration, on records, without a database. */
public class StepRulesTest {

    private static final Instant LATER = MONDAY_9.plus(Duration.ofHours(3));

    private static void refused(CaseRecord c, TransitionCommand cmd, String field) {
        assertThatThrownBy(() -> FLOW.apply(c, cmd, LATER, StepHooks.none()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }

    // 市级接管 ------------------------------------------------------------------------------------

    @Test
    public void aCityActorsStepIsJournaledAsATakeOverButStillNeedsItsReason() {
        CaseRecord c = Jizhou.dispatched();
        TransitionCommand city = new TransitionCommand(CaseAction.POSTPONE, "city:city-dispatcher", "等待配件",
                List.of(), null, List.of(), null, 3, null, null);
        assertThat(FLOW.apply(c, city, LATER, StepHooks.none()).journal().note()).isEqualTo("市级接管：等待配件");
        refused(c, new TransitionCommand(CaseAction.POSTPONE, "city:city-dispatcher", null, List.of(), null,
                List.of(), null, 3, null, null), "note");
        TransitionCommand accept = new TransitionCommand(CaseAction.ACCEPT, "city:city-dispatcher", null, List.of(),
                null, List.of(), null, null, null, null);
        assertThat(FLOW.apply(c, accept, LATER, StepHooks.none()).journal().note()).isEqualTo("市级接管");
        assertThat(FLOW.apply(c, Jizhou.postpone(3), LATER, StepHooks.none()).journal().note())
                .doesNotContain("市级接管");
    }

    // 延期 ----------------------------------------------------------------------------------------

    @Test
    public void postponementTakesOneToThirtyWorkingDaysAndAReason() {
        CaseRecord c = Jizhou.dispatched();
        refused(c, Jizhou.postpone(0), "extraWorkingDays");
        refused(c, Jizhou.postpone(31), "extraWorkingDays");
        refused(c, Jizhou.postpone(null), "extraWorkingDays");
        refused(c, new TransitionCommand(CaseAction.POSTPONE, "cg", " ", List.of(), null, List.of(), null, 3, null,
                null), "note");
        assertThat(FLOW.apply(c, Jizhou.postpone(CaseWorkflow.MAX_EXTRA_WORKING_DAYS), LATER, StepHooks.none())
                .after().state().status()).isEqualTo(CaseStatus.POSTPONED);
        assertThat(CaseWorkflow.MAX_EXTRA_WORKING_DAYS).isEqualTo(30);
    }

    @Test
    public void postponementMovesDueAndWarningTimeAndCountsOnce() {
        CaseRecord c = Jizhou.dispatched();
        LoopState s = FLOW.apply(c, Jizhou.postpone(3), LATER, StepHooks.none()).after().state();
        // due Monday 11:00 (2 h), plus three working days: Thursday 11:00
        assertThat(s.dueAt()).isEqualTo(Instant.parse("2026-11-05T03:00:00Z"));
        assertThat(s.warningAt()).isEqualTo(FLOW.sla().warningAt(MONDAY_9, s.dueAt()));
        assertThat(s.warningAt()).isAfter(c.state().warningAt());
        assertThat(s.postponeCount()).isEqualTo(1);
        assertThat(s.registeredAt()).as("the clock's start stays").isEqualTo(MONDAY_9);
    }

    // 考核 ----------------------------------------------------------------------------------------

    @Test
    public void evaluationIsOneToFive() {
        CaseRecord c = Jizhou.closed();
        refused(c, Jizhou.evaluate(0), "satisfaction");
        refused(c, Jizhou.evaluate(6), "satisfaction");
        refused(c, Jizhou.evaluate(null), "satisfaction");
        assertThat(FLOW.apply(c, Jizhou.evaluate(1), LATER, StepHooks.none()).after().state().satisfaction()).isEqualTo(1);
        LoopState s = FLOW.apply(c, Jizhou.evaluate(5), LATER, StepHooks.none()).after().state();
        assertThat(s.satisfaction()).isEqualTo(5);
        assertThat(s.status()).isEqualTo(CaseStatus.EVALUATED);
    }

    // 结案 ----------------------------------------------------------------------------------------

    @Test
    public void closeRecordsWhetherItCameInTime() {
        LoopState inTime = Jizhou.closed().state();
        assertThat(inTime.closedOnTime()).isTrue();
        assertThat(inTime.closedAt()).isEqualTo(MONDAY_9.plus(Duration.ofHours(1)));
        CaseRecord verified = take(Jizhou.withFeedback(), LATER, step(CaseAction.VERIFY_PASS, null));
        LoopState late = FLOW.apply(verified, step(CaseAction.CLOSE, null), LATER, StepHooks.none()).after().state();
        assertThat(late.closedOnTime()).as("due at 11:00, closed at 12:00").isFalse();
        LoopState atTheMinute = FLOW.apply(verified, step(CaseAction.CLOSE, null), verified.state().dueAt(),
                StepHooks.none()).after().state();
        assertThat(atTheMinute.closedOnTime()).isTrue();
    }

    // 重新打开 --------------------------------------------------------------------------------------

    @Test
    public void reopenClearsCloseAndEvaluationButKeepsTheClock() {
        CaseRecord evaluated = take(Jizhou.closed(), LATER, Jizhou.evaluate(2));
        StepOutcome out = FLOW.apply(evaluated, step(CaseAction.REOPEN, "居民不满意"), LATER, StepHooks.none());
        LoopState s = out.after().state();
        assertThat(s.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(s.reopenCount()).isEqualTo(1);
        assertThat(s.closedAt()).isNull();
        assertThat(s.closedOnTime()).isNull();
        assertThat(s.satisfaction()).isNull();
        assertThat(s.dueAt()).isEqualTo(evaluated.state().dueAt());
        assertThat(s.leadDepartment()).as("the last dispatch is kept until the next one").isEqualTo("CG");
        assertThat(s.reworkCount()).as("a reopen is not rework").isZero();
        refused(evaluated, step(CaseAction.REOPEN, null), "note");
    }

    // 返工 ----------------------------------------------------------------------------------------

    @Test
    public void reworkIsExactlyAFailedVerification() {
        CaseRecord c = Jizhou.withFeedback();
        refused(c, step(CaseAction.VERIFY_FAIL, ""), "note");
        CaseRecord once = FLOW.apply(c, step(CaseAction.VERIFY_FAIL, "仍有垃圾"), LATER, StepHooks.none()).after();
        assertThat(once.state().status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(once.state().reworkCount()).isEqualTo(1);
        CaseRecord twice = take(once, LATER, step(CaseAction.FEEDBACK, "再次清运"), step(CaseAction.VERIFY_FAIL, "仍有"));
        assertThat(twice.state().reworkCount()).isEqualTo(2);
        // a return and a passed check are not rework
        CaseRecord returned = take(twice, LATER, step(CaseAction.RETURN, "非本部门职责"));
        assertThat(returned.state().reworkCount()).isEqualTo(2);
        CaseRecord passed = take(Jizhou.withFeedback(), LATER, step(CaseAction.VERIFY_PASS, null));
        assertThat(passed.state().reworkCount()).isZero();
    }

    // 派遣 / 退回 ------------------------------------------------------------------------------------

    @Test
    public void dispatchNeedsKnownDepartmentsAndWritesOneOrderEach() {
        CaseRecord registered = take(Jizhou.reported(SlaTier.SIMPLE), MONDAY_9, step(CaseAction.REGISTER, null));
        refused(registered, Jizhou.dispatch(null), "leadDepartment");
        refused(registered, Jizhou.dispatch("NOPE"), "leadDepartment");
        refused(registered, Jizhou.dispatch("CG", "NOPE"), "coDepartments");
        refused(registered, Jizhou.dispatch("CG", "CG"), "coDepartments");
        StepOutcome out = FLOW.apply(registered, Jizhou.dispatch("CG", "HW", "SJ"), LATER, StepHooks.none());
        assertThat(out.after().state().leadDepartment()).isEqualTo("CG");
        assertThat(out.after().state().coDepartments()).containsExactly("HW", "SJ");
        assertThat(out.after().state().dispatchedAt()).isEqualTo(LATER);
        assertThat(out.dispatches()).containsExactly(new DispatchOrder("CG", true), new DispatchOrder("HW", false),
                new DispatchOrder("SJ", false));
        assertThat(out.cancelDispatches()).isFalse();
    }

    @Test
    public void aTriageThatAsksForItCopiesTheCompetentDepartment() {
        CaseRecord registered = take(Jizhou.reported(SlaTier.SIMPLE), MONDAY_9, step(CaseAction.REGISTER, null));
        LoopState copying = new LoopState(registered.state().status(), registered.state().tier(), null, List.of(),
                MONDAY_9, null, null, null, registered.state().dueAt(), registered.state().warningAt(), null, 0, 0, 0,
                null, "three-colour-grid", Jizhou.colour("yellow"), true, false);
        StepOutcome out = FLOW.apply(registered.with(copying), Jizhou.dispatch("CG"), LATER, StepHooks.none());
        // CM0101 (exposed rubbish) is sanitation's: HW is copied beside the lead
        assertThat(out.after().state().coDepartments()).containsExactly("HW");
        assertThat(out.dispatches()).containsExactly(new DispatchOrder("CG", true), new DispatchOrder("HW", false));
        StepOutcome leadIsCompetent = FLOW.apply(registered.with(copying), Jizhou.dispatch("HW"), LATER, StepHooks.none());
        assertThat(leadIsCompetent.after().state().coDepartments()).isEmpty();
    }

    @Test
    public void aReturnClearsTheDepartmentsAndWithdrawsTheDispatches() {
        CaseRecord c = Jizhou.dispatched();
        refused(c, step(CaseAction.RETURN, null), "note");
        StepOutcome out = FLOW.apply(c, step(CaseAction.RETURN, "非本部门职责"), LATER, StepHooks.none());
        assertThat(out.after().state().status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(out.after().state().leadDepartment()).isNull();
        assertThat(out.after().state().coDepartments()).isEmpty();
        assertThat(out.cancelDispatches()).isTrue();
        assertThat(out.dispatches()).isEmpty();
    }

    // notes --------------------------------------------------------------------------------------

    @Test
    public void stepsThatNeedANoteNameIt() {
        refused(Jizhou.reported(SlaTier.SIMPLE), step(CaseAction.REJECT, null), "note");
        CaseRecord handling = take(Jizhou.dispatched(), LATER, step(CaseAction.ACCEPT, null));
        refused(handling, step(CaseAction.FEEDBACK, null), "note");
        refused(handling, step(CaseAction.PROGRESS, null), "note");
        refused(handling, step(CaseAction.COMMENT, " "), "note");
        TransitionCommand publicOnly = new TransitionCommand(CaseAction.COMMENT, "centre", null, List.of(), null,
                List.of(), null, null, null, null, "  已安排清运  ");
        StepOutcome out = FLOW.apply(handling, publicOnly, LATER, StepHooks.none());
        assertThat(out.after().state()).as("a comment changes nothing").isEqualTo(handling.state());
        assertThat(out.journal().publicNote()).isEqualTo("已安排清运");
        refused(handling, new TransitionCommand(CaseAction.COMMENT, "centre", "x", List.of(), null, List.of(), null,
                null, null, null, "长".repeat(CaseIntake.MAX_PUBLIC_NOTE + 1)), "publicNote");
    }

    // the journal entry ----------------------------------------------------------------------------

    @Test
    public void theJournalEntryTellsTheStep() {
        CaseRecord c = Jizhou.dispatched();
        TransitionCommand accept = new TransitionCommand(CaseAction.ACCEPT, " ", "签收", List.of("https://x.example/1.jpg"),
                null, List.of(), null, null, null, null);
        JournalRecord j = FLOW.apply(c, accept, LATER, StepHooks.none()).journal();
        assertThat(j).isEqualTo(new JournalRecord(CaseAction.ACCEPT, CaseStatus.DISPATCHED, CaseStatus.HANDLING,
                "anonymous", LATER, "签收", null, List.of("https://x.example/1.jpg")));
    }

    // the order of the checks -----------------------------------------------------------------------

    @Test
    public void anIllegalStepFailsBeforeTheGuardsAndTheInputChecks() {
        List<CaseAction> guarded = new ArrayList<>();
        StepHooks recording = guarding(guarded, Optional.empty());
        assertThatThrownBy(() -> FLOW.apply(Jizhou.closed(), Jizhou.postpone(99), LATER, recording))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(guarded).isEmpty();
    }

    @Test
    public void aGuardsRefusalComesBeforeTheInputChecksAndChangesNothing() {
        List<CaseAction> guarded = new ArrayList<>();
        CaseRecord c = Jizhou.dispatched();
        StepHooks refusing = guarding(guarded, Optional.of("须先会商 (consult first)"));
        assertThatThrownBy(() -> FLOW.apply(c, Jizhou.postpone(99), LATER, refusing))
                .isInstanceOf(StepRefusedException.class);
        assertThat(guarded).containsExactly(CaseAction.POSTPONE);
        assertThat(c.state().postponeCount()).isZero();
    }

    @Test
    public void aStepAsksTheStateMachineOnce() {
        int[] asked = {0};
        CaseWorkflow counted = new CaseWorkflow(Jizhou.DISTRICT, (from, action) -> {
            asked[0]++;
            return CaseLifecycle.next(from, action);
        });
        CaseRecord c = Jizhou.withFeedback();
        counted.apply(c, step(CaseAction.VERIFY_FAIL, "仍有垃圾"), LATER, StepHooks.none());
        assertThat(asked[0]).isEqualTo(1);
        counted.apply(Jizhou.reported(SlaTier.SIMPLE), step(CaseAction.REGISTER, null), LATER,
                StepHooks.none(OperatingMode.WARTIME));
        assertThat(asked[0]).isEqualTo(2);
    }

    private static StepHooks guarding(List<CaseAction> guarded, Optional<String> refusal) {
        return new StepHooks() {
            @Override
            public void guard(CaseRecord c, CaseAction action) {
                guarded.add(action);
                refusal.ifPresent(r -> {
                    throw new StepRefusedException("three-colour-grid", r);
                });
            }

            @Override
            public OperatingMode mode() {
                return OperatingMode.NORMAL;
            }

            @Override
            public Optional<Triage> triage(CaseRecord c) {
                return Optional.empty();
            }
        };
    }
}
