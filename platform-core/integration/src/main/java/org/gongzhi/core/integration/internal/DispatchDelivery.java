package org.gongzhi.core.integration.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.gongzhi.core.service.dispatch.DispatchListener;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the dispatch outbox: starts the delivery, poll and core connector routes, and, as the
 * {@link DispatchListener}, queues each committed dispatch at once (the fast path). At start and
 * stop it ends the leases this node holds, so nothing waits for a lease after a restart.
 */
@Component(service = DispatchListener.class, immediate = true)
public final class DispatchDelivery implements DispatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchDelivery.class);
    private static final List<String> ROUTES = List.of(DeliveryRoute.ROUTE_ID, OutboxPollRoute.ROUTE_ID,
            HttpConnectorRoute.ROUTE_ID, FileConnectorRoute.ROUTE_ID, Open311ConnectorRoute.ROUTE_ID);

    private final CamelRuntime runtime;
    private final DispatchOutbox outbox;
    private final ProducerTemplate producer;

    @Activate
    public DispatchDelivery(@Reference CamelRuntime runtime, @Reference DispatchOutbox outbox,
                            @Reference ConnectorDirectory connectors) throws Exception {
        this.runtime = runtime;
        this.outbox = outbox;
        CamelRuntime.Settings settings = runtime.settings();
        int released = outbox.release(settings.node());
        if (released > 0) {
            LOG.info("Released {} dispatch leases that node {} held before it stopped", released, settings.node());
        }
        this.producer = runtime.camel().createProducerTemplate();
        runtime.add(new HttpConnectorRoute());
        runtime.add(new FileConnectorRoute());
        runtime.add(new Open311ConnectorRoute());
        runtime.add(new DeliveryRoute(new DeliverySteps(outbox, connectors, settings, Clock.systemUTC()), settings));
        runtime.add(new OutboxPollRoute(outbox, settings, producer));
    }

    @Override
    public void dispatched(String tenantId, List<UUID> dispatchIds) {
        for (UUID id : dispatchIds) {
            producer.sendBody(DeliveryRoute.QUEUE, id);
        }
    }

    @Deactivate
    void stop() {
        for (String id : ROUTES) {
            runtime.remove(id);
        }
        try {
            producer.stop();
        } catch (Exception e) {
            LOG.debug("Producer template did not stop cleanly", e);
        }
        outbox.release(runtime.settings().node());
    }
}
