package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/** The books of one tenant, over the model's collections in {@link PluginStorage}; cheap to make per request. */
final class Books {

    private final PluginStorage storage;
    private final String tenant;
    private final Clock clock;

    Books(PluginStorage storage, String tenant, Clock clock) {
        this.storage = storage;
        this.tenant = tenant;
        this.clock = clock;
    }

    private RecordCollection collection(String name) {
        return storage.collection(tenant, ThreeLinkedModel.ID, name);
    }

    NeedBook needs() {
        return new NeedBook(collection(NeedBook.COLLECTION), clock);
    }

    MeetingBook meetings() {
        return new MeetingBook(collection(MeetingBook.COLLECTION), needs(), clock);
    }

    ResourceRegistry registry() {
        return new ResourceRegistry(collection(ResourceRegistry.ORGANISATIONS),
                collection(ResourceRegistry.SOCIAL_WORKERS), collection(ResourceRegistry.FACILITIES),
                collection(ResourceRegistry.POLICIES));
    }

    OrderBook orders() {
        return new OrderBook(collection(OrderBook.COLLECTION), needs(), registry(), clock);
    }

    /** The figures of a period, over every need, order, loan and social worker of the tenant. */
    Figures figures(Period period) {
        ResourceRegistry registry = registry();
        return Figures.compute(period, needs().list(null, null, null), orders().list(null, null),
                registry.loans(null), registry.workers(null, null));
    }
}
