package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Before;
import org.junit.Test;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;

public class WhistleDeskTest {

    private static final String GRID = Facts.GRID;

    private final InMemoryPluginStorage storage = Facts.storage();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T01:00:00Z"));
    private final RosterBook roster = new RosterBook(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.ROSTER));
    private final TallyBook tallies = new TallyBook(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.TALLIES));
    private WhistleDesk desk;

    @Before
    public void rosterTheGrid() {
        roster.put(new RosterBook.Member(GRID, "fire-01", "赵消防", Role.FIRE_SAFETY, null, "FIRE", "XF"));
        roster.put(new RosterBook.Member(GRID, "pm-01", "张党员", Role.PARTY_MEMBER, "13800000001", null, null));
        roster.put(new RosterBook.Member(GRID, "vol-01", "李志愿", Role.VOLUNTEER, null, null, null));
        roster.put(new RosterBook.Member("360802001001002", "pm-99", "别的网格", Role.PARTY_MEMBER, null, null, null));
        desk = desk(Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.WHISTLES));
    }

    private WhistleDesk desk(RecordCollection whistles) {
        return new WhistleDesk(whistles, roster, tallies, clock);
    }

    private PluginRecord blow(List<String> departments) {
        return desk.blow(new WhistleDesk.Whistle(GRID, UUID.randomUUID().toString(), "楼道堆放杂物堵塞消防通道",
                "urgent", "网格员小王", departments));
    }

    @Test
    public void respondersAreTheGridsRosterInRoleOrderThenTheDepartmentsNamed() {
        WhistleView v = WhistleView.of(blow(List.of("GA", "CG")));
        assertThat(v.responses()).extracting(s -> s.get("responderId"))
                .containsExactly("pm-01", "vol-01", "fire-01", "dept:GA", "dept:CG");
        assertThat(v.responses()).extracting(s -> s.get("role"))
                .containsExactly("PARTY_MEMBER", "VOLUNTEER", "FIRE_SAFETY", null, null);
        assertThat(v.responses().get(2)).containsEntry("departmentCode", "XF").containsEntry("kind", "member");
        assertThat(v.pending()).hasSize(5);
        assertThat(v.responded()).isEmpty();
        assertThat(v.secondsToFirstResponse()).isNull();
    }

    @Test
    public void whistleIsStoredWithRefsAndCountedInTheMonthlyTally() {
        PluginRecord r = blow(List.of());
        assertThat(r.refs()).contains("grid=" + GRID, "month=2026-11").anyMatch(ref -> ref.startsWith("caseId="));
        blow(List.of("GA"));
        PluginRecord tally = Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.TALLIES)
                .get(TallyBook.id(GRID, YearMonth.of(2026, 11))).orElseThrow();
        assertThat(Records.number(tally.data(), TallyBook.WHISTLES)).isEqualTo(2);
    }

    @Test
    public void gridWithoutRosterNeedsADepartment() {
        assertThatThrownBy(() -> desk.blow(new WhistleDesk.Whistle("360802002001001", null, "路灯不亮", "normal", null,
                List.of()))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("departments"));
        PluginRecord r = desk.blow(new WhistleDesk.Whistle("360802002001001", null, "路灯不亮", "normal", null, List.of("CG")));
        assertThat(WhistleView.of(r).pending()).containsExactly("dept:CG");
    }

    @Test
    public void responsesShowWhoHasAndHasNotRespondedAndTheTimeToFirstResponse() {
        String id = blow(List.of("GA")).id();
        clock.advance(Duration.ofMinutes(7));
        desk.respond(id, "dept:GA", ResponseStatus.ACKNOWLEDGED, "民警出发");
        clock.advance(Duration.ofMinutes(5));
        desk.respond(id, "fire-01", ResponseStatus.ARRIVED, null);
        WhistleView v = WhistleView.of(desk.respond(id, "dept:GA", ResponseStatus.DONE, "已清理").orElseThrow());
        assertThat(v.responded()).containsExactly("fire-01", "dept:GA");
        assertThat(v.pending()).containsExactly("pm-01", "vol-01");
        assertThat(v.secondsToFirstResponse()).isEqualTo(7 * 60);
        assertThat(v.firstResponseAt()).isEqualTo(Instant.parse("2026-11-10T01:07:00Z"));
        assertThat(v.responses().get(3)).containsEntry("status", "done").containsEntry("note", "已清理")
                .containsEntry("firstRespondedAt", "2026-11-10T01:07:00Z");
        assertThat(v.allDone()).isFalse();
    }

    @Test
    public void statusOnlyMovesForward() {
        String id = blow(List.of()).id();
        desk.respond(id, "pm-01", ResponseStatus.ARRIVED, null);
        assertThatThrownBy(() -> desk.respond(id, "pm-01", ResponseStatus.ACKNOWLEDGED, null))
                .isInstanceOf(WhistleDesk.Conflict.class);
        assertThatThrownBy(() -> desk.respond(id, "pm-01", ResponseStatus.ARRIVED, null))
                .isInstanceOf(WhistleDesk.Conflict.class);
    }

    @Test
    public void strangersCannotRespondAndUnknownWhistlesAreEmpty() {
        String id = blow(List.of()).id();
        assertThatThrownBy(() -> desk.respond(id, "pm-99", ResponseStatus.DONE, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("responderId"));
        assertThat(desk.respond(UUID.randomUUID().toString(), "pm-01", ResponseStatus.DONE, null)).isEmpty();
    }

    @Test
    public void concurrentResponsesAreBothKept() {
        RecordCollection whistles = Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.WHISTLES);
        String id = blow(List.of("GA")).id();
        WhistleDesk rival = desk(whistles);
        WhistleDesk racing = desk(new InterleavingCollection(whistles, 1,
                () -> rival.respond(id, "dept:GA", ResponseStatus.ACKNOWLEDGED, null)));
        WhistleView v = WhistleView.of(racing.respond(id, "vol-01", ResponseStatus.ARRIVED, null).orElseThrow());
        assertThat(v.responded()).containsExactly("vol-01", "dept:GA");
        assertThat(whistles.get(id).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    public void allDoneWhenEveryResponderIsDone() {
        String id = desk.blow(new WhistleDesk.Whistle("360802002001001", null, "井盖缺失", "critical", null,
                List.of("CG", "ZJ"))).id();
        desk.respond(id, "dept:CG", ResponseStatus.DONE, null);
        Map<String, Object> data = desk.respond(id, "dept:ZJ", ResponseStatus.DONE, null).orElseThrow().data();
        assertThat(WhistleView.of(desk.get(id).orElseThrow()).allDone()).isTrue();
        assertThat(data).containsEntry("urgency", "critical");
    }
}
