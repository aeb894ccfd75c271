package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.ScreenFigures;
import org.junit.Test;

/** The big-screen panel 三联需求对接: needs published and matched in a month, and the orders still open. */
public class NeedsPanelTest {

    private final Scenario s = new Scenario();
    private final NeedsPanel panel = new NeedsPanel(s.storage);

    @Test
    public void publishedAndMatchedByMonthOpenOrdersAsOfNow() {
        s.organisation();
        s.decidedMeeting(Scenario.JIANXIN, "社区养老", "社区养老", "社会救助");        // decided on 20 October
        OrderBook orders = s.books.orders();
        ServiceOrder meals = orders.publish(List.of("need-1", "need-2"), "独居老人助餐服务", null, null);
        ServiceOrder aid = orders.publish(List.of("need-3"), "临时救助申请协助", null, null);
        s.clock.set("2026-11-03T02:00:00Z");
        orders.take(meals.id(), "organisation", Scenario.ORG);

        ScreenFigures october = panel.figures(Scenario.TENANT, YearMonth.of(2026, 10));
        assertThat(october.figures()).containsExactly(Map.entry("needsPublished", 3L), Map.entry("needsMatched", 0L),
                Map.entry("ordersOpen", 2L), Map.entry("ordersAwaiting", 1L), Map.entry("ordersInService", 1L));
        assertThat(panel.figures(Scenario.TENANT, YearMonth.of(2026, 11)).figures())
                .containsEntry("needsPublished", 0L).containsEntry("needsMatched", 2L);
        assertThat(october.rows()).isEmpty();
        assertThat(october.toString()).as("no resident, no need text").doesNotContain("居民", "诉求", "助餐");

        orders.deliver(meals.id(), "送餐 12 次", 2);
        assertThat(panel.figures(Scenario.TENANT, YearMonth.of(2026, 11)).figures())
                .as("a delivered order is no longer open").containsEntry("ordersOpen", 1L)
                .containsEntry("ordersInService", 0L).containsEntry("ordersAwaiting", 1L);
        assertThat(aid.status()).isEqualTo("published");
        assertThat(panel.figures("donghu", YearMonth.of(2026, 10)).figures()).as("another district")
                .containsEntry("needsPublished", 0L).containsEntry("ordersOpen", 0L);
    }
}
