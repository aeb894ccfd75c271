package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;
import org.junit.Test;

/** Studio of the dispute's village, else an organisation by speciality, else any organisation. */
public class AssignmentRuleTest {

    private final Fixture f = new Fixture();
    private final AssignmentRule rule = new AssignmentRule(f.studios, f.organisations);

    @Test
    public void ruralDisputeGoesToTheStudioOfItsVillage() {
        PluginRecord studio = f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        f.studio("新洲村老倌俚工作室", Fixture.XINZHOU_VILLAGE, "万老伯");
        f.organisation("德济家园调解中心", "neighbour");

        Map<String, Object> byGrid = rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.YANGZIZHOU_GRID, DisputeType.NEIGHBOUR);
        Map<String, Object> byGroup = rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.VILLAGER_GROUP_2, DisputeType.LAND_FOREST);

        assertThat(byGrid).containsEntry("kind", "studio").containsEntry("id", studio.id())
                .containsEntry("name", "扬子洲村老倌俚工作室").containsEntry("rule", "village-studio");
        assertThat(byGroup).containsEntry("id", studio.id());
    }

    @Test
    public void theOldestStudioOfAVillageIsTaken() {
        PluginRecord first = f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        f.studio("扬子洲村第二工作室", Fixture.YANGZIZHOU_VILLAGE, "胡老伯");

        assertThat(rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.YANGZIZHOU_GRID, DisputeType.FAMILY)).containsEntry("id", first.id());
    }

    @Test
    public void urbanDisputeGoesToTheOrganisationOfItsSpeciality() {
        f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        f.organisation("章金媛婚姻家庭调解室", "family");
        PluginRecord property = f.organisation("东湖物业纠纷调解中心", "property");
        f.organisation("劳资纠纷调解工作室", "labour");

        Map<String, Object> chosen = rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.DIESHAN_GRID, DisputeType.PROPERTY);

        assertThat(chosen).containsEntry("kind", "organisation").containsEntry("id", property.id())
                .containsEntry("rule", "speciality");
    }

    @Test
    public void withoutASpecialistAnyOrganisationTakesIt() {
        PluginRecord oldest = f.organisation("章金媛婚姻家庭调解室", "family");
        f.organisation("劳资纠纷调解工作室", "labour");

        Map<String, Object> chosen = rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.DIESHAN_GRID, DisputeType.NEIGHBOUR);

        assertThat(chosen).containsEntry("id", oldest.id()).containsEntry("rule", "any-organisation");
    }

    @Test
    public void aVillageWithoutStudioAndAStreetLevelPlaceGoToOrganisations() {
        PluginRecord labour = f.organisation("劳资纠纷调解工作室", "labour");
        f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");

        assertThat(rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.ZHOUTOU_VILLAGE, DisputeType.LABOUR)).containsEntry("id", labour.id());
        assertThat(rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.YANGZIZHOU_TOWN, DisputeType.LABOUR)).containsEntry("id", labour.id());
        assertThat(rule.choose(Fixture.TENANT, Fixture.DONGHU, null, DisputeType.LABOUR)).containsEntry("id", labour.id());
    }

    @Test
    public void nobodyToAssignToIsAConflict() {
        f.studio("新洲村老倌俚工作室", Fixture.XINZHOU_VILLAGE, "万老伯");

        String message = Fixture.conflict(() -> rule.choose(Fixture.TENANT, Fixture.DONGHU, Fixture.DIESHAN_GRID, DisputeType.OTHER));

        assertThat(message).startsWith("本村没有老倌俚工作室").contains("no studio");
    }

    @Test
    public void namedAssigneeMustExistAndBeOnlyOne() {
        PluginRecord studio = f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        PluginRecord org = f.organisation("东湖物业纠纷调解中心", "property");

        assertThat(rule.named(Fixture.TENANT, studio.id(), null)).containsEntry("kind", "studio")
                .containsEntry("rule", "explicit");
        assertThat(rule.named(Fixture.TENANT, " ", org.id())).containsEntry("kind", "organisation");
        assertThat(Fixture.invalidField(() -> rule.named(Fixture.TENANT, studio.id(), org.id()))).isEqualTo("organisationId");
        assertThat(Fixture.invalidField(() -> rule.named(Fixture.TENANT, "no-such-studio", null))).isEqualTo("studioId");
    }

    @Test
    public void assignmentAndReassignmentThroughTheDesk() {
        PluginRecord studio = f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        PluginRecord org = f.organisation("德济家园调解中心", "neighbour");
        PluginRecord dispute = f.register(Fixture.YANGZIZHOU_GRID, "neighbour", "2026-06-01");

        PluginRecord assigned = f.assign(dispute);
        assertThat(assigned.data()).containsEntry("status", "assigned");
        assertThat(assigned.refs()).contains("studio=" + studio.id(), "status=assigned", "village=" + Fixture.YANGZIZHOU_VILLAGE);

        f.session(assigned, "2026-06-02", "熊老伯");
        PluginRecord reassigned = f.desk.assign(Fixture.TENANT, dispute.id(),
                new DisputeBodies.Assignment(null, org.id(), "村民要求由第三方调解"));

        assertThat(reassigned.data()).containsEntry("status", "assigned");
        assertThat(Records.map(reassigned.data(), "assignee")).containsEntry("id", org.id()).containsEntry("rule", "explicit");
        assertThat(reassigned.refs()).contains("organisation=" + org.id()).doesNotContain("studio=" + studio.id());
        assertThat(Records.maps(reassigned.data(), "assignments")).hasSize(2)
                .last().satisfies(a -> assertThat(a).containsEntry("reason", "村民要求由第三方调解").containsEntry("date", "2026-06-19"));
    }
}
