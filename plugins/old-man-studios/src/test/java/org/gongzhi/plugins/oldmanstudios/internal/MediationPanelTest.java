package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.ScreenFigures;
import org.junit.Before;
import org.junit.Test;

/** The big-screen panel 老倌俚调解: a month's disputes, agreements and success rate, per studio. */
public class MediationPanelTest {

    private final Fixture f = new Fixture();
    private PluginRecord studioA;
    private PluginRecord studioB;

    @Before
    public void mediate() {
        studioA = f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        studioB = f.studio("新洲村老倌俚工作室", Fixture.XINZHOU_VILLAGE, "万老伯");
        f.organisation("东湖物业纠纷调解中心", "property");

        agreed(Fixture.YANGZIZHOU_GRID, "2026-03-01", "2026-03-04");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-03-02", "2026-03-12");
        f.fail(mediated(Fixture.YANGZIZHOU_GRID, "2026-03-05"), "2026-03-20");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-02-20", "2026-03-01");          // registered in February
        agreed(Fixture.DIESHAN_GRID, "2026-03-03", "2026-03-11");            // an organisation's, not a studio's
        mediated(Fixture.YANGZIZHOU_GRID, "2026-03-25");                     // still mediating
        agreed(Fixture.YANGZIZHOU_GRID, "2026-03-28", "2026-04-02");         // agreed in April
    }

    @Test
    public void theMonthsDisputesAgreementsAndStudios() {
        ScreenFigures march = new MediationPanel(f.storage).figures(Fixture.TENANT, YearMonth.of(2026, 3));
        assertThat(march.figures()).containsExactly(java.util.Map.entry("disputes", 6L),
                java.util.Map.entry("withOutcome", 5L), java.util.Map.entry("agreements", 4L),
                java.util.Map.entry("successRate", 0.8));
        assertThat(march.rows()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(studioA.id());
            assertThat(r.label()).isEqualTo("扬子洲村老倌俚工作室");
            assertThat(r.figures()).containsEntry("withOutcome", 4L).containsEntry("agreements", 3L)
                    .containsEntry("successRate", 0.75);
        });
        assertThat(march.toString()).as("no party, mediator or note").doesNotContain("熊老伯", "双方");
        assertThat(march.rows()).noneMatch(r -> r.key().equals(studioB.id()));
    }

    @Test
    public void aQuietMonthHasNoRateAndNoRows() {
        ScreenFigures may = new MediationPanel(f.storage).figures(Fixture.TENANT, YearMonth.of(2026, 5));
        assertThat(may.figures()).containsEntry("disputes", 0L).containsEntry("agreements", 0L)
                .containsEntry("successRate", null);
        assertThat(may.rows()).isEmpty();
        assertThat(new MediationPanel(f.storage).figures("jizhou", YearMonth.of(2026, 3)).figures())
                .as("another district").containsEntry("disputes", 0L);
    }

    private PluginRecord mediated(String grid, String registeredOn) {
        PluginRecord d = f.register(grid, grid.equals(Fixture.DIESHAN_GRID) ? "property" : "neighbour", registeredOn);
        f.assign(d);
        return f.session(d, registeredOn, grid.equals(Fixture.DIESHAN_GRID) ? "物业调解员" : "熊老伯");
    }

    private void agreed(String grid, String registeredOn, String on) {
        f.agree(mediated(grid, registeredOn), on);
    }
}
