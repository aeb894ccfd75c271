package org.gongzhi.core.persistence.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.core.service.dispatch.DispatchListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the registered {@link DispatchListener}s about dispatches just committed; internal to this bundle. */
@Component(service = DispatchSignals.class)
public final class DispatchSignals {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchSignals.class);
    private final List<DispatchListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(DispatchListener listener) {
        listeners.add(listener);
    }

    void removeListener(DispatchListener listener) {
        listeners.remove(listener);
    }

    /** Announces committed dispatches; never throws. */
    void announce(String tenantId, List<UUID> dispatchIds) {
        if (dispatchIds.isEmpty()) {
            return;
        }
        for (DispatchListener l : listeners) {
            try {
                l.dispatched(tenantId, dispatchIds);
            } catch (RuntimeException e) {
                LOG.warn("Dispatch listener {} failed; the outbox poll will deliver {} dispatches of {}", l, dispatchIds.size(),
                        tenantId, e);
            }
        }
    }
}
