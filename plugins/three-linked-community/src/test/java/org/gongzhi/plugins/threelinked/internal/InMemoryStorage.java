package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/** Test double of {@link PluginStorage}: one {@link InMemoryCollection} per tenant, model and name. */
final class InMemoryStorage implements PluginStorage {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final Set<String> tenants;
    private final Clock clock;
    private final Map<String, InMemoryCollection> collections = new HashMap<>();

    InMemoryStorage(Clock clock, String... tenants) {
        this.clock = clock;
        this.tenants = Set.of(tenants);
    }

    @Override
    public synchronized RecordCollection collection(String tenantId, String modelId, String collection) {
        return get(tenantId, modelId, collection);
    }

    synchronized InMemoryCollection get(String tenantId, String modelId, String collection) {
        if (!tenants.contains(tenantId)) {
            throw new IllegalArgumentException("unknown tenant: " + tenantId);
        }
        if (!NAME.matcher(modelId).matches() || !NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("bad model or collection name: " + modelId + "/" + collection);
        }
        return collections.computeIfAbsent(tenantId + "/" + modelId + "/" + collection,
                k -> new InMemoryCollection(clock));
    }
}
