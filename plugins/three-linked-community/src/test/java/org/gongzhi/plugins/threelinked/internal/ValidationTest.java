package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;

/** Request bodies are checked field by field; every refusal names its field. */
public class ValidationTest {

    private final MutableClock clock = new MutableClock("2026-10-08T02:00:00Z");
    private final NeedResource needs = new NeedResource(null, clock);

    private static void refused(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }

    private static NeedResource.NewNeed need(String community, String phone, String channel, String urgency,
                                             String at) {
        return new NeedResource.NewNeed(community, "张三", phone, "社区养老", "独居老人助餐", channel, urgency, at);
    }

    @Test
    public void aValidNeedGetsDefaults() {
        Need n = needs.validate(need("500105001001", "13800138000", "offline", null, null));
        assertThat(n.id()).startsWith("need-");
        assertThat(n.urgency()).isEqualTo("normal");
        assertThat(n.collectedAt()).isEqualTo(clock.instant());
        assertThat(n.status()).isEqualTo("collected");
    }

    @Test
    public void needFieldsAreNamed() {
        refused("community", () -> needs.validate(need("5001050010", null, "online", null, null)));
        refused("residentPhone", () -> needs.validate(need("500105001001", "12345", "online", null, null)));
        refused("channel", () -> needs.validate(need("500105001001", null, "wechat", null, null)));
        refused("channel", () -> needs.validate(need("500105001001", null, null, null, null)));
        refused("urgency", () -> needs.validate(need("500105001001", null, "online", "very", null)));
        refused("collectedAt", () -> needs.validate(need("500105001001", null, "online", null, "yesterday")));
        refused("collectedAt", () -> needs.validate(need("500105001001", null, "online", null, "2026-10-09T00:00:00Z")));
        refused("description", () -> needs.validate(new NeedResource.NewNeed("500105001001", null, null, "社区养老",
                " ", "online", null, null)));
    }

    @Test
    public void followUpsOrganisationsAndLoansNameTheirFields() {
        refused("followUps[1].owner", () -> MeetingResource.followUps(List.of(
                new MeetingResource.Action("a", "b", "2026-11-01"), new MeetingResource.Action("a", "", "2026-11-01"))));
        refused("followUps[0].dueOn", () -> MeetingResource.followUps(List.of(
                new MeetingResource.Action("a", "b", "2026/11/01"))));
        OrganisationResource orgs = new OrganisationResource(null, clock);
        refused("registrationNo", () -> orgs.validate(new OrganisationResource.NewOrganisation("暖洋洋",
                "12345", List.of("社区养老"))));
        refused("serviceAreas", () -> orgs.validate(new OrganisationResource.NewOrganisation("暖洋洋",
                Scenario.ORG, List.of())));
        assertThat(orgs.validate(new OrganisationResource.NewOrganisation("暖洋洋", Scenario.ORG.toLowerCase(),
                List.of("社区养老", "社区养老"))).serviceAreas()).containsExactly("社区养老");
        refused("to", () -> FacilityResource.validate(new FacilityResource.NewLoan("活动室", "500105001001", 50.0,
                Scenario.ORG, "2026-10-01", "2026-09-30")));
        refused("areaM2", () -> FacilityResource.validate(new FacilityResource.NewLoan("活动室", "500105001001", 0.0,
                Scenario.ORG, "2026-10-01", "2026-12-31")));
        SocialWorkerResource workers = new SocialWorkerResource(null, clock);
        refused("level", () -> workers.validate(new SocialWorkerResource.NewSocialWorker("王", "expert",
                "S2020500001", null, "2020-06-30")));
    }
}
