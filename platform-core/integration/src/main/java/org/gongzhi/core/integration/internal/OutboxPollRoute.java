package org.gongzhi.core.integration.internal;

import org.apache.camel.ProducerTemplate;
import org.gongzhi.core.camel.LeasePollRoute;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.OutboundDispatch;

/**
 * Route {@value #ROUTE_ID}: every poll period claims the dispatches that are due (new ones the fast
 * path missed, rounds after a failure, replays, leases of a stopped node) and queues them for
 * {@link DeliveryRoute}, batch after batch while the queue has room.
 */
final class OutboxPollRoute extends LeasePollRoute<OutboundDispatch> {

    static final String ROUTE_ID = "outbox-poll";

    OutboxPollRoute(DispatchOutbox outbox, CamelRuntime.Settings settings, ProducerTemplate producer) {
        super(ROUTE_ID, settings.poll(), DeliveryRoute.QUEUE, settings.batchSize(), settings.batchSize() * 10,
                max -> outbox.claimDue(settings.node(), max, settings.lease()), producer);
    }
}
