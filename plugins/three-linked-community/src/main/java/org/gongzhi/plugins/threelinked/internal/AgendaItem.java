package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One item of a 百姓管家 meeting's agenda (议题): the collected needs of one category, and what
 * the meeting decided about them. Carries no personal data.
 *
 * @param number              1-based position on the agenda
 * @param topUrgency          the highest urgency among its needs
 * @param needCount           how many needs (frequency, 诉求次数)
 * @param difficultyLineCount how many came through the 困难群众直通车
 * @param firstCollectedAt    when its oldest need was collected
 * @param decision            null until decided: take-on, decline or defer
 */
public record AgendaItem(int number, String category, String topUrgency, int needCount, int difficultyLineCount,
                         Instant firstCollectedAt, List<String> needIds, String decision, String reason,
                         List<FollowUp> followUps, Instant decidedAt) {

    /** A follow-up action (跟进事项) with its owner (责任人) and due date. */
    public record FollowUp(String action, String owner, LocalDate dueOn) {
    }

    public AgendaItem {
        needIds = List.copyOf(needIds == null ? List.of() : needIds);
        followUps = List.copyOf(followUps == null ? List.of() : followUps);
    }

    boolean decided() {
        return decision != null;
    }

    AgendaItem decide(Decision d, String why, List<FollowUp> actions, Instant at) {
        return new AgendaItem(number, category, topUrgency, needCount, difficultyLineCount, firstCollectedAt, needIds,
                d.wire(), why, actions, at);
    }

    Map<String, Object> toData() {
        List<Map<String, Object>> actions = followUps.stream().map(f -> Data.builder().put("action", f.action())
                .put("owner", f.owner()).put("dueOn", f.dueOn()).build()).toList();
        return Data.builder().put("number", number).put("category", category).put("topUrgency", topUrgency)
                .put("needCount", needCount).put("difficultyLineCount", difficultyLineCount)
                .put("firstCollectedAt", firstCollectedAt).put("needIds", needIds).put("decision", decision)
                .put("reason", reason).put("followUps", actions).put("decidedAt", decidedAt).build();
    }

    static AgendaItem from(Map<String, Object> d) {
        List<FollowUp> actions = Data.maps(d, "followUps").stream()
                .map(m -> new FollowUp(Data.str(m, "action"), Data.str(m, "owner"), Data.date(m, "dueOn"))).toList();
        return new AgendaItem(Data.integer(d, "number"), Data.str(d, "category"), Data.str(d, "topUrgency"),
                Data.integer(d, "needCount"), Data.integer(d, "difficultyLineCount"),
                Data.instant(d, "firstCollectedAt"), Data.strings(d, "needIds"), Data.str(d, "decision"),
                Data.str(d, "reason"), actions, Data.instant(d, "decidedAt"));
    }
}
