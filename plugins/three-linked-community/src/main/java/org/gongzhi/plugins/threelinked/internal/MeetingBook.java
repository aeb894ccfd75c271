package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.RecordCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The 百姓管家 meetings (collection {@code meetings}) of one tenant: agenda, attendance, decisions. */
final class MeetingBook {

    static final String COLLECTION = "meetings";
    private static final Logger LOG = LoggerFactory.getLogger(MeetingBook.class);

    private final RecordCollection meetings;
    private final NeedBook needs;
    private final Clock clock;

    MeetingBook(RecordCollection meetings, NeedBook needs, Clock clock) {
        this.meetings = meetings;
        this.needs = needs;
        this.clock = clock;
    }

    /**
     * Schedules the meeting of a community and quarter with its agenda built from the collected
     * needs ({@link Agenda}) and puts those needs on the agenda.
     *
     * @throws Conflict when the meeting exists already
     */
    Meeting convene(String community, Quarter quarter, LocalDate scheduledOn) {
        if (quarter.compareTo(Quarter.of(clock.instant())) > 0) {
            throw new InvalidInputException("quarter", "不能为未来的季度召开会议 (the quarter has not begun): " + quarter);
        }
        if (scheduledOn.isBefore(quarter.firstDay())) {
            throw new InvalidInputException("scheduledOn",
                    "会议日期不能早于该季度 (the date is before the quarter): " + scheduledOn);
        }
        String id = Meeting.idOf(community, quarter);
        List<AgendaItem> agenda = Agenda.build(needs.list(community, NeedStatus.COLLECTED, null), quarter);
        Meeting draft = new Meeting(id, 0, community, quarter.toString(), Meeting.SCHEDULED, scheduledOn, null,
                List.of(), agenda);
        Meeting meeting = save(draft, "本社区本季度的百姓管家会议已存在 (this community's meeting for the quarter exists): " + id);
        for (AgendaItem item : agenda) {
            for (String needId : item.needIds()) {
                try {
                    Need n = needs.require(needId);
                    needs.move(n, NeedStatus.ON_AGENDA, id, x -> x.with(x.agendaQuarter(), id, null, null));
                } catch (Conflict | Missing e) {
                    LOG.warn("Need {} could not be put on the agenda of meeting {}: {}", needId, id, e.getMessage());
                }
            }
        }
        return meeting;
    }

    Optional<Meeting> find(String id) {
        return meetings.get(id).map(Meeting::from);
    }

    Meeting require(String id) {
        return find(id).orElseThrow(() -> new Missing("会议不存在 (no such meeting): " + id));
    }

    List<Meeting> list(String community, Quarter quarter) {
        String ref = community != null ? "community=" + community : quarter != null ? "quarter=" + quarter : null;
        return Records.all(meetings, ref).stream().map(Meeting::from)
                .filter(m -> community == null || community.equals(m.community()))
                .filter(m -> quarter == null || quarter.toString().equals(m.quarter()))
                .toList();
    }

    /** Records that the meeting was held, and who attended (到会人员). */
    Meeting attend(String id, LocalDate heldOn, List<Meeting.Attendee> attendees) {
        Meeting m = require(id);
        if (!Meeting.SCHEDULED.equals(m.status())) {
            throw new Conflict("会议已召开，出席情况已记录 (attendance was recorded already): " + id);
        }
        Quarter q = Quarter.parse("quarter", m.quarter());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ThreeLinkedModel.ZONE);
        if (heldOn.isBefore(q.firstDay()) || heldOn.isAfter(today)) {
            throw new InvalidInputException("heldOn",
                    "召开日期须在该季度开始之后且不晚于今天 (must be in or after the quarter, not in the future): " + heldOn);
        }
        return save(m.held(heldOn, attendees), concurrent(id));
    }

    /**
     * Records the decision on one agenda item and moves its needs: take-on → decided, decline →
     * declined with the reason, defer → collected again for the next quarter.
     */
    Meeting decide(String id, int number, Decision decision, String reason, List<AgendaItem.FollowUp> followUps) {
        Meeting m = require(id);
        if (Meeting.SCHEDULED.equals(m.status())) {
            throw new Conflict("会议尚未召开，请先记录出席情况 (record the attendance first): " + id);
        }
        if (number < 1 || number > m.agenda().size()) {
            throw new InvalidInputException("item", "议程中没有该议题 (no such agenda item): " + number);
        }
        AgendaItem item = m.agenda().get(number - 1);
        if (item.decided()) {
            throw new Conflict("该议题已有决定 (the item was decided already): " + number);
        }
        if (decision == Decision.DECLINE && reason == null) {
            throw new InvalidInputException("reason", "不予采纳须说明理由 (a decline needs a reason)");
        }
        for (int i = 0; i < followUps.size(); i++) {
            if (followUps.get(i).dueOn().isBefore(m.heldOn())) {
                throw new InvalidInputException("followUps[" + i + "].dueOn",
                        "完成日期不能早于会议日期 (due before the meeting): " + followUps.get(i).dueOn());
            }
        }
        Meeting saved = save(m.withItem(item.decide(decision, reason, followUps, clock.instant())), concurrent(id));
        String nextQuarter = Quarter.parse("quarter", m.quarter()).next().toString();
        for (String needId : item.needIds()) {
            needs.find(needId).filter(n -> n.state() == NeedStatus.ON_AGENDA && id.equals(n.meetingId()))
                    .ifPresent(n -> apply(n, decision, reason, id, nextQuarter));
        }
        return saved;
    }

    private void apply(Need n, Decision decision, String reason, String meetingId, String nextQuarter) {
        switch (decision) {
            case TAKE_ON -> needs.move(n, NeedStatus.DECIDED, meetingId, x -> x);
            case DECLINE -> needs.move(n, NeedStatus.DECLINED, reason,
                    x -> x.with(x.agendaQuarter(), meetingId, null, reason));
            case DEFER -> needs.move(n, NeedStatus.COLLECTED, "顺延至 (deferred to) " + nextQuarter,
                    x -> x.with(nextQuarter, null, null, null));
        }
    }

    private Meeting save(Meeting m, String conflict) {
        return Meeting.from(Records.write(meetings, m.id(), m.version(), m.toData(), m.toRefs(), conflict));
    }

    private static String concurrent(String id) {
        return "会议记录已被他人修改，请刷新后重试 (the meeting changed meanwhile; reload and retry): " + id;
    }
}
