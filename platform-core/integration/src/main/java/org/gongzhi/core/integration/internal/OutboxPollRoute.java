package org.gongzhi.core.integration.internal;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.OutboundDispatch;

/**
 * Every poll period: claims the dispatches that are due (new ones the fast path missed, rounds
 * after a failure, replays, leases of a stopped node) and queues them for {@link DeliveryRoute},
 * batch after batch while the queue has room.
 */
final class OutboxPollRoute extends RouteBuilder {

    static final String ROUTE_ID = "outbox-poll";

    private final DispatchOutbox outbox;
    private final CamelRuntime.Settings settings;
    private final ProducerTemplate producer;

    OutboxPollRoute(DispatchOutbox outbox, CamelRuntime.Settings settings, ProducerTemplate producer) {
        this.outbox = outbox;
        this.settings = settings;
        this.producer = producer;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.WARN, "Outbox poll failed: ${exception.message}");
        from("timer:gongzhi-outbox-poll?period=" + settings.poll().toMillis()).routeId(ROUTE_ID)
                .process(this::claimAndQueue);
    }

    private void claimAndQueue(Exchange ex) {
        SedaEndpoint queue = ex.getContext().getEndpoint(DeliveryRoute.QUEUE, SedaEndpoint.class);
        int room = settings.batchSize() * 10;
        while (queue.getCurrentQueueSize() < room) {
            List<OutboundDispatch> batch = outbox.claimDue(settings.node(), settings.batchSize(), settings.lease());
            batch.forEach(d -> producer.sendBody(DeliveryRoute.QUEUE, d));
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
    }
}
