package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/** Test double of the core's plugin storage: one {@link InMemoryCollection} per tenant, model and name. */
final class InMemoryStorage implements PluginStorage {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern MODEL = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<String, InMemoryCollection> collections = new ConcurrentHashMap<>();

    @Override
    public RecordCollection collection(String tenantId, String modelId, String collection) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("unknown tenant: " + tenantId);
        }
        if (modelId == null || !MODEL.matcher(modelId).matches()) {
            throw new IllegalArgumentException("malformed model id: " + modelId);
        }
        if (collection == null || !NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("malformed collection name: " + collection);
        }
        return collections.computeIfAbsent(tenantId + "/" + modelId + "/" + collection, k -> new InMemoryCollection());
    }
}
