package org.gongzhi.plugins.threecolour.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/** Test double of {@link PluginStorage}: one {@link InMemoryCollection} per tenant, model and name. */
final class InMemoryStorage implements PluginStorage {

    private final Map<String, RecordCollection> collections = new ConcurrentHashMap<>();

    @Override
    public RecordCollection collection(String tenantId, String modelId, String collection) {
        if (!collection.matches("[a-z][a-z0-9-]{0,39}") || !modelId.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad model or collection name");
        }
        return collections.computeIfAbsent(tenantId + "/" + modelId + "/" + collection, k -> new InMemoryCollection());
    }

    RecordCollection of(String tenantId, String collection) {
        return collection(tenantId, ThreeColourGridModel.ID, collection);
    }
}
