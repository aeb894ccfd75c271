package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.TriageDecision;
import org.junit.Test;

public class TemplateTriagePolicyTest {

    private final TemplateTriagePolicy policy = new TemplateTriagePolicy();

    @Test
    public void aHotlineCaseIsCopiedToTheCompetentDepartmentAndKeepsItsTier() {
        TriageDecision d = policy.triage(facts("CM0102", "coordination", "hotline")).orElseThrow();

        assertThat(d.tier()).isEqualTo("coordination");
        assertThat(d.dueWorkingDays()).isEqualTo(5);
        assertThat(d.dueHours()).isZero();
        assertThat(d.copyToCompetentDepartment()).isTrue();
        assertThat(d.attributes()).isEqualTo(Map.of("source", "hotline"));
        assertThat(policy.triage(facts("CM0101", "simple", "hotline")).orElseThrow().dueHours()).isEqualTo(2);
        assertThat(policy.triage(facts("CG0602", "difficult", "hotline")).orElseThrow().dueWorkingDays()).isEqualTo(15);
    }

    @Test
    public void otherChannelsAndUnknownTiersKeepTheCoreDefaults() {
        assertThat(policy.triage(facts("CM0102", "coordination", "grid-worker"))).isEmpty();
        assertThat(policy.triage(facts("CM0102", "coordination", null))).isEmpty();
        assertThat(policy.triage(facts("ZZ9999", null, "hotline"))).isEmpty();
        assertThat(policy.triage(facts("ZZ9999", "urgent", "hotline"))).isEmpty();
    }

    private static CaseFacts facts(String category, String tier, String channel) {
        return new CaseFacts("jizhou", "JZ-1", category, tier, "360802001001001", channel, "样例",
                Instant.parse("2026-03-02T01:00:00Z"));
    }
}
