package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;

/** The big-screen panel 一网三色: whistles of the month, answered ones, and the month's cases by colour. */
public class ColoursPanelTest {

    private static final Instant NOV = Instant.parse("2026-11-10T01:00:00Z");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final InMemoryPluginStorage storage = Facts.storage();
    private final MutableClock clock = new MutableClock(NOV);
    private final AssessmentTallyListener listener = new AssessmentTallyListener(storage,
            FixedPluginTenants.builder().tenant(Facts.TENANT, ThreeColourGridModel.ID).build(), clock);
    private final ColoursPanel panel = new ColoursPanel(storage);

    private void report(String category, String tier, Instant at) {
        CaseFacts f = Facts.of(category, tier, Facts.GRID, at);
        listener.onCaseEvent(new CaseEvent(f, UUID.randomUUID().toString(), "report", null, "reported", "tester", at));
    }

    @Test
    public void anEmptyMonthShowsZerosAndNoRate() {
        ScreenFigures f = panel.figures(Facts.TENANT, NOVEMBER);
        assertThat(f.figures()).containsEntry("whistles", 0L).containsEntry("answered", 0L)
                .containsEntry("answerRate", null).containsEntry("reported", 0L);
        assertThat(f.rows()).extracting(ScreenFigures.Row::key).containsExactly("green", "yellow", "red");
        assertThat(f.rows()).allSatisfy(r -> assertThat(r.figures()).containsEntry("reported", 0L));
    }

    @Test
    public void whistlesAndColoursOfTheMonthOnly() {
        report("CM0101", "simple", NOV);
        report("CM0102", "simple", NOV);
        report("CM0102", "coordination", NOV);
        report("CG0103", "coordination", NOV);          // a key category: always red
        report("ZZ9999", null, NOV);                    // no tier: counted as reported, in no colour
        report("CM0101", "simple", Instant.parse("2026-10-31T15:00:00Z")); // 31 Oct, 23:00 in Beijing

        RosterBook roster = new RosterBook(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.ROSTER));
        roster.put(new RosterBook.Member(Facts.GRID, "v1", "志愿者甲", Role.VOLUNTEER, null, null, null));
        TallyBook tallies = new TallyBook(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.TALLIES));
        WhistleDesk desk = new WhistleDesk(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.WHISTLES), roster, tallies, clock);
        String answered = desk.blow(new WhistleDesk.Whistle(Facts.GRID, null, "积水", "urgent", null, List.of("SL"))).id();
        desk.blow(new WhistleDesk.Whistle(Facts.GRID, null, "路灯不亮", "normal", null, List.of()));
        clock.advance(Duration.ofMinutes(5));
        desk.respond(answered, "v1", ResponseStatus.ACKNOWLEDGED, null);
        clock.advance(Duration.ofDays(21));             // 1 December
        desk.blow(new WhistleDesk.Whistle(Facts.GRID, null, "井盖缺失", "normal", null, List.of()));

        ScreenFigures f = panel.figures(Facts.TENANT, NOVEMBER);
        assertThat(f.figures()).containsEntry("whistles", 2L).containsEntry("answered", 1L)
                .containsEntry("answerRate", 0.5).containsEntry("reported", 4L);
        assertThat(f.rows()).extracting(r -> r.key() + " " + r.label() + " " + r.figures().get("reported"))
                .containsExactly("green 绿·简易问题 2", "yellow 黄·需协调问题 1", "red 红·重点难点问题 1");
        assertThat(f.toString()).as("no whistle summary, no name").doesNotContain("积水", "志愿者", "路灯");
        assertThat(panel.figures(Facts.TENANT, YearMonth.of(2026, 10)).figures()).containsEntry("reported", 1L)
                .containsEntry("whistles", 0L);
        assertThat(panel.figures("donghu", NOVEMBER).figures()).as("another district's records")
                .containsEntry("whistles", 0L).containsEntry("reported", 0L);
    }
}
