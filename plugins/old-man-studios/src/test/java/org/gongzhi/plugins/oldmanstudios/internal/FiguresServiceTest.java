package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;
import org.junit.Before;
import org.junit.Test;

/** The fixture of {@link FiguresTest} registered and mediated through the desks, then counted for a period. */
public class FiguresServiceTest {

    private final Fixture f = new Fixture();
    private PluginRecord studioA;
    private PluginRecord studioB;
    private PluginRecord orgP;

    @Before
    public void mediate() {
        studioA = f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        studioB = f.studio("新洲村老倌俚工作室", Fixture.XINZHOU_VILLAGE, "万老伯");
        orgP = f.organisation("东湖物业纠纷调解中心", "property");
        f.expert("刘法官", "law");

        agreed(Fixture.YANGZIZHOU_GRID, "2026-03-01", "2026-03-04", "熊老伯");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-03-02", "2026-03-12", "熊老伯");
        f.fail(mediated(Fixture.YANGZIZHOU_GRID, "2026-03-05", "熊老伯"), "2026-03-20");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-04-01", "2026-04-02", "熊老伯");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-04-03", "2026-04-10", "熊老伯");
        agreed(Fixture.DIESHAN_GRID, "2026-05-01", "2026-05-11", "物业调解员");
        f.escalate(mediated(Fixture.DIESHAN_GRID, "2026-05-02", "物业调解员"), "court", "2026-05-06", null);
        agreed(Fixture.DIESHAN_GRID, "2026-05-03", "2026-05-05", "物业调解员");
        mediated(Fixture.YANGZIZHOU_GRID, "2026-05-20", "熊老伯");                    // still mediating
        agreed(Fixture.YANGZIZHOU_GRID, "2026-06-01", "2026-06-10", "熊老伯");        // outside the period
    }

    @Test
    @SuppressWarnings("unchecked")
    public void perStudioPerOrganisationAndDistrict() {
        Map<String, Object> figures = new FiguresService(f.storage)
                .figures(Fixture.TENANT, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31));

        List<Map<String, Object>> studios = (List<Map<String, Object>>) figures.get("studios");
        List<Map<String, Object>> organisations = (List<Map<String, Object>>) figures.get("organisations");
        Map<String, Object> district = (Map<String, Object>) figures.get("district");

        assertThat(studios.get(0)).containsEntry("id", studioA.id()).containsEntry("village", Fixture.YANGZIZHOU_VILLAGE)
                .containsEntry("disputesWithOutcome", 5L).containsEntry("agreements", 4L).containsEntry("failed", 1L)
                .containsEntry("successRate", 0.8).containsEntry("meanDaysToAgreement", 5.25)
                .containsEntry("medianDaysToAgreement", 5.0);
        assertThat(studios.get(1)).containsEntry("id", studioB.id()).containsEntry("disputesWithOutcome", 0L)
                .doesNotContainKey("successRate");
        assertThat(organisations).singleElement().satisfies(o -> assertThat(o).containsEntry("id", orgP.id())
                .containsEntry("speciality", "property").containsEntry("successRate", 0.6667)
                .containsEntry("escalated", 1L).containsEntry("meanDaysToAgreement", 6.0));
        assertThat(district).containsEntry("registered", 9L).containsEntry("disputesWithOutcome", 8L)
                .containsEntry("agreements", 6L).containsEntry("successRate", 0.75)
                .containsEntry("meanDaysToAgreement", 5.5).containsEntry("medianDaysToAgreement", 5.0)
                .containsEntry("studios", 2L).containsEntry("organisations", 1L).containsEntry("experts", 1L)
                .containsEntry("resolvedByStudios", 4L).containsEntry("resolvedByOrganisations", 2L)
                .containsEntry("headlineZh", "老倌俚工作室2个，化解矛盾纠纷4起；第三方调解组织1个，化解矛盾纠纷2起");
        assertThat(figures).containsEntry("from", "2026-03-01").containsEntry("to", "2026-05-31");
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theNextPeriodSeesOnlyItsOwnOutcomes() {
        Map<String, Object> june = new FiguresService(f.storage)
                .figures(Fixture.TENANT, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));

        assertThat((Map<String, Object>) june.get("district")).containsEntry("registered", 1L)
                .containsEntry("disputesWithOutcome", 1L).containsEntry("meanDaysToAgreement", 9.0);
    }

    private PluginRecord mediated(String grid, String registeredOn, String mediator) {
        PluginRecord d = f.register(grid, grid.equals(Fixture.DIESHAN_GRID) ? "property" : "neighbour", registeredOn);
        f.assign(d);
        return f.session(d, registeredOn, mediator);
    }

    private void agreed(String grid, String registeredOn, String on, String mediator) {
        f.agree(mediated(grid, registeredOn, mediator), on);
    }
}
