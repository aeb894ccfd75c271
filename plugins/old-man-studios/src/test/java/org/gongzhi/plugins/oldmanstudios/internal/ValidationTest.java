package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.plugins.oldmanstudios.internal.Fixture.invalidField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.tck.SampleDistricts;
import org.junit.Test;

/** Every refusal of input is a 400 naming the field, zh-CN first. */
public class ValidationTest {

    private final Fixture f = new Fixture();

    @Test
    public void registration() {
        assertThat(invalidField(() -> f.desk.register(Fixture.TENANT, null))).isEqualTo("body");
        assertThat(invalidField(() -> register(null, "neighbour", Fixture.YANGZIZHOU_GRID, 1L, "x", null)))
                .isEqualTo("parties");
        assertThat(invalidField(() -> register(List.of(party("熊某", "applicant", null), party("胡某", "applicant", null)),
                "neighbour", Fixture.YANGZIZHOU_GRID, 1L, "x", null))).isEqualTo("parties");
        assertThat(invalidField(() -> register(List.of(party("熊某", "applicant", null), party("万某", "witness", null)),
                "neighbour", Fixture.YANGZIZHOU_GRID, 1L, "x", null))).isEqualTo("parties[1].role");
        assertThat(invalidField(() -> register(List.of(party("熊某", "applicant", "call me"), party("万某", "respondent", null)),
                "neighbour", Fixture.YANGZIZHOU_GRID, 1L, "x", null))).isEqualTo("parties[0].phone");
        assertThat(invalidField(() -> register(List.of(party("熊某", "applicant", null), party("熊某", "respondent", null)),
                "neighbour", Fixture.YANGZIZHOU_GRID, 1L, "x", null))).isEqualTo("parties[1].name");
        assertThat(invalidField(() -> register(Fixture.parties(), "fight", Fixture.YANGZIZHOU_GRID, 1L, "x", null)))
                .isEqualTo("type");
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour", "3601021002010", 1L, "x", null)))
                .isEqualTo("grid");
        // well formed, but not in Donghu's grid tree: one of Jizhou's, and a village code no district has
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour",
                SampleDistricts.jizhou().gridsAt(DistrictGrid.GRID).get(0).code(), 1L, "x", null))).isEqualTo("grid");
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour", "360102101201001", 1L, "x", null)))
                .isEqualTo("grid");
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour", null, 1L, "x", null))).isEqualTo("grid");
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour", Fixture.YANGZIZHOU_GRID, -5L, "x", null)))
                .isEqualTo("valueYuan");
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour", Fixture.YANGZIZHOU_GRID, 1L, " ", null)))
                .isEqualTo("description");
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour", Fixture.YANGZIZHOU_GRID, 1L, "x",
                "2026-06-20"))).isEqualTo("registeredOn");
        assertThat(invalidField(() -> register(Fixture.parties(), "neighbour", Fixture.YANGZIZHOU_GRID, 1L, "x",
                "19/06/2026"))).isEqualTo("registeredOn");
        assertThat(invalidField(() -> f.desk.register(Fixture.TENANT, new DisputeBodies.NewDispute("case-42",
                Fixture.parties(), "neighbour", Fixture.YANGZIZHOU_GRID, null, "x", null)))).isEqualTo("caseId");
        assertThat(f.storage.collection(Fixture.TENANT, OldManStudiosModel.ID, Records.DISPUTES).count(null)).isZero();
    }

    @Test
    public void missingFieldsSayRequired() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                register(Fixture.parties(), null, Fixture.YANGZIZHOU_GRID, null, "x", null));
        assertThat(thrown).hasMessage("必填项 (required): type");
    }

    @Test
    public void registries() {
        RegistryBodies.Mediator elder = new RegistryBodies.Mediator("熊老伯", 68L, "退休教师", "13907910000");
        // a street, a grid below a village, a village of another district, a 12-digit code Donghu lacks
        for (String notAVillage : List.of(Fixture.YANGZIZHOU_TOWN, Fixture.YANGZIZHOU_GRID,
                SampleDistricts.jizhou().gridsAt(DistrictGrid.COMMUNITY).get(0).code(), "360102101201")) {
            assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", notAVillage, List.of(elder))
                    .validate(Fixture.DONGHU))).isEqualTo("village");
        }
        assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", Fixture.YANGZIZHOU_VILLAGE, List.of(elder))
                .validate(null))).isEqualTo("village");
        assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", null, List.of(elder)).validate(Fixture.DONGHU))).isEqualTo("village");
        assertThat(invalidField(() -> new RegistryBodies.Studio(" ", Fixture.YANGZIZHOU_VILLAGE, List.of(elder)).validate(Fixture.DONGHU)))
                .isEqualTo("name");
        assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", Fixture.YANGZIZHOU_VILLAGE, List.of()).validate(Fixture.DONGHU)))
                .isEqualTo("mediators");
        assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", Fixture.YANGZIZHOU_VILLAGE, List.of(
                new RegistryBodies.Mediator("熊老伯", 12L, "退休教师", "13907910000"))).validate(Fixture.DONGHU))).isEqualTo("mediators[0].age");
        assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", Fixture.YANGZIZHOU_VILLAGE, List.of(
                new RegistryBodies.Mediator("熊老伯", 70L, null, "13907910000"))).validate(Fixture.DONGHU))).isEqualTo("mediators[0].standing");
        assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", Fixture.YANGZIZHOU_VILLAGE, List.of(
                new RegistryBodies.Mediator("熊老伯", 70L, "老村干部", null))).validate(Fixture.DONGHU))).isEqualTo("mediators[0].phone");
        assertThat(invalidField(() -> new RegistryBodies.Studio("工作室", Fixture.YANGZIZHOU_VILLAGE, List.of(elder, elder))
                .validate(Fixture.DONGHU))).isEqualTo("mediators[1].name");
        assertThat(invalidField(() -> new RegistryBodies.Organisation("调解中心", "tax", null, null).validate()))
                .isEqualTo("speciality");
        assertThat(invalidField(() -> new RegistryBodies.Expert("刘法官", "astrology", null, null).validate()))
                .isEqualTo("field");
    }

    @Test
    public void mediationSteps() {
        f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        PluginRecord d = f.register(Fixture.YANGZIZHOU_GRID, "neighbour", "2026-06-10");
        f.assign(d);
        String id = d.id();

        assertThat(invalidField(() -> f.session(d, "2026-06-09", "熊老伯"))).isEqualTo("date");
        assertThat(invalidField(() -> f.session(d, "2026-06-20", "熊老伯"))).isEqualTo("date");
        assertThat(invalidField(() -> f.session(d, "2026-06-11", "王律师"))).isEqualTo("mediators[0]");
        assertThat(invalidField(() -> f.mediation.session(Fixture.TENANT, id, new DisputeBodies.Session("2026-06-11",
                List.of("熊某", "路人"), List.of("熊老伯"), List.of(), null)))).isEqualTo("partiesPresent[1]");
        assertThat(invalidField(() -> f.mediation.session(Fixture.TENANT, id, new DisputeBodies.Session("2026-06-11",
                List.of("熊某"), List.of("熊老伯"), List.of("no-such-expert"), null)))).isEqualTo("expertIds[0]");
        f.session(d, "2026-06-11", "熊老伯");

        assertThat(invalidField(() -> f.mediation.agree(Fixture.TENANT, id, new DisputeBodies.Agreement("2026-06-12",
                "协议", List.of("清淤", " "), "2026-07-01")))).isEqualTo("terms[1]");
        assertThat(invalidField(() -> f.mediation.agree(Fixture.TENANT, id, new DisputeBodies.Agreement("2026-06-12",
                "协议", List.of(), "2026-07-01")))).isEqualTo("terms");
        assertThat(invalidField(() -> f.mediation.agree(Fixture.TENANT, id, new DisputeBodies.Agreement("2026-06-12",
                null, List.of("清淤"), "2026-07-01")))).isEqualTo("text");
        assertThat(invalidField(() -> f.mediation.agree(Fixture.TENANT, id, new DisputeBodies.Agreement("2026-06-12",
                "协议", List.of("清淤"), "2026-06-11")))).isEqualTo("followUpDate");
        assertThat(invalidField(() -> f.mediation.agree(Fixture.TENANT, id, new DisputeBodies.Agreement("2026-06-10",
                "协议", List.of("清淤"), "2026-07-01")))).isEqualTo("date");
        assertThat(invalidField(() -> f.mediation.fail(Fixture.TENANT, id, new DisputeBodies.Failure("2026-06-12", ""))))
                .isEqualTo("reason");
        assertThat(invalidField(() -> f.escalate(d, "supreme-court", "2026-06-12", null))).isEqualTo("level");
        assertThat(invalidField(() -> f.escalate(d, "organisation", "2026-06-12", null))).isEqualTo("organisationId");
        assertThat(invalidField(() -> f.escalate(d, "organisation", "2026-06-12", "no-such-org"))).isEqualTo("organisationId");
        assertThat(invalidField(() -> f.escalate(d, "court", "2026-06-12", "no-such-org"))).isEqualTo("organisationId");

        f.agree(d, "2026-06-12");
        assertThat(invalidField(() -> f.mediation.followUp(Fixture.TENANT, id,
                new DisputeBodies.FollowUp("2026-06-13", null, null)))).isEqualTo("honoured");
        assertThat(f.reload(d).data()).containsEntry("status", "agreed");
        assertThat(Records.maps(f.reload(d).data(), "sessions")).hasSize(1);
    }

    @Test
    public void queryParameters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", "agreed");
        filters.put("studio", null);
        filters.put("grid", Fixture.YANGZIZHOU_GRID);
        assertThat(invalidField(() -> Rest.ref(filters))).isEqualTo("grid");
        filters.put("grid", " ");
        assertThat(Rest.ref(filters)).isEqualTo("status=agreed");
        assertThat(invalidField(() -> Rest.integer("limit", "0", 50, 1, 500))).isEqualTo("limit");
        assertThat(invalidField(() -> Rest.integer("offset", "ten", 0, 0, Integer.MAX_VALUE))).isEqualTo("offset");
        assertThat(Rest.integer("limit", null, 50, 1, 500)).isEqualTo(50);
    }

    private PluginRecord register(List<DisputeBodies.Party> parties, String type, String grid, Long value,
                                  String description, String registeredOn) {
        return f.desk.register(Fixture.TENANT,
                new DisputeBodies.NewDispute(null, parties, type, grid, value, description, registeredOn));
    }

    private static DisputeBodies.Party party(String name, String role, String phone) {
        return new DisputeBodies.Party(name, role, phone);
    }
}
