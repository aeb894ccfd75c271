package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.OperatingMode;
import org.gongzhi.core.service.TransitionCommand;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.gongzhi.plugin.api.TriageDecision;
import org.junit.Test;

/**
 * Due times at registration in both modes, without a database: Jizhou's shipped definition (normal 2 h
 * / 5 / 15 working days; wartime 30 min / 12 h / 48 h, wall clock).
 */
public class CaseWorkflowTest {

    private static final TenantDefinition JIZHOU = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));
    /** Monday 2026-11-02, 09:00 in Shanghai. */
    private static final Instant MONDAY_9 = Instant.parse("2026-11-02T01:00:00Z");

    private static CaseEntity reported(SlaTier tier) {
        CaseEntity c = new CaseEntity();
        c.status = CaseStatus.REPORTED;
        c.tier = tier;
        c.categoryCode = "CM0101";
        c.reportedAt = MONDAY_9.minus(Duration.ofMinutes(5));
        return c;
    }

    private static TransitionCommand register(SlaTier tier) {
        return new TransitionCommand(CaseAction.REGISTER, "centre", null, List.of(), null, List.of(), tier, null, null,
                null);
    }

    private static CaseEntity registered(OperatingMode mode, SlaTier tier, Optional<TriageDecision> triage) {
        CaseEntity c = reported(tier);
        new CaseWorkflow(JIZHOU, mode).apply(c, register(null), MONDAY_9, triage);
        return c;
    }

    @Test
    public void normalRulesUseTheTiersOfTheDefinition() {
        CaseEntity simple = registered(OperatingMode.NORMAL, SlaTier.SIMPLE, Optional.empty());
        assertThat(simple.dueAt).isEqualTo(MONDAY_9.plus(Duration.ofHours(2)));
        assertThat(simple.wartime).isFalse();
        // 5 working days, the start day not counted: Monday 11-09 24:00 Shanghai
        assertThat(registered(OperatingMode.NORMAL, SlaTier.COORDINATION, Optional.empty()).dueAt)
                .isEqualTo(Instant.parse("2026-11-09T16:00:00Z"));
    }

    @Test
    public void wartimeTightensEveryTierToThePlansWallClockLimit() {
        CaseEntity simple = registered(OperatingMode.WARTIME, SlaTier.SIMPLE, Optional.empty());
        assertThat(simple.dueAt).isEqualTo(MONDAY_9.plus(Duration.ofMinutes(30)));
        assertThat(simple.wartime).isTrue();
        assertThat(simple.warningAt).isEqualTo(MONDAY_9.plus(Duration.ofMinutes(24))); // 80 % of the allowed time
        assertThat(registered(OperatingMode.WARTIME, SlaTier.COORDINATION, Optional.empty()).dueAt)
                .isEqualTo(MONDAY_9.plus(Duration.ofHours(12)));
        assertThat(registered(OperatingMode.WARTIME, SlaTier.DIFFICULT, Optional.empty()).dueAt)
                .isEqualTo(MONDAY_9.plus(Duration.ofHours(48)));
    }

    @Test
    public void anExplicitTierGetsItsWartimeLimit() {
        CaseEntity c = reported(SlaTier.SIMPLE);
        new CaseWorkflow(JIZHOU, OperatingMode.WARTIME).apply(c, register(SlaTier.DIFFICULT), MONDAY_9, Optional.empty());
        assertThat(c.tier).isEqualTo(SlaTier.DIFFICULT);
        assertThat(c.dueAt).isEqualTo(MONDAY_9.plus(Duration.ofHours(48)));
    }

    @Test
    public void aShorterTriageLimitStaysInWartime() {
        TriageDecision oneHour = new TriageDecision("coordination", 1, 0, null, List.of(), false, Map.of("colour", "red"));
        CaseEntity c = registered(OperatingMode.WARTIME, SlaTier.SIMPLE, Optional.of(oneHour));
        assertThat(c.tier).isEqualTo(SlaTier.COORDINATION);
        assertThat(c.dueAt).as("1 hour of the triage beats the plan's 12 hours").isEqualTo(MONDAY_9.plus(Duration.ofHours(1)));
        assertThat(c.wartime).isTrue();
    }

    @Test
    public void aLongerTriageLimitGivesWayToThePlan() {
        TriageDecision tenDays = new TriageDecision("difficult", 0, 10, null, List.of(), false, Map.of());
        CaseEntity c = registered(OperatingMode.WARTIME, SlaTier.COORDINATION, Optional.of(tenDays));
        assertThat(c.tier).isEqualTo(SlaTier.DIFFICULT);
        assertThat(c.dueAt).isEqualTo(MONDAY_9.plus(Duration.ofHours(48)));
        CaseEntity normal = registered(OperatingMode.NORMAL, SlaTier.COORDINATION, Optional.of(tenDays));
        assertThat(normal.dueAt).isAfter(MONDAY_9.plus(Duration.ofDays(10)));
    }

    @Test
    public void theDueTimeIsFixedWhenTheClockStarts() {
        CaseEntity c = registered(OperatingMode.WARTIME, SlaTier.COORDINATION, Optional.empty());
        Instant due = c.dueAt;
        // back in normal mode: dispatch, accept, feedback change nothing on the clock
        CaseWorkflow normal = new CaseWorkflow(JIZHOU, OperatingMode.NORMAL);
        Instant later = MONDAY_9.plus(Duration.ofHours(1));
        normal.apply(c, new TransitionCommand(CaseAction.DISPATCH, "centre", null, List.of(), "CG", List.of(), null, null,
                null, null), later, Optional.empty());
        normal.apply(c, new TransitionCommand(CaseAction.ACCEPT, "cg", null, List.of(), null, List.of(), null, null,
                null, null), later, Optional.empty());
        assertThat(c.dueAt).isEqualTo(due);
        assertThat(c.wartime).isTrue();
        assertThat(c.status).isEqualTo(CaseStatus.HANDLING);
    }
}
