package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gongzhi.plugin.api.PluginRecord;
import org.junit.Before;
import org.junit.Test;

/** A dispute through the desks: the status machine as the REST API sees it. */
public class DisputeFlowTest {

    private final Fixture f = new Fixture();
    private PluginRecord studio;
    private PluginRecord expert;

    @Before
    public void registries() {
        studio = f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯", "胡老伯");
        expert = f.expert("刘法官", "law");
    }

    @Test
    public void registeredAssignedMediatingAgreedFollowedUp() {
        PluginRecord d = f.register(Fixture.YANGZIZHOU_GRID, "land-forest", "2026-06-01");
        assertThat(d.data()).containsEntry("status", "registered").containsEntry("village", Fixture.YANGZIZHOU_VILLAGE)
                .containsEntry("street", Fixture.YANGZIZHOU_TOWN).containsEntry("valueYuan", 3000).containsEntry("draft", false);

        f.assign(d);
        PluginRecord mediating = f.mediation.session(Fixture.TENANT, d.id(), new DisputeBodies.Session("2026-06-03",
                List.of("熊某", "万某"), List.of("熊老伯", "胡老伯"), List.of(expert.id()), "请土地专家讲解确权政策"));
        f.session(d, "2026-06-05", "熊老伯");
        PluginRecord agreed = f.agree(d, "2026-06-08");
        PluginRecord followed = f.mediation.followUp(Fixture.TENANT, d.id(),
                new DisputeBodies.FollowUp("2026-06-18", true, "已按协议清淤"));

        assertThat(mediating.data()).containsEntry("status", "mediating");
        assertThat(Records.maps(mediating.data(), "sessions").get(0))
                .containsEntry("no", 1).containsEntry("mediators", List.of("熊老伯", "胡老伯"));
        assertThat(Records.maps(Records.maps(mediating.data(), "sessions").get(0), "experts").get(0))
                .containsEntry("id", expert.id()).containsEntry("name", "刘法官").containsEntry("field", "law");
        assertThat(agreed.data()).containsEntry("status", "agreed").containsEntry("daysToAgreement", 7)
                .containsEntry("outcomeDate", "2026-06-08");
        assertThat(Records.map(agreed.data(), "agreement")).containsEntry("terms", List.of("熊某负责清淤", "万某承担材料费300元"));
        assertThat(followed.data()).containsEntry("status", "followed-up");
        assertThat(Records.map(followed.data(), "followUp")).containsEntry("honoured", true);
        assertThat(Records.maps(followed.data(), "history")).extracting(h -> h.get("to"))
                .containsExactly("registered", "assigned", "mediating", "mediating", "agreed", "followed-up");
        assertThat(followed.refs()).contains("status=followed-up", "studio=" + studio.id(), "type=land-forest");
        assertThat(followed.version()).isEqualTo(6);
    }

    @Test
    public void illegalMovesAreRefusedAndChangeNothing() {
        PluginRecord d = f.register(Fixture.YANGZIZHOU_GRID, "neighbour", "2026-06-01");

        assertThat(Fixture.conflict(() -> f.session(d, "2026-06-02", "熊老伯"))).contains("已登记", "registered");
        assertThat(Fixture.conflict(() -> f.agree(d, "2026-06-02"))).contains("达成调解协议");
        f.assign(d);
        assertThat(Fixture.conflict(() -> f.agree(d, "2026-06-02"))).contains("已分派", "assigned");
        assertThat(Fixture.conflict(() -> f.fail(d, "2026-06-02"))).contains("调解不成");
        f.session(d, "2026-06-02", "熊老伯");
        f.fail(d, "2026-06-03");
        assertThat(Fixture.conflict(() -> f.session(d, "2026-06-04", "熊老伯"))).contains("调解不成");
        assertThat(Fixture.conflict(() -> f.agree(d, "2026-06-04"))).contains("failed");
        assertThat(Fixture.conflict(() -> f.assign(d))).contains("failed", "assign");

        assertThat(f.reload(d).data()).containsEntry("status", "failed");
        assertThat(f.reload(d).version()).isEqualTo(4);
    }

    @Test
    public void aDraftNeedsItsPartiesBeforeASession() {
        PluginRecord draft = f.desk.draftOf(CaseEvents.registered("CG0103", Fixture.YANGZIZHOU_GRID)).orElseThrow();
        f.assign(draft);

        assertThat(Fixture.conflict(() -> f.session(draft, "2026-06-19", "熊老伯"))).contains("当事人", "parties");

        PluginRecord completed = f.desk.edit(Fixture.TENANT, draft.id(), new DisputeBodies.Details(Fixture.parties(),
                "land-forest", Fixture.YANGZIZHOU_GRID, null, "承包地边界争议"));
        assertThat(completed.data()).containsEntry("draft", false).containsEntry("status", "assigned");
        assertThat(f.session(draft, "2026-06-19", "熊老伯").data()).containsEntry("status", "mediating");
    }

    @Test
    public void followUpThatFindsTheAgreementBrokenMayEscalate() {
        PluginRecord d = f.register(Fixture.YANGZIZHOU_GRID, "neighbour", "2026-06-01");
        f.assign(d);
        f.session(d, "2026-06-02", "熊老伯");
        f.agree(d, "2026-06-03");
        assertThat(Fixture.conflict(() -> f.escalate(d, "court", "2026-06-04", null))).contains("agreed", "escalate");

        f.mediation.followUp(Fixture.TENANT, d.id(), new DisputeBodies.FollowUp("2026-06-10", false, "万某未付材料费"));
        PluginRecord escalated = f.escalate(d, "judicial-confirmation", "2026-06-12", null);

        assertThat(escalated.data()).containsEntry("status", "escalated").containsEntry("outcomeDate", "2026-06-03");
    }

    @Test
    public void anHonouredAgreementIsNotEscalated() {
        PluginRecord d = f.register(Fixture.YANGZIZHOU_GRID, "neighbour", "2026-06-01");
        f.assign(d);
        f.session(d, "2026-06-02", "熊老伯");
        f.agree(d, "2026-06-03");
        f.mediation.followUp(Fixture.TENANT, d.id(), new DisputeBodies.FollowUp("2026-06-10", true, null));

        assertThat(Fixture.conflict(() -> f.escalate(d, "court", "2026-06-12", null))).contains("已履行", "honoured");
    }

    @Test
    public void aCaseHasOneDispute() {
        String caseId = "0b8a1c52-6a43-4c8e-9a3f-2f1d5e7c9b10";
        PluginRecord d = f.desk.register(Fixture.TENANT, new DisputeBodies.NewDispute(caseId.toUpperCase(),
                Fixture.parties(), "family", Fixture.DIESHAN_GRID, null, "赡养纠纷", null));

        assertThat(d.id()).isEqualTo("case-" + caseId);
        assertThat(d.refs()).contains("caseId=" + caseId);
        assertThat(d.data()).containsEntry("registeredOn", "2026-06-19").doesNotContainKey("valueYuan");
        assertThat(Fixture.conflict(() -> f.desk.register(Fixture.TENANT, new DisputeBodies.NewDispute(caseId,
                Fixture.parties(), "family", Fixture.DIESHAN_GRID, null, "赡养纠纷", null)))).contains("PUT");
    }
}
