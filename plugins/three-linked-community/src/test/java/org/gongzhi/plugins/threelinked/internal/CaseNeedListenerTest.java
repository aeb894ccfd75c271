package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.DistrictCategory;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.SampleDistricts;
import org.junit.Test;

public class CaseNeedListenerTest {

    private static final String CASE_ID = "3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c7b11";
    private static final Instant REPORTED = Instant.parse("2026-10-12T03:00:00Z");

    private final Scenario s = new Scenario();
    private final PluginTenants tenants = FixedPluginTenants.builder().tenant(Scenario.TENANT, ThreeLinkedModel.ID)
            .tenant("donghu").build();
    private final CaseNeedListener listener = new CaseNeedListener(s.storage, tenants, s.clock);

    private static CaseEvent event(String tenant, String category, String channel, String grid, String action,
                                   String from, String to) {
        // as the core gives them: the category's family and name from the district's categories
        DistrictCategory c = SampleDistricts.category(category).orElseThrow();
        CaseFacts facts = new CaseFacts(tenant, "JB20261012001", category, "simple", grid, channel,
                "独居老人无人照看", REPORTED, c.family(), c.name(), c.departmentKind());
        return new CaseEvent(facts, CASE_ID, action, from, to, "resident", REPORTED);
    }

    private static CaseEvent report(String category, String channel) {
        return event(Scenario.TENANT, category, channel, "500105001001002", "report", null, "reported");
    }

    private RecordCollection needs() {
        return s.collection(NeedBook.COLLECTION);
    }

    @Test
    public void aLivelihoodCaseFromTheResidentAppBecomesACollectedNeed() {
        listener.onCaseEvent(report("LS0601", "resident-app"));
        Need n = s.need("case-" + CASE_ID);
        assertThat(n.status()).isEqualTo("collected");
        assertThat(n.community()).isEqualTo("500105001001");
        assertThat(n.category()).isEqualTo("LS0601");
        assertThat(n.channel()).isEqualTo("online");
        assertThat(n.urgency()).isEqualTo("normal");
        assertThat(n.collectedAt()).isEqualTo(REPORTED);
        assertThat(n.quarter()).isEqualTo("2026-Q4");
        assertThat(n.caseId()).isEqualTo(CASE_ID);
        assertThat(n.description()).isEqualTo("独居老人无人照看");
        assertThat(needs().find("caseId=" + CASE_ID, 0, 10)).hasSize(1);
    }

    @Test
    public void replayedAndLaterEventsNeverMakeASecondNeedNorRewriteIt() {
        listener.onCaseEvent(report("LS0601", "qr-code"));
        listener.onCaseEvent(report("LS0601", "qr-code"));
        listener.onCaseEvent(event(Scenario.TENANT, "LS0601", "qr-code", "500105001001002", "dispatch",
                "registered", "dispatched"));
        assertThat(needs().count(null)).isEqualTo(1);
        assertThat(needs().get("case-" + CASE_ID).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    public void aNeedCreatedConcurrentlyIsNotAnError() {
        Need first = CaseNeedListener.toNeed("case-" + CASE_ID, report("LS0601", "qr-code"),
                SampleDistricts.jiangbei());
        s.beforeNextPut(NeedBook.COLLECTION, () -> needs().put(first.id(), first.toData(), first.toRefs(), 0L));
        listener.onCaseEvent(report("LS0601", "qr-code"));
        assertThat(needs().count(null)).isEqualTo(1);
    }

    @Test
    public void otherFamiliesChannelsAndTenantsAreIgnored() {
        listener.onCaseEvent(report("CM0101", "resident-app"));
        listener.onCaseEvent(report("CG0101", "qr-code"));
        listener.onCaseEvent(report("LS0601", "hotline"));
        listener.onCaseEvent(report("LS0601", "grid-worker"));
        listener.onCaseEvent(report("LS0601", null));
        listener.onCaseEvent(event("donghu", "LS0601", "resident-app", "360102001001001", "report", null,
                "reported"));
        assertThat(needs().count(null)).isZero();
        assertThat(s.storage.records("donghu", ThreeLinkedModel.ID)).isEmpty();
    }

    @Test
    public void hardshipCasesArriveThroughTheDirectLineAsUrgent() {
        listener.onCaseEvent(report("LS0103", "resident-app"));
        Need n = s.need("case-" + CASE_ID);
        assertThat(n.channel()).isEqualTo("difficulty-line");
        assertThat(n.urgency()).isEqualTo("urgent");
    }

    @Test
    public void aCaseLocatedAboveCommunityLevelGivesAnUnlocatedNeed() {
        listener.onCaseEvent(event(Scenario.TENANT, "LS0601", "qr-code", "500105001", "report", null, "reported"));
        assertThat(s.need("case-" + CASE_ID).community()).isEqualTo(NeedBook.UNLOCATED);
        Need moved = s.books.needs().relocate("case-" + CASE_ID, "500105001003");
        assertThat(moved.community()).isEqualTo("500105001003");
        assertThat(needs().find("community=500105001003", 0, 10)).hasSize(1);
    }

    @Test
    public void aGridTheDistrictDoesNotKnowGivesAnUnlocatedNeed() {
        listener.onCaseEvent(event(Scenario.TENANT, "LS0601", "qr-code", "500105999999001", "report", null, "reported"));
        assertThat(s.need("case-" + CASE_ID).community()).isEqualTo(NeedBook.UNLOCATED);
    }
}
