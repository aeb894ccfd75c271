package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.SampleDistricts;
import org.junit.Test;

/** 立案 of a CG01 case drafts its dispute once. */
public class DisputeDraftListenerTest {

    private static final String OTHER_TENANT = "jizhou";

    private final Fixture f = new Fixture();
    private final PluginTenants tenants = FixedPluginTenants.builder()
            .tenant(Fixture.TENANT, OldManStudiosModel.ID).tenant(OTHER_TENANT, "three-colour-grid").build();
    private final DisputeDraftListener listener = new DisputeDraftListener(f.desk, tenants);
    private final RecordCollection disputes = f.storage.collection(Fixture.TENANT, OldManStudiosModel.ID, Records.DISPUTES);

    @Test
    public void registeringADisputeCaseDraftsALinkedDispute() {
        CaseEvent event = CaseEvents.registered("CG0103", Fixture.VILLAGER_GROUP_1);

        listener.onCaseEvent(event);

        PluginRecord draft = disputes.get("case-" + event.caseId()).orElseThrow();
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.data()).containsEntry("caseId", event.caseId()).containsEntry("draft", true)
                .containsEntry("status", "registered").containsEntry("type", "land-forest")
                .containsEntry("category", "CG0103").containsEntry("caseNumber", "DH2026061900042")
                .containsEntry("grid", Fixture.VILLAGER_GROUP_1).containsEntry("village", Fixture.YANGZIZHOU_VILLAGE)
                .containsEntry("registeredOn", "2026-06-19").containsEntry("parties", List.of())
                .containsEntry("description", "村民反映承包地边界争议");
        assertThat(draft.refs()).contains("caseId=" + event.caseId(), "status=registered",
                "village=" + Fixture.YANGZIZHOU_VILLAGE);
    }

    @Test
    public void aSecondEventForTheSameCaseChangesNothing() {
        f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        CaseEvent event = CaseEvents.registered("CG0101", Fixture.YANGZIZHOU_GRID);
        listener.onCaseEvent(event);
        f.assign(disputes.get("case-" + event.caseId()).orElseThrow());

        listener.onCaseEvent(event);
        listener.onCaseEvent(CaseEvents.event(event.caseId(), "CG0101", Fixture.YANGZIZHOU_GRID, "reopen", "closed",
                "registered"));

        assertThat(disputes.count(null)).isEqualTo(1);
        PluginRecord dispute = disputes.get("case-" + event.caseId()).orElseThrow();
        assertThat(dispute.version()).isEqualTo(2);
        assertThat(dispute.data()).containsEntry("status", "assigned");
    }

    @Test
    public void aDisputeRegisteredByHandIsLeftAlone() {
        String caseId = "5d0f1b0e-3c2a-4f6b-8e9d-7a6b5c4d3e2f";
        f.desk.register(Fixture.TENANT, new DisputeBodies.NewDispute(caseId, Fixture.parties(), "family",
                Fixture.DIESHAN_GRID, null, "赡养纠纷", "2026-06-18"));

        listener.onCaseEvent(CaseEvents.event(caseId, "CG0102", Fixture.DIESHAN_GRID, "register", "reported", "registered"));

        PluginRecord dispute = disputes.get("case-" + caseId).orElseThrow();
        assertThat(dispute.version()).isEqualTo(1);
        assertThat(dispute.data()).containsEntry("draft", false).containsEntry("description", "赡养纠纷");
    }

    @Test
    public void otherCategoriesAndOtherStepsDraftNothing() {
        listener.onCaseEvent(CaseEvents.registered("CG0201", Fixture.YANGZIZHOU_GRID));   // 治安隐患, not CG01
        listener.onCaseEvent(CaseEvents.registered("LS0401", Fixture.DIESHAN_GRID));
        listener.onCaseEvent(CaseEvents.event("0b8a1c52-6a43-4c8e-9a3f-2f1d5e7c9b10", "CG0101", Fixture.YANGZIZHOU_GRID,
                "dispatch", "registered", "dispatched"));
        listener.onCaseEvent(CaseEvents.event("1b8a1c52-6a43-4c8e-9a3f-2f1d5e7c9b10", "CG0101", Fixture.YANGZIZHOU_GRID,
                "report", null, "reported"));

        assertThat(disputes.count(null)).isZero();
    }

    @Test
    public void aCaseOutsideTheDistrictsGridTreeGetsADraftWithoutAPlace() {
        CaseEvent event = CaseEvents.registered("CG0103", "360102101201001");   // the shape of a grid, not in Donghu

        listener.onCaseEvent(event);

        assertThat(disputes.get("case-" + event.caseId()).orElseThrow().data())
                .doesNotContainKeys("grid", "village", "street");
    }

    @Test
    public void tenantsThatDidNotEnableTheModelGetNoDraft() {
        CaseFacts jizhou = new CaseFacts(OTHER_TENANT, "JZ2026061900007", "CG0101", "simple", SampleDistricts.jizhou().gridsAt(DistrictGrid.GRID).get(0).code(),
                "grid-worker", "邻里因楼上漏水发生纠纷", Instant.parse("2026-06-19T01:30:00Z"));
        String caseId = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
        listener.onCaseEvent(new CaseEvent(jizhou, caseId, "register", "reported", "registered", "dispatcher-01",
                Fixture.CLOCK.instant()));

        assertThat(f.storage.collection(OTHER_TENANT, OldManStudiosModel.ID, Records.DISPUTES).count(null)).isZero();
        assertThat(disputes.count(null)).isZero();
    }

    @Test
    public void aCaseWithoutUsableGridStillGetsADraft() {
        CaseEvent event = CaseEvents.registered("CG0199", null);

        listener.onCaseEvent(event);

        assertThat(disputes.get("case-" + event.caseId()).orElseThrow().data())
                .containsEntry("type", "other").doesNotContainKeys("grid", "village");
    }
}
