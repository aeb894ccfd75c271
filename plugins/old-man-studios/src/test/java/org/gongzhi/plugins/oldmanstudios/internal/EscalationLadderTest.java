package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzhi.plugin.api.PluginRecord;
import org.junit.Before;
import org.junit.Test;

/** 调解阶梯: studio → third-party organisation → judicial confirmation → court "调解+速裁", only upwards. */
public class EscalationLadderTest {

    private final Fixture f = new Fixture();
    private PluginRecord organisation;

    @Before
    public void registries() {
        f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        organisation = f.organisation("德济家园调解中心", "neighbour");
    }

    @Test
    public void theRungsAreInLadderOrder() {
        assertThat(EscalationLevel.values()).extracting(EscalationLevel::rung).containsExactly(1, 2, 3);
        assertThat(EscalationLevel.values()).extracting(EscalationLevel::wire)
                .containsExactly("organisation", "judicial-confirmation", "court");
        assertThat(EscalationLevel.STUDIO_RUNG).isLessThan(EscalationLevel.ORGANISATION.rung());
    }

    @Test
    public void aFailedStudioMediationClimbsRungByRung() {
        PluginRecord d = failedAtTheStudio();

        f.escalate(d, "organisation", "2026-06-05", organisation.id());
        f.escalate(d, "judicial-confirmation", "2026-06-10", null);
        PluginRecord atCourt = f.escalate(d, "court", "2026-06-15", null);

        assertThat(Records.maps(atCourt.data(), "escalations"))
                .extracting(e -> e.get("level") + "@" + e.get("date"))
                .containsExactly("organisation@2026-06-05", "judicial-confirmation@2026-06-10", "court@2026-06-15");
        assertThat(Records.maps(atCourt.data(), "escalations").get(0))
                .containsEntry("organisationId", organisation.id()).containsEntry("organisationName", "德济家园调解中心");
        assertThat(atCourt.data()).containsEntry("status", "escalated").containsEntry("outcomeDate", "2026-06-04");
        assertThat(Fixture.conflict(() -> f.escalate(d, "court", "2026-06-16", null))).contains("法院");
    }

    @Test
    public void rungsMayBeSkippedButNeverDescended() {
        PluginRecord d = failedAtTheStudio();

        f.escalate(d, "court", "2026-06-05", null);

        String message = Fixture.conflict(() -> f.escalate(d, "judicial-confirmation", "2026-06-06", null));
        assertThat(message).startsWith("只能沿调解阶梯向上移交").contains("司法确认", "only climbs");
        Fixture.conflict(() -> f.escalate(d, "organisation", "2026-06-06", organisation.id()));
        assertThat(Records.maps(f.reload(d).data(), "escalations")).hasSize(1);
    }

    @Test
    public void anOrganisationAlreadyStandsOnTheFirstRung() {
        PluginRecord d = f.register(Fixture.DIESHAN_GRID, "property", "2026-06-01");
        f.assign(d);
        PluginRecord other = f.organisation("东湖物业纠纷调解中心", "property");

        Fixture.conflict(() -> f.escalate(d, "organisation", "2026-06-02", other.id()));
        PluginRecord escalated = f.escalate(d, "judicial-confirmation", "2026-06-02", null);

        assertThat(escalated.data()).containsEntry("status", "escalated");
        assertThat(DisputeStore.currentRung(escalated.data())).isEqualTo(2);
    }

    @Test
    public void escalationFromAMediationWithoutFailureIsAnOutcome() {
        PluginRecord d = f.register(Fixture.YANGZIZHOU_GRID, "neighbour", "2026-06-01");
        f.assign(d);
        f.session(d, "2026-06-02", "熊老伯");

        PluginRecord escalated = f.escalate(d, "organisation", "2026-06-03", organisation.id());

        assertThat(escalated.data()).containsEntry("outcomeDate", "2026-06-03");
        assertThat(Figures.rowOf(escalated.data())).get().extracting(Figures.Row::outcome).isEqualTo(Figures.Outcome.ESCALATED);
    }

    private PluginRecord failedAtTheStudio() {
        PluginRecord d = f.register(Fixture.YANGZIZHOU_GRID, "neighbour", "2026-06-01");
        f.assign(d);
        f.session(d, "2026-06-02", "熊老伯");
        return f.fail(d, "2026-06-04");
    }
}
