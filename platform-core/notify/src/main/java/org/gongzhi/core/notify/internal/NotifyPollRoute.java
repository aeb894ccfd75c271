package org.gongzhi.core.notify.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.gongzhi.core.camel.LeasePollRoute;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationOutbox;

/**
 * Route {@value #ROUTE_ID}: every poll period claims the due notifications (new ones, those whose
 * quiet hours, back-off or pace ended, replays, leases of a stopped node) except those to a destination
 * whose pace is not over on this node (they would only be postponed), and queues them for
 * {@link NotifyDeliverRoute}, batch after batch while the queue has room: a batch's notifications to
 * one destination on one channel as one group, so that they can go out as one digest.
 */
final class NotifyPollRoute extends LeasePollRoute<Notification> {

    static final String ROUTE_ID = "notify-poll";

    NotifyPollRoute(NotificationOutbox outbox, NotifyRuntime.Settings settings, ProducerTemplate producer,
                    Clock clock) {
        super(ROUTE_ID, settings.poll(), NotifyDeliverRoute.QUEUE, settings.batchSize(), settings.batchSize() * 4,
                max -> outbox.claimDue(settings.node(), max, settings.lease(), settings.pace().resting(clock.instant())),
                producer);
    }

    @Override
    protected List<?> queued(List<Notification> batch) {
        return groups(batch);
    }

    /** {@code batch} grouped by district, channel and destination, in the order of each group's first. */
    static List<List<Notification>> groups(List<Notification> batch) {
        Map<String, List<Notification>> groups = new LinkedHashMap<>();
        for (Notification n : batch) {
            groups.computeIfAbsent(Pace.destination(n), k -> new ArrayList<>()).add(n);
        }
        return List.copyOf(groups.values());
    }
}
