package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.junit.Test;

public class CaseSamplesTest {

    /** Every step of the core's state machine (CaseLifecycle), as from -action-> to. */
    private static final Set<String> LOOP = Set.of("null -report-> reported",
            "reported -register-> registered", "reported -reject-> rejected", "registered -reject-> rejected",
            "registered -dispatch-> dispatched", "dispatched -accept-> handling", "dispatched -return-> registered",
            "dispatched -postpone-> postponed", "handling -return-> registered", "handling -feedback-> feedback",
            "handling -postpone-> postponed", "postponed -resume-> handling", "feedback -verify-pass-> verified",
            "feedback -verify-fail-> handling", "verified -close-> closed", "closed -evaluate-> evaluated",
            "closed -reopen-> registered", "evaluated -reopen-> registered", "rejected -reopen-> registered");

    @Test
    public void theWalksTakeEveryStepOfTheLoopAndOnlyThose() {
        List<CaseEvent> events = CaseSamples.walks(CaseSamples.facts().get(0));

        assertThat(events.stream().map(e -> e.from() + " -" + e.action() + "-> " + e.to()).collect(Collectors.toSet()))
                .isEqualTo(LOOP);
        assertThat(events.stream().map(CaseEvent::action).filter(a -> !a.equals("report")).distinct())
                .containsExactlyInAnyOrderElementsOf(CaseSamples.ACTIONS);
        assertThat(events.stream().map(CaseEvent::caseId).distinct()).hasSize(2);
    }

    @Test
    public void eachCaseIsOneOrderedChain() {
        List<CaseEvent> events = CaseSamples.walks(CaseSamples.facts().get(3));
        for (int i = 1; i < events.size(); i++) {
            CaseEvent before = events.get(i - 1);
            CaseEvent e = events.get(i);
            if (e.caseId().equals(before.caseId())) {
                assertThat(e.from()).isEqualTo(before.to());
                assertThat(e.at()).isAfter(before.at());
            } else {
                assertThat(e.action()).isEqualTo("report");
            }
        }
    }

    @Test
    public void theSamplesCoverFamiliesTiersChannelsAndOddCases() {
        List<CaseFacts> facts = CaseSamples.facts();

        assertThat(facts).hasSizeGreaterThanOrEqualTo(30);
        assertThat(facts).extracting(f -> f.categoryCode().substring(0, 2)).contains("CM", "LS", "CG", "ZZ");
        assertThat(facts).extracting(CaseFacts::defaultTier).contains("simple", "coordination", "difficult", null);
        assertThat(facts).extracting(CaseFacts::channel).contains("grid-worker", "resident-app", "qr-code", "hotline",
                "department", "open311", "video", null);
        assertThat(facts).extracting(CaseFacts::gridCode).contains((String) null);
        assertThat(CaseSamples.facts(FixedPluginTenants.OTHER_TENANT)).isNotEmpty();
        assertThat(facts.stream().map(f -> CaseSamples.caseIdOf(f, 1)).distinct()).hasSameSizeAs(facts);
    }
}
