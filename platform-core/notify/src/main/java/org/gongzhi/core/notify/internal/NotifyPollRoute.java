package org.gongzhi.core.notify.internal;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationOutbox;

/**
 * Route {@value #ROUTE_ID}: every poll period claims the due notifications (new ones, those whose
 * quiet hours or back-off ended, replays, leases of a stopped node) and queues them for
 * {@link NotifyDeliverRoute}, batch after batch while the queue has room.
 */
final class NotifyPollRoute extends RouteBuilder {

    static final String ROUTE_ID = "notify-poll";

    private final NotificationOutbox outbox;
    private final NotifyRuntime.Settings settings;
    private final ProducerTemplate producer;

    NotifyPollRoute(NotificationOutbox outbox, NotifyRuntime.Settings settings, ProducerTemplate producer) {
        this.outbox = outbox;
        this.settings = settings;
        this.producer = producer;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Notification poll failed: ${exception.message}");
        from("timer:gongzhi-notify-poll?period=" + settings.poll().toMillis()).routeId(ROUTE_ID)
                .process(this::claimAndQueue);
    }

    private void claimAndQueue(Exchange ex) {
        SedaEndpoint queue = ex.getContext().getEndpoint(NotifyDeliverRoute.QUEUE, SedaEndpoint.class);
        int room = settings.batchSize() * 4;
        while (queue.getCurrentQueueSize() < room) {
            List<Notification> batch = outbox.claimDue(settings.node(), settings.batchSize(), settings.lease());
            batch.forEach(n -> producer.sendBody(NotifyDeliverRoute.QUEUE, n));
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
    }
}
