package org.gongzhi.core.notify.internal;

import java.time.Clock;

import org.apache.camel.ProducerTemplate;
import org.gongzhi.core.service.notify.NotificationOutbox;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notification outbox: the poll route and the delivery route; the channel routes come
 * with their own components ({@link SmsChannel}, {@link EmailChannel}, {@link WecomChannel}). Releases
 * this node's leases at start and stop.
 */
@Component(service = NotificationDelivery.class, immediate = true)
public final class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotifyRuntime runtime;
    private final NotificationOutbox outbox;
    private final ProducerTemplate producer;

    @Activate
    public NotificationDelivery(@Reference NotifyRuntime runtime, @Reference NotificationOutbox outbox,
                                @Reference TenantDirectory tenants) throws Exception {
        this(runtime, outbox, tenants, Clock.systemUTC());
    }

    NotificationDelivery(NotifyRuntime runtime, NotificationOutbox outbox, TenantDirectory tenants, Clock clock)
            throws Exception {
        this.runtime = runtime;
        this.outbox = outbox;
        int released = outbox.release(runtime.settings().node());
        if (released > 0) {
            LOG.info("Released {} notification leases of node {} left from before", released, runtime.settings().node());
        }
        this.producer = runtime.camel().createProducerTemplate();
        runtime.add(new NotifyDeliverRoute(outbox, tenants, runtime, producer, clock));
        runtime.add(new NotifyPollRoute(outbox, runtime.settings(), producer, clock));
    }

    @Deactivate
    void stop() {
        runtime.remove(NotifyPollRoute.ROUTE_ID);
        runtime.remove(NotifyDeliverRoute.ROUTE_ID);
        try {
            producer.stop();
        } catch (Exception e) {
            LOG.debug("Producer template did not stop cleanly", e);
        }
        outbox.release(runtime.settings().node());
    }
}
