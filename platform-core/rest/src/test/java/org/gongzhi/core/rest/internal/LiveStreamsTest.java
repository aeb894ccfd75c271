package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.junit.Test;

/** Which events a live stream shows: the same visibility as the case list. */
public class LiveStreamsTest {

    private static final TenantDefinition JIZHOU = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));

    private static CaseEvent event(String grid, String lead) {
        return new CaseEvent("1-1", "jizhou", UUID.randomUUID(), "JZ-1", "report", null, CaseStatus.REPORTED, "CM0101",
                CategoryFamily.CITY_MANAGEMENT, grid, lead, Channel.GRID_WORKER, Instant.now());
    }

    @Test
    public void theCentreSeesEverything() {
        Predicate<CaseEvent> all = LiveStreams.visibleIn(JIZHOU, CaseScope.district());
        assertThat(all.test(event(null, null))).isTrue();
        assertThat(all.test(event("360802001001001", "CG"))).isTrue();
    }

    @Test
    public void aGridWorkerSeesTheirGridsAndWhatLiesBelowThem() {
        Predicate<CaseEvent> community = LiveStreams.visibleIn(JIZHOU, CaseScope.nothing().withGrids(Set.of("360802001001")));
        assertThat(community.test(event("360802001001001", null))).isTrue();
        assertThat(community.test(event("360802001002001", null))).isFalse();
        assertThat(community.test(event(null, null))).isFalse();
        assertThat(community.test(event("no-such-grid", null))).isFalse();
    }

    @Test
    public void aDepartmentSeesTheCasesItLeads() {
        Predicate<CaseEvent> cg = LiveStreams.visibleIn(JIZHOU, CaseScope.nothing().withDepartment("CG"));
        assertThat(cg.test(event("360802001001001", "CG"))).isTrue();
        assertThat(cg.test(event("360802001001001", "GA"))).isFalse();
        assertThat(cg.test(event("360802001001001", null))).isFalse();
        assertThat(LiveStreams.visibleIn(JIZHOU, CaseScope.nothing()).test(event("360802001001001", "CG"))).isFalse();
    }
}
