package org.gongzhi.core.notify.internal;

import org.apache.camel.ProducerTemplate;
import org.gongzhi.core.camel.LeasePollRoute;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationOutbox;

/**
 * Route {@value #ROUTE_ID}: every poll period claims the due notifications (new ones, those whose
 * quiet hours or back-off ended, replays, leases of a stopped node) and queues them for
 * {@link NotifyDeliverRoute}, batch after batch while the queue has room.
 */
final class NotifyPollRoute extends LeasePollRoute<Notification> {

    static final String ROUTE_ID = "notify-poll";

    NotifyPollRoute(NotificationOutbox outbox, NotifyRuntime.Settings settings, ProducerTemplate producer) {
        super(ROUTE_ID, settings.poll(), NotifyDeliverRoute.QUEUE, settings.batchSize(), settings.batchSize() * 4,
                max -> outbox.claimDue(settings.node(), max, settings.lease()), producer);
    }
}
