package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.CLOSED;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.COLLECTED;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.DECIDED;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.DECLINED;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.DELIVERED;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.MATCHED;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.ON_AGENDA;
import static org.gongzhi.plugins.threelinked.internal.NeedStatus.PUBLISHED;

import java.time.Instant;
import java.util.List;

import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;

public class NeedStatusTest {

    private static final Instant T0 = Instant.parse("2026-10-08T02:00:00Z");

    private static Need fresh() {
        return Need.collected("need-1", "500105001001", "张三", "13800138000", "社区养老", "独居老人需要助餐",
                NeedChannel.OFFLINE, Urgency.NORMAL, T0, null);
    }

    @Test
    public void theNormalPathRunsFromCollectedToClosed() {
        Need n = fresh();
        NeedStatus[] path = {ON_AGENDA, DECIDED, PUBLISHED, MATCHED, DELIVERED, CLOSED};
        for (int i = 0; i < path.length; i++) {
            n = n.moveTo(path[i], T0.plusSeconds(60L * (i + 1)), null);
            assertThat(n.state()).isEqualTo(path[i]);
        }
        assertThat(n.history()).extracting(Need.Step::status).containsExactly("collected", "on-agenda", "decided",
                "published", "matched", "delivered", "closed");
        assertThat(n.reached(MATCHED)).isEqualTo(T0.plusSeconds(240));
    }

    @Test
    public void declinedFromCollectedOrOnAgendaAndDeferralBackToCollected() {
        assertThat(fresh().moveTo(DECLINED, T0, "重复诉求").state()).isEqualTo(DECLINED);
        Need onAgenda = fresh().moveTo(ON_AGENDA, T0, null);
        assertThat(onAgenda.moveTo(DECLINED, T0, "不属社区职责").history().get(2).note()).isEqualTo("不属社区职责");
        assertThat(onAgenda.moveTo(COLLECTED, T0, "顺延").state()).isEqualTo(COLLECTED);
    }

    @Test
    public void illegalMovesAreRefusedAsConflicts() {
        assertThatThrownBy(() -> fresh().moveTo(PUBLISHED, T0, null)).isInstanceOf(Conflict.class)
                .hasMessageContaining("collected to published");
        assertThatThrownBy(() -> fresh().moveTo(DECIDED, T0, null)).isInstanceOf(Conflict.class);
        Need decided = fresh().moveTo(ON_AGENDA, T0, null).moveTo(DECIDED, T0, null);
        assertThatThrownBy(() -> decided.moveTo(DECLINED, T0, "x")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> decided.moveTo(MATCHED, T0, null)).isInstanceOf(Conflict.class);
        Need declined = fresh().moveTo(DECLINED, T0, "x");
        assertThatThrownBy(() -> declined.moveTo(COLLECTED, T0, null)).isInstanceOf(Conflict.class);
    }

    @Test
    public void closedAndDeclinedAreFinalAndExactlyNineMovesExist() {
        assertThat(CLOSED.next()).isEmpty();
        assertThat(DECLINED.next()).isEmpty();
        int legal = 0;
        for (NeedStatus from : NeedStatus.values()) {
            for (NeedStatus to : NeedStatus.values()) {
                try {
                    from.checkMoveTo(to);
                    legal++;
                } catch (Conflict e) {
                    assertThat(from.next()).doesNotContain(to);
                }
            }
        }
        assertThat(legal).isEqualTo(9);
    }

    @Test
    public void listsMaskPersonalData() {
        Need masked = fresh().masked();
        assertThat(masked.residentName()).isEqualTo("张*");
        assertThat(masked.residentPhone()).isEqualTo("138****8000");
        assertThat(masked.description()).isEqualTo("独居老人需要助餐");
    }

    @Test
    public void survivesTheRoundTripThroughStorage() {
        RecordCollection c = new InMemoryPluginStorage(new MutableClock("2026-10-08T02:00:00Z"), List.of("jiangbei"))
                .collection("jiangbei", ThreeLinkedModel.ID, NeedBook.COLLECTION);
        Need n = fresh().moveTo(ON_AGENDA, T0.plusSeconds(5), "500105001001:2026-Q4");
        Need back = Need.from(c.put(n.id(), n.toData(), n.toRefs(), 0L));
        assertThat(back).isEqualTo(new Need(n.id(), 1, n.community(), n.residentName(), n.residentPhone(),
                n.category(), n.description(), n.channel(), n.urgency(), n.status(), n.collectedAt(), n.quarter(),
                n.agendaQuarter(), null, null, null, null, n.history()));
        assertThat(n.toRefs()).containsExactly("community=500105001001", "status=on-agenda", "quarter=2026-Q4");
    }
}
