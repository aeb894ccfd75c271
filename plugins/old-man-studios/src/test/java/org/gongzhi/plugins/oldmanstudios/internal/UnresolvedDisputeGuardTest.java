package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.PluginRecord;
import org.junit.Before;
import org.junit.Test;

/** 结案 of a case waits for its dispute's outcome. */
public class UnresolvedDisputeGuardTest {

    private final Fixture f = new Fixture();
    private final UnresolvedDisputeGuard guard = new UnresolvedDisputeGuard(f.storage);
    private final CaseFacts facts = CaseEvents.facts("CG0101", Fixture.YANGZIZHOU_GRID);
    private CaseEvent event;
    private PluginRecord dispute;

    @Before
    public void caseWithDispute() {
        f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        event = CaseEvents.registered("CG0101", Fixture.YANGZIZHOU_GRID);
        dispute = f.desk.draftOf(event).orElseThrow();
    }

    @Test
    public void closingIsRefusedWhileTheDisputeHasNoOutcome() {
        Optional<String> registered = guard.check(facts, event.caseId(), "close");
        f.assign(dispute);
        Optional<String> assigned = guard.check(facts, event.caseId(), "close");

        assertThat(registered).get().asString().startsWith("关联的矛盾纠纷 case-" + event.caseId())
                .contains("不能结案", "(the linked dispute", "has no outcome");
        assertThat(assigned).get().asString().contains("已分派", "assigned");
    }

    @Test
    public void otherStepsPass() {
        assertThat(guard.check(facts, event.caseId(), "dispatch")).isEmpty();
        assertThat(guard.check(facts, event.caseId(), "verify-pass")).isEmpty();
    }

    @Test
    public void casesWithoutDisputePass() {
        assertThat(guard.check(facts, "9f1e2d3c-4b5a-4968-8776-655443322110", "close")).isEmpty();
    }

    @Test
    public void anAgreementAFailureOrAnEscalationAllowClosing() {
        completeDraft();
        f.assign(dispute);
        f.session(dispute, "2026-06-19", "熊老伯");
        f.agree(dispute, "2026-06-19");
        assertThat(guard.check(facts, event.caseId(), "close")).isEmpty();

        CaseEvent second = CaseEvents.registered("CG0101", Fixture.YANGZIZHOU_GRID);
        dispute = f.desk.draftOf(second).orElseThrow();
        completeDraft();
        f.assign(dispute);
        f.session(dispute, "2026-06-19", "熊老伯");
        assertThat(guard.check(facts, second.caseId(), "close")).isPresent();
        f.fail(dispute, "2026-06-19");
        assertThat(guard.check(facts, second.caseId(), "close")).isEmpty();

        CaseEvent third = CaseEvents.registered("CG0101", Fixture.YANGZIZHOU_GRID);
        dispute = f.desk.draftOf(third).orElseThrow();
        f.assign(dispute);
        f.escalate(dispute, "court", "2026-06-19", null);
        assertThat(guard.check(facts, third.caseId(), "close")).isEmpty();
    }

    private void completeDraft() {
        f.desk.edit(Fixture.TENANT, dispute.id(), new DisputeBodies.Details(Fixture.parties(), "neighbour",
                Fixture.YANGZIZHOU_GRID, null, "邻里排水纠纷"));
    }
}
