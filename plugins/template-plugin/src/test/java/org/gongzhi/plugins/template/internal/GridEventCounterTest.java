package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.junit.Test;

public class GridEventCounterTest {

    private static final String CASE_1 = "0b6f7c4e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";
    private static final String CASE_2 = "7d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a";
    private static final String CASE_3 = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage("jizhou", "donghu");
    private final GridEventCounter counter = new GridEventCounter(storage,
            FixedPluginTenants.builder().tenant("jizhou", TemplateModel.ID).tenant("donghu").build());

    @Test
    public void countsTheStepsOfEachGrid() {
        counter.onCaseEvent(event(CASE_1, "jizhou", "360802001001001", "report", null, "reported", 0));
        counter.onCaseEvent(event(CASE_1, "jizhou", "360802001001001", "register", "reported", "registered", 60));
        counter.onCaseEvent(event(CASE_2, "jizhou", "360802001001002", "report", null, "reported", 0));
        counter.onCaseEvent(event(CASE_3, "jizhou", null, "report", null, "reported", 0));

        assertThat(GridEventCounter.count(storage, "jizhou", "360802001001001")).isEqualTo(2);
        assertThat(GridEventCounter.count(storage, "jizhou", "360802001001002")).isEqualTo(1);
        assertThat(GridEventCounter.count(storage, "jizhou", GridEventCounter.NO_GRID)).isEqualTo(1);
        assertThat(GridEventCounter.count(storage, "jizhou", "360802001001003")).isZero();
    }

    @Test
    public void anEventToldTwiceCountsOnce() {
        CaseEvent e = event(CASE_1, "jizhou", "360802001001001", "dispatch", "registered", "dispatched", 120);
        counter.onCaseEvent(e);
        counter.onCaseEvent(e);

        assertThat(GridEventCounter.count(storage, "jizhou", "360802001001001")).isEqualTo(1);
    }

    @Test
    public void aTenantThatDidNotEnableTheModelLeavesNoRecords() {
        counter.onCaseEvent(event(CASE_1, "donghu", "360102001001001", "report", null, "reported", 0));

        assertThat(storage.writes()).isEmpty();
        assertThat(storage.records("donghu", TemplateModel.ID)).isEmpty();
    }

    private static CaseEvent event(String caseId, String tenant, String grid, String action, String from, String to, long second) {
        Instant at = Instant.parse("2026-03-02T01:00:00Z").plusSeconds(second);
        CaseFacts facts = new CaseFacts(tenant, "N-1", "CM0101", "simple", grid, "grid-worker", "小区门口垃圾堆积", at);
        return new CaseEvent(facts, caseId, action, from, to, "wangge-01", at);
    }
}
