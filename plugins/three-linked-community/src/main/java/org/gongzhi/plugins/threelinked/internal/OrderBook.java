package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.RecordCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 联服务: service orders (collection {@code orders}) of one tenant. Publishing moves decided needs
 * to published, taking to matched, delivering to delivered and rating to closed.
 */
final class OrderBook {

    static final String COLLECTION = "orders";
    private static final Logger LOG = LoggerFactory.getLogger(OrderBook.class);

    private final RecordCollection orders;
    private final NeedBook needs;
    private final ResourceRegistry registry;
    private final Clock clock;

    OrderBook(RecordCollection orders, NeedBook needs, ResourceRegistry registry, Clock clock) {
        this.orders = orders;
        this.needs = needs;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Publishes decided needs of one community as an order (发布需求项目).
     *
     * @param serviceArea null for the category of the first need
     * @throws InvalidInputException naming {@code needIds} for unknown needs or needs of several communities
     * @throws Conflict              when a need is not decided
     */
    ServiceOrder publish(List<String> needIds, String title, String description, String serviceArea) {
        List<Need> found = new ArrayList<>();
        for (String id : needIds) {
            Need n = needs.find(id)
                    .orElseThrow(() -> new InvalidInputException("needIds", "需求不存在 (no such need): " + id));
            if (n.state() != NeedStatus.DECIDED) {
                throw new Conflict("需求须经百姓管家会议议定后才能发布 (only a decided need can be published): " + id
                        + " (" + n.status() + ")");
            }
            if (!found.isEmpty() && !found.get(0).community().equals(n.community())) {
                throw new InvalidInputException("needIds", "一个服务单只能包含同一社区的需求 (needs of one community only)");
            }
            found.add(n);
        }
        String id = "order-" + UUID.randomUUID();
        String area = serviceArea != null ? serviceArea : found.get(0).category();
        ServiceOrder draft = new ServiceOrder(id, 0, found.get(0).community(), title, description, area, needIds,
                ServiceOrder.PUBLISHED, clock.instant(), null, null, null, null, null, null);
        ServiceOrder order = save(draft);
        found.forEach(n -> step(n.id(), NeedStatus.PUBLISHED, id, true));
        return order;
    }

    Optional<ServiceOrder> find(String id) {
        return orders.get(id).map(ServiceOrder::from);
    }

    ServiceOrder require(String id) {
        return find(id).orElseThrow(() -> new Missing("服务单不存在 (no such service order): " + id));
    }

    List<ServiceOrder> list(String community, String status) {
        String ref = community != null ? "community=" + community : status != null ? "status=" + status : null;
        return Records.all(orders, ref).stream().map(ServiceOrder::from)
                .filter(o -> community == null || community.equals(o.community()))
                .filter(o -> status == null || status.equals(o.status())).toList();
    }

    /**
     * 接单: the first registered organisation or social worker takes the order.
     *
     * @throws Conflict when the order was taken already, even by a request that arrived a moment earlier
     */
    ServiceOrder take(String id, String takerType, String takerId) {
        ServiceOrder.Taker who = registry.taker(takerType, takerId);
        ServiceOrder o = require(id);
        String taken = "该服务单已被接单 (the order has been taken already): " + id;
        if (!ServiceOrder.PUBLISHED.equals(o.status())) {
            throw new Conflict(taken);
        }
        ServiceOrder t = o.taken(who, clock.instant());
        ServiceOrder saved = ServiceOrder.from(Records.write(orders, id, t.version(), t.toData(), t.toRefs(), taken));
        o.needIds().forEach(n -> step(n, NeedStatus.MATCHED, id, false));
        return saved;
    }

    /** 服务完成: the taker delivered the service to {@code beneficiaries} people. */
    ServiceOrder deliver(String id, String note, int beneficiaries) {
        ServiceOrder o = require(id);
        if (!ServiceOrder.TAKEN.equals(o.status())) {
            throw new Conflict("只有已接单的服务单可以登记服务完成 (only a taken order can be delivered): " + id
                    + " (" + o.status() + ")");
        }
        ServiceOrder saved = write(o.delivered(note, beneficiaries, clock.instant()));
        o.needIds().forEach(n -> step(n, NeedStatus.DELIVERED, id, false));
        return saved;
    }

    /** 评价: the resident or the community rates the delivered service; its needs are closed. */
    ServiceOrder rate(String id, int score, String by, String comment) {
        ServiceOrder o = require(id);
        if (!ServiceOrder.DELIVERED.equals(o.status())) {
            throw new Conflict("只有已完成且未评价的服务单可以评价 (only a delivered, unrated order can be rated): " + id
                    + " (" + o.status() + ")");
        }
        ServiceOrder saved = write(o.rated(new ServiceOrder.Rating(score, by, comment, clock.instant())));
        o.needIds().forEach(n -> step(n, NeedStatus.CLOSED, id, false));
        return saved;
    }

    private void step(String needId, NeedStatus to, String orderId, boolean linkOrder) {
        try {
            Need n = needs.require(needId);
            needs.move(n, to, orderId, x -> linkOrder ? x.with(x.agendaQuarter(), x.meetingId(), orderId, null) : x);
        } catch (Conflict | Missing e) {
            LOG.warn("Need {} of order {} could not move to {}: {}", needId, orderId, to.wire(), e.getMessage());
        }
    }

    private ServiceOrder save(ServiceOrder o) {
        return ServiceOrder.from(Records.write(orders, o.id(), 0, o.toData(), o.toRefs(), o.id()));
    }

    private ServiceOrder write(ServiceOrder o) {
        return ServiceOrder.from(Records.write(orders, o.id(), o.version(), o.toData(), o.toRefs(),
                "服务单已被他人修改，请刷新后重试 (the order changed meanwhile; reload and retry): " + o.id()));
    }
}
