package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhi.core.casework.workflow.Jizhou.FLOW;
import static org.gongzhi.core.casework.workflow.Jizhou.MONDAY_9;
import static org.gongzhi.core.casework.workflow.Jizhou.reported;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.plugin.api.TriageDecision;
import org.junit.Test;

/** Due times at registration (立案) in both modes, with and without a plugin's triage (分级分流). */
public class RegistrationTest {

    private static TransitionCommand register(SlaTier tier) {
        return new TransitionCommand(CaseAction.REGISTER, "centre", null, List.of(), null, List.of(), tier, null, null,
                null);
    }

    /** Hooks in {@code mode} whose plugins triage with {@code decision} (model three-colour-grid). */
    private static StepHooks hooks(OperatingMode mode, Optional<TriageDecision> decision) {
        return new StepHooks() {
            @Override
            public void guard(CaseRecord c, CaseAction action) {
            }

            @Override
            public OperatingMode mode() {
                return mode;
            }

            @Override
            public Optional<Triage> triage(CaseRecord c) {
                return decision.map(d -> new Triage("three-colour-grid", d));
            }
        };
    }

    private static LoopState registered(OperatingMode mode, SlaTier tier, Optional<TriageDecision> triage) {
        return FLOW.apply(reported(tier), register(null), MONDAY_9, hooks(mode, triage)).after().state();
    }

    @Test
    public void normalRulesUseTheTiersOfTheDefinition() {
        LoopState simple = registered(OperatingMode.NORMAL, SlaTier.SIMPLE, Optional.empty());
        assertThat(simple.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(simple.registeredAt()).isEqualTo(MONDAY_9);
        assertThat(simple.dueAt()).isEqualTo(MONDAY_9.plus(Duration.ofHours(2)));
        assertThat(simple.warningAt()).isEqualTo(MONDAY_9.plus(Duration.ofMinutes(96))); // 80 % of the allowed time
        assertThat(simple.wartime()).isFalse();
        // 5 working days, the start day not counted: Monday 11-09 24:00 Shanghai
        assertThat(registered(OperatingMode.NORMAL, SlaTier.COORDINATION, Optional.empty()).dueAt())
                .isEqualTo(Instant.parse("2026-11-09T16:00:00Z"));
    }

    @Test
    public void wartimeTightensEveryTierToThePlansWallClockLimit() {
        LoopState simple = registered(OperatingMode.WARTIME, SlaTier.SIMPLE, Optional.empty());
        assertThat(simple.dueAt()).isEqualTo(MONDAY_9.plus(Duration.ofMinutes(30)));
        assertThat(simple.wartime()).isTrue();
        assertThat(simple.warningAt()).isEqualTo(MONDAY_9.plus(Duration.ofMinutes(24)));
        assertThat(registered(OperatingMode.WARTIME, SlaTier.COORDINATION, Optional.empty()).dueAt())
                .isEqualTo(MONDAY_9.plus(Duration.ofHours(12)));
        assertThat(registered(OperatingMode.WARTIME, SlaTier.DIFFICULT, Optional.empty()).dueAt())
                .isEqualTo(MONDAY_9.plus(Duration.ofHours(48)));
    }

    @Test
    public void anExplicitTierWinsAndIsNotTriaged() {
        TriageDecision red = new TriageDecision("coordination", 1, 0, null, List.of(), false, Jizhou.colour("red"));
        StepOutcome out = FLOW.apply(reported(SlaTier.SIMPLE), register(SlaTier.DIFFICULT), MONDAY_9,
                hooks(OperatingMode.WARTIME, Optional.of(red)));
        assertThat(out.after().state().tier()).isEqualTo(SlaTier.DIFFICULT);
        assertThat(out.after().state().dueAt()).isEqualTo(MONDAY_9.plus(Duration.ofHours(48)));
        assertThat(out.after().state().triageModel()).as("the plugins are not asked when the step names a tier").isNull();
    }

    @Test
    public void aTriageSetsTierDueTimeAndWhatToShow() {
        TriageDecision red = new TriageDecision("coordination", 0, 5, null, List.of(), true, Jizhou.colour("red"));
        LoopState s = registered(OperatingMode.NORMAL, SlaTier.SIMPLE, Optional.of(red));
        assertThat(s.tier()).isEqualTo(SlaTier.COORDINATION);
        assertThat(s.dueAt()).isEqualTo(Instant.parse("2026-11-09T16:00:00Z"));
        assertThat(s.triageModel()).isEqualTo("three-colour-grid");
        assertThat(s.triageAttributes()).isEqualTo(Map.of("colour", "red"));
        assertThat(s.triageCopyCompetent()).isTrue();
    }

    @Test
    public void aTriageAttributeOverFortyCharactersIsRefused() {
        TriageDecision tooLong = new TriageDecision("simple", 2, 0, null, List.of(), false,
                Map.of("colour", "x".repeat(41)));
        assertThatThrownBy(() -> registered(OperatingMode.NORMAL, SlaTier.SIMPLE, Optional.of(tooLong)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("three-colour-grid");
    }

    @Test
    public void aShorterTriageLimitStaysInWartime() {
        TriageDecision oneHour = new TriageDecision("coordination", 1, 0, null, List.of(), false, Jizhou.colour("red"));
        LoopState s = registered(OperatingMode.WARTIME, SlaTier.SIMPLE, Optional.of(oneHour));
        assertThat(s.tier()).isEqualTo(SlaTier.COORDINATION);
        assertThat(s.dueAt()).as("1 hour of the triage beats the plan's 12 hours").isEqualTo(MONDAY_9.plus(Duration.ofHours(1)));
        assertThat(s.wartime()).isTrue();
    }

    @Test
    public void aLongerTriageLimitGivesWayToThePlan() {
        TriageDecision tenDays = new TriageDecision("difficult", 0, 10, null, List.of(), false, Map.of());
        LoopState s = registered(OperatingMode.WARTIME, SlaTier.COORDINATION, Optional.of(tenDays));
        assertThat(s.tier()).isEqualTo(SlaTier.DIFFICULT);
        assertThat(s.dueAt()).isEqualTo(MONDAY_9.plus(Duration.ofHours(48)));
        assertThat(registered(OperatingMode.NORMAL, SlaTier.COORDINATION, Optional.of(tenDays)).dueAt())
                .isAfter(MONDAY_9.plus(Duration.ofDays(10)));
    }

    @Test
    public void theDueTimeIsFixedWhenTheClockStarts() {
        CaseRecord c = FLOW.apply(reported(SlaTier.COORDINATION), register(null), MONDAY_9,
                hooks(OperatingMode.WARTIME, Optional.empty())).after();
        Instant due = c.state().dueAt();
        // back in normal mode: dispatch, accept change nothing on the clock
        CaseRecord later = Jizhou.take(c, MONDAY_9.plus(Duration.ofHours(1)), Jizhou.dispatch("CG"),
                Jizhou.step(CaseAction.ACCEPT, null));
        assertThat(later.state().dueAt()).isEqualTo(due);
        assertThat(later.state().wartime()).isTrue();
        assertThat(later.state().status()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    public void theModeIsAskedAtRegistrationOnly() {
        int[] asked = {0};
        StepHooks counting = new StepHooks() {
            @Override
            public void guard(CaseRecord c, CaseAction action) {
            }

            @Override
            public OperatingMode mode() {
                asked[0]++;
                return OperatingMode.WARTIME;
            }

            @Override
            public Optional<Triage> triage(CaseRecord c) {
                return Optional.empty();
            }
        };
        CaseRecord c = FLOW.apply(reported(SlaTier.SIMPLE), register(null), MONDAY_9, counting).after();
        FLOW.apply(c, Jizhou.dispatch("CG"), MONDAY_9, counting);
        assertThat(asked[0]).isEqualTo(1);
    }
}
