package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.gongzhi.plugin.api.InvalidInputException;
import org.junit.Test;

public class MeetingBookTest {

    private static final Quarter Q4 = new Quarter(2026, 4);
    private static final LocalDate DAY = LocalDate.parse("2026-10-20");

    private final Scenario s = new Scenario();
    private final MeetingBook meetings = s.books.meetings();

    private Meeting held() {
        s.collect(Scenario.JIANXIN, "社区养老", Urgency.NORMAL);
        s.collect(Scenario.JIANXIN, "社区养老", Urgency.NORMAL);
        s.collect(Scenario.JIANXIN, "社会救助", Urgency.URGENT);
        s.collect(Scenario.YANGHE, "社区养老", Urgency.URGENT);
        Meeting m = meetings.convene(Scenario.JIANXIN, Q4, DAY);
        s.clock.set("2026-10-20T08:00:00Z");
        return meetings.attend(m.id(), DAY, List.of(new Meeting.Attendee("王大妈", "居民代表"),
                new Meeting.Attendee("李主任", "社区书记")));
    }

    @Test
    public void conveningBuildsTheAgendaOfTheCommunityAndPutsItsNeedsOnIt() {
        Meeting m = held();
        assertThat(m.id()).isEqualTo("500105001001:2026-Q4");
        assertThat(m.status()).isEqualTo(Meeting.HELD);
        assertThat(m.agenda()).extracting(AgendaItem::category).containsExactly("社会救助", "社区养老");
        assertThat(m.agenda().get(1).needIds()).containsExactly("need-1", "need-2");
        assertThat(s.need("need-1").status()).isEqualTo("on-agenda");
        assertThat(s.need("need-1").meetingId()).isEqualTo(m.id());
        assertThat(s.need("need-4").status()).as("other community").isEqualTo("collected");
        assertThat(meetings.list(Scenario.JIANXIN, Q4)).extracting(Meeting::id).containsExactly(m.id());
    }

    @Test
    public void oneMeetingPerCommunityAndQuarter() {
        held();
        assertThatThrownBy(() -> meetings.convene(Scenario.JIANXIN, Q4, DAY)).isInstanceOf(Conflict.class)
                .hasMessageContaining("exists");
    }

    @Test
    public void noMeetingForAQuarterThatHasNotBegun() {
        assertThatThrownBy(() -> meetings.convene(Scenario.JIANXIN, new Quarter(2027, 1), LocalDate.parse("2027-01-10")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("quarter"));
    }

    @Test
    public void decisionsWaitForTheAttendance() {
        s.collect(Scenario.JIANXIN, "社区养老", Urgency.NORMAL);
        Meeting m = meetings.convene(Scenario.JIANXIN, Q4, DAY);
        assertThatThrownBy(() -> meetings.decide(m.id(), 1, Decision.TAKE_ON, null, List.of()))
                .isInstanceOf(Conflict.class).hasMessageContaining("attendance");
    }

    @Test
    public void takeOnDeclineAndDeferMoveTheNeeds() {
        Meeting m = held();
        List<AgendaItem.FollowUp> actions = List.of(new AgendaItem.FollowUp("联系社工机构制定助餐方案", "李主任",
                LocalDate.parse("2026-11-15")));
        Meeting after = meetings.decide(m.id(), 2, Decision.TAKE_ON, null, actions);
        assertThat(after.agenda().get(1).decision()).isEqualTo("take-on");
        assertThat(after.agenda().get(1).followUps()).isEqualTo(actions);
        assertThat(after.status()).isEqualTo(Meeting.HELD);
        assertThat(s.need("need-1").status()).isEqualTo("decided");
        assertThat(s.need("need-2").status()).isEqualTo("decided");

        Meeting done = meetings.decide(m.id(), 1, Decision.DEFER, "待区民政局政策明确", List.of());
        assertThat(done.status()).isEqualTo(Meeting.CONCLUDED);
        Need deferred = s.need("need-3");
        assertThat(deferred.status()).isEqualTo("collected");
        assertThat(deferred.agendaQuarter()).isEqualTo("2027-Q1");
        assertThat(deferred.quarter()).isEqualTo("2026-Q4");
        assertThat(deferred.meetingId()).isNull();
    }

    @Test
    public void declineNeedsAReasonAndIsRecordedOnTheNeeds() {
        Meeting m = held();
        assertThatThrownBy(() -> meetings.decide(m.id(), 1, Decision.DECLINE, null, List.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("reason"));
        meetings.decide(m.id(), 1, Decision.DECLINE, "已由民政部门按低保程序办理", List.of());
        assertThat(s.need("need-3").status()).isEqualTo("declined");
        assertThat(s.need("need-3").declineReason()).isEqualTo("已由民政部门按低保程序办理");
    }

    @Test
    public void anItemIsDecidedOnceAndFollowUpsAreNotDueBeforeTheMeeting() {
        Meeting m = held();
        assertThatThrownBy(() -> meetings.decide(m.id(), 1, Decision.TAKE_ON, null,
                List.of(new AgendaItem.FollowUp("x", "y", LocalDate.parse("2026-10-19")))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("followUps[0].dueOn"));
        meetings.decide(m.id(), 1, Decision.TAKE_ON, null, List.of());
        assertThatThrownBy(() -> meetings.decide(m.id(), 1, Decision.DEFER, null, List.of()))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> meetings.decide(m.id(), 3, Decision.DEFER, null, List.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("item"));
    }

    @Test
    public void attendanceIsRecordedOnce() {
        Meeting m = held();
        assertThatThrownBy(() -> meetings.attend(m.id(), DAY, List.of(new Meeting.Attendee("a", "b"))))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> meetings.attend("500105001001:2026-Q3", DAY, List.of()))
                .isInstanceOf(Missing.class);
    }
}
