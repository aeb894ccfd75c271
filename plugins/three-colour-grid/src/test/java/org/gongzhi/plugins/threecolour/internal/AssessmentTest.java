package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;

public class AssessmentTest {

    private final InMemoryPluginStorage storage = Facts.storage();
    private final TallyBook tallies = new TallyBook(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.TALLIES));
    private final Assessment assessment = new Assessment(tallies, Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.WHISTLES));
    private final Period q4 = Period.parse("period", "2026-Q4");

    private void tally(String grid, int month, long reported, long closed, long reworks) {
        tallies.add(grid, YearMonth.of(2026, month), Map.of(TallyBook.REPORTED, reported,
                TallyBook.REPORTED_CLOSED, closed, TallyBook.CLOSED, closed, TallyBook.REWORKS, reworks,
                TallyBook.VERIFIED, closed));
    }

    private static GridFigures figures(String grid, long due, long closed, long reworks) {
        return new GridFigures(grid, due, 0, due, closed, GridFigures.ratio(closed, due), closed, closed, reworks,
                null, 0, 0);
    }

    @Test
    public void gridFiguresSumTheMonthsOfThePeriod() {
        tally("G1", 10, 6, 5, 1);
        tally("G1", 12, 4, 4, 0);
        tally("G1", 9, 100, 0, 0); // outside Q4
        tallies.add("G1", YearMonth.of(2026, 11), Map.of(TallyBook.REPORTED_REJECTED, 2L, TallyBook.REPORTED, 2L,
                TallyBook.WHISTLES, 3L));
        List<GridFigures> grids = assessment.grids(q4, null);
        assertThat(grids).hasSize(1);
        GridFigures g = grids.get(0);
        assertThat(g.reported()).isEqualTo(12);
        assertThat(g.rejected()).isEqualTo(2);
        assertThat(g.due()).isEqualTo(10);
        assertThat(g.closedOfReported()).isEqualTo(9);
        assertThat(g.closureRate()).isEqualTo(0.9);
        assertThat(g.reworkRate()).isEqualTo(0.1);
        assertThat(g.whistles()).isEqualTo(3);
        assertThat(assessment.grids(Period.parse("period", "2026-09"), null).get(0).closureRate()).isEqualTo(0.0);
        assertThat(assessment.grids(q4, "G2")).isEmpty();
    }

    @Test
    public void oneQuickCaseDoesNotTopTheList() {
        tally("QUICK", 11, 1, 1, 0);
        tally("BUSY", 11, 40, 38, 2);
        tally("STEADY", 11, 5, 4, 0);
        Assessment.Ranking ranking = assessment.ranking(q4, AssessmentResource.MIN_CASES);
        assertThat(ranking.places()).extracting(p -> p.grid().gridCode()).containsExactly("BUSY", "STEADY");
        assertThat(ranking.places()).extracting(Assessment.Place::rank).containsExactly(1, 2);
        assertThat(ranking.belowMinimum()).isEqualTo(1);
        assertThat(assessment.ranking(q4, 1).places().get(0).grid().gridCode()).isEqualTo("QUICK");
    }

    @Test
    public void tiesAreBrokenByVolumeThenReworksThenGridCode() {
        List<GridFigures> figures = List.of(
                figures("C", 10, 9, 0),
                figures("B", 10, 9, 0),
                figures("SMALL", 20, 18, 5),
                figures("REWORKED", 10, 9, 3),
                figures("BEST", 6, 6, 4));
        List<String> order = Assessment.rank(q4, 5, figures).places().stream().map(p -> p.grid().gridCode()).toList();
        assertThat(order).containsExactly("BEST", "SMALL", "B", "C", "REWORKED");
        List<GridFigures> reversed = new ArrayList<>(figures);
        java.util.Collections.reverse(reversed);
        assertThat(Assessment.rank(q4, 5, reversed).places().stream().map(p -> p.grid().gridCode()).toList())
                .isEqualTo(order);
    }

    @Test
    public void closeRatesAreComparedExactly() {
        // 2/3 = 0.6667 and 6667/10000 = 0.6667 after rounding, yet 2/3 > 6666/10000
        List<GridFigures> figures = List.of(figures("A", 10_000, 6_666, 0), figures("B", 3_000, 2_000, 0));
        assertThat(Assessment.rank(q4, 5, figures).places().get(0).grid().gridCode()).isEqualTo("B");
    }

    @Test
    public void onlyTheTopTenAreRanked() {
        List<GridFigures> figures = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            figures.add(figures(String.format("G%02d", i), 10, i % 10, 0));
        }
        Assessment.Ranking r = Assessment.rank(q4, 5, figures);
        assertThat(r.places()).hasSize(10);
        assertThat(r.places().get(0).grid().closedOfReported()).isEqualTo(9);
        assertThat(r.places().get(9).rank()).isEqualTo(10);
        assertThat(r.period()).isEqualTo("2026-Q4");
        assertThat(r.minCases()).isEqualTo(5);
    }

    @Test
    public void roleFiguresComeFromWhistleResponses() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-10T01:00:00Z"));
        RosterBook roster = new RosterBook(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.ROSTER));
        roster.put(new RosterBook.Member("G1", "v1", "志愿者甲", Role.VOLUNTEER, null, null, null));
        roster.put(new RosterBook.Member("G1", "v2", "志愿者乙", Role.VOLUNTEER, null, null, null));
        WhistleDesk desk = new WhistleDesk(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.WHISTLES), roster, tallies, clock);
        String id = desk.blow(new WhistleDesk.Whistle("G1", null, "积水", "urgent", null, List.of("SL"))).id();
        clock.advance(Duration.ofMinutes(10));
        desk.respond(id, "v1", ResponseStatus.DONE, null);
        clock.advance(Duration.ofMinutes(10));
        desk.respond(id, "dept:SL", ResponseStatus.ACKNOWLEDGED, null);

        List<Assessment.RoleFigures> roles = assessment.roles(q4, null);
        assertThat(roles).hasSize(9);
        Assessment.RoleFigures volunteers = roles.stream().filter(r -> r.role().equals("VOLUNTEER")).findFirst().orElseThrow();
        assertThat(volunteers.notified()).isEqualTo(2);
        assertThat(volunteers.responded()).isEqualTo(1);
        assertThat(volunteers.done()).isEqualTo(1);
        assertThat(volunteers.responseRate()).isEqualTo(0.5);
        assertThat(volunteers.averageSecondsToFirstResponse()).isEqualTo(600);
        Assessment.RoleFigures departments = roles.get(8);
        assertThat(departments.role()).isEqualTo("DEPARTMENT");
        assertThat(departments.averageSecondsToFirstResponse()).isEqualTo(1200);
        assertThat(roles.get(0).notified()).isZero();
        assertThat(roles.get(0).averageSecondsToFirstResponse()).isNull();
        assertThat(assessment.roles(Period.parse("period", "2026-10"), null).get(2).notified()).isZero();
        assertThat(assessment.grids(q4, "G1").get(0).whistles()).isEqualTo(1);
    }
}
