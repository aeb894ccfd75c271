package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.gongzhi.plugin.api.InvalidInputException;
import org.junit.Before;
import org.junit.Test;

public class OrderBookTest {

    private final Scenario s = new Scenario();
    private final OrderBook orders = s.books.orders();

    @Before
    public void decidedNeeds() {
        s.organisation();
        s.worker("S2020500001", CertificateLevel.INTERMEDIATE, "2020-06-30");
        s.decidedMeeting(Scenario.JIANXIN, "社区养老", "社区养老");
    }

    private ServiceOrder published() {
        return orders.publish(List.of("need-1", "need-2"), "独居老人助餐服务", "每周三次送餐上门", null);
    }

    @Test
    public void publishingNeedsDecidedNeedsOfOneCommunity() {
        ServiceOrder o = published();
        assertThat(o.status()).isEqualTo("published");
        assertThat(o.serviceArea()).isEqualTo("社区养老");
        assertThat(o.community()).isEqualTo(Scenario.JIANXIN);
        assertThat(s.need("need-1").status()).isEqualTo("published");
        assertThat(s.need("need-1").orderId()).isEqualTo(o.id());
        assertThatThrownBy(() -> orders.publish(List.of("need-1"), "again", null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("decided");
        s.collect(Scenario.JIANXIN, "社区养老", Urgency.NORMAL);
        assertThatThrownBy(() -> orders.publish(List.of("need-3"), "t", null, null)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> orders.publish(List.of("nope"), "t", null, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("needIds"));
    }

    @Test
    public void oneTakerPerOrderFirstComeFirstServed() {
        ServiceOrder o = published();
        ServiceOrder taken = orders.take(o.id(), "organisation", Scenario.ORG);
        assertThat(taken.taker()).isEqualTo(new ServiceOrder.Taker("organisation", Scenario.ORG, "暖洋洋社会工作服务中心"));
        assertThat(s.need("need-1").status()).isEqualTo("matched");
        assertThatThrownBy(() -> orders.take(o.id(), "social-worker", "S2020500001"))
                .isInstanceOf(Conflict.class).hasMessageContaining("taken already");
        assertThatThrownBy(() -> orders.take(o.id(), "organisation", Scenario.ORG)).isInstanceOf(Conflict.class);
        assertThat(orders.require(o.id()).taker().id()).isEqualTo(Scenario.ORG);
    }

    @Test
    public void aTakerWhoReadTheOrderBeforeAnotherTookItLoses() {
        ServiceOrder o = published();
        // the social worker's request read the order as published; the organisation writes first
        s.beforeNextPut(OrderBook.COLLECTION, () -> orders.take(o.id(), "organisation", Scenario.ORG));
        assertThatThrownBy(() -> orders.take(o.id(), "social-worker", "S2020500001"))
                .isInstanceOf(Conflict.class).hasMessageContaining("taken already");
        assertThat(orders.require(o.id()).taker().type()).isEqualTo("organisation");
    }

    @Test
    public void takersMustBeRegistered() {
        ServiceOrder o = published();
        assertThatThrownBy(() -> orders.take(o.id(), "social-worker", "S-unknown"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("takerId"));
        assertThat(orders.require(o.id()).status()).isEqualTo("published");
    }

    @Test
    public void deliverThenRateClosesTheNeeds() {
        ServiceOrder o = published();
        assertThatThrownBy(() -> orders.deliver(o.id(), "送餐 12 次", 2)).isInstanceOf(Conflict.class);
        orders.take(o.id(), "social-worker", "S2020500001");
        assertThatThrownBy(() -> orders.rate(o.id(), 5, "resident", null)).isInstanceOf(Conflict.class);
        ServiceOrder delivered = orders.deliver(o.id(), "送餐 12 次", 2);
        assertThat(delivered.beneficiaries()).isEqualTo(2);
        assertThat(s.need("need-2").status()).isEqualTo("delivered");
        ServiceOrder rated = orders.rate(o.id(), 4, "resident", "饭菜可口");
        assertThat(rated.rating().score()).isEqualTo(4);
        assertThat(rated.status()).isEqualTo("rated");
        assertThat(s.need("need-1").status()).isEqualTo("closed");
        assertThat(s.need("need-2").history()).extracting(Need.Step::status).containsExactly("collected",
                "on-agenda", "decided", "published", "matched", "delivered", "closed");
        assertThatThrownBy(() -> orders.rate(o.id(), 3, "community", null)).isInstanceOf(Conflict.class);
    }

    @Test
    public void ratingsAreWholeNumbersFromOneToFive() {
        assertThat(OrderResource.rating(1)).isEqualTo(1);
        assertThat(OrderResource.rating(5)).isEqualTo(5);
        for (Integer bad : new Integer[] {0, 6, -1, null}) {
            assertThatThrownBy(() -> OrderResource.rating(bad)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("score"));
        }
    }

    @Test
    public void unknownOrdersAreMissing() {
        assertThatThrownBy(() -> orders.deliver("order-x", "n", 1)).isInstanceOf(Missing.class);
    }
}
