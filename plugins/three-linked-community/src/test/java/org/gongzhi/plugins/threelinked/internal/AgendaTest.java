package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class AgendaTest {

    private static final String C = "500105001001";
    private static final Quarter Q4 = new Quarter(2026, 4);

    private final List<Need> needs = new ArrayList<>();

    private Need need(String id, String category, Urgency u, NeedChannel ch, String at) {
        Need n = Need.collected(id, C, "居民" + id, null, category, "诉求 " + id, ch, u, Instant.parse(at), null);
        needs.add(n);
        return n;
    }

    private void fixture() {
        need("n1", "社区养老", Urgency.NORMAL, NeedChannel.OFFLINE, "2026-10-02T01:00:00Z");
        need("n2", "社区养老", Urgency.PRESSING, NeedChannel.ONLINE, "2026-10-10T01:00:00Z");
        need("n3", "社区养老", Urgency.NORMAL, NeedChannel.ONLINE, "2026-09-20T01:00:00Z"); // late from Q3
        need("n4", "社会救助", Urgency.URGENT, NeedChannel.DIFFICULTY_LINE, "2026-11-20T01:00:00Z");
        need("n5", "文体活动", Urgency.NORMAL, NeedChannel.ONLINE, "2026-10-05T01:00:00Z");
        need("n6", "文体活动", Urgency.NORMAL, NeedChannel.ONLINE, "2026-10-06T01:00:00Z");
        need("n7", "儿童托管", Urgency.NORMAL, NeedChannel.DIFFICULTY_LINE, "2026-11-01T01:00:00Z");
        need("n8", "儿童托管", Urgency.NORMAL, NeedChannel.ONLINE, "2026-11-02T01:00:00Z");
        need("n9", "环境整治", Urgency.NORMAL, NeedChannel.OFFLINE, "2026-10-03T01:00:00Z");
        need("n10", "环境整治", Urgency.NORMAL, NeedChannel.OFFLINE, "2026-10-09T01:00:00Z");
        need("n11", "法律咨询", Urgency.NORMAL, NeedChannel.ONLINE, "2026-10-04T01:00:00Z");
        need("n12", "心理疏导", Urgency.NORMAL, NeedChannel.ONLINE, "2026-10-04T01:00:00Z");
        // not on the agenda: declined, and deferred to next quarter
        Need declined = need("n13", "社区养老", Urgency.URGENT, NeedChannel.ONLINE, "2026-10-01T01:00:00Z");
        needs.set(needs.indexOf(declined), declined.moveTo(NeedStatus.DECLINED, declined.collectedAt(), "重复"));
        Need deferred = need("n14", "社区养老", Urgency.URGENT, NeedChannel.ONLINE, "2026-10-01T01:00:00Z");
        needs.set(needs.indexOf(deferred), deferred.with("2027-Q1", null, null, null));
    }

    @Test
    public void mostUrgentThenMostFrequentFirst() {
        fixture();
        List<AgendaItem> agenda = Agenda.build(needs, Q4);
        assertThat(agenda).extracting(AgendaItem::category).containsExactly(
                "社会救助", // urgent
                "社区养老", // pressing, 3 needs
                "儿童托管", // normal, 2 needs, 1 from the direct line
                "环境整治", // normal, 2 needs, oldest 10-03
                "文体活动", // normal, 2 needs, oldest 10-05
                "心理疏导", // normal, 1 need, same time as the next: category order
                "法律咨询");
        assertThat(agenda).extracting(AgendaItem::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        AgendaItem care = agenda.get(1);
        assertThat(care.topUrgency()).isEqualTo("pressing");
        assertThat(care.needCount()).isEqualTo(3);
        assertThat(care.needIds()).containsExactly("n2", "n3", "n1");
        assertThat(care.firstCollectedAt()).isEqualTo(Instant.parse("2026-09-20T01:00:00Z"));
        assertThat(agenda.get(2).difficultyLineCount()).isEqualTo(1);
        assertThat(agenda).allSatisfy(i -> assertThat(i.decided()).isFalse());
    }

    @Test
    public void deferredNeedsComeBackInTheirQuarterAndLaterNeedsWait() {
        fixture();
        List<AgendaItem> q1 = Agenda.build(needs, new Quarter(2027, 1));
        assertThat(q1.get(0).category()).isEqualTo("社区养老");
        assertThat(q1.get(0).needIds()).containsExactly("n14", "n2", "n3", "n1");
        List<AgendaItem> q3 = Agenda.build(needs, new Quarter(2026, 3));
        assertThat(q3).singleElement().satisfies(i -> assertThat(i.needIds()).containsExactly("n3"));
    }

    @Test
    public void anEmptyListGivesAnEmptyAgenda() {
        assertThat(Agenda.build(List.of(), Q4)).isEmpty();
    }
}
