package org.gongzhi.plugin.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tenant-isolated storage for plugins' own records (插件数据): the plugin names its collections
 * and the core keeps them per tenant and per model in its database, across redeploys of the
 * plugin. The plugin writes no schema and no tenant filter.
 *
 * <p>Registered by the core as a service; called by plugins (typically referenced by their REST
 * resources and listeners). Thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface PluginStorage {

    /**
     * The collection {@code collection} of model {@code modelId} in tenant {@code tenantId}.
     *
     * @param collection {@code [a-z][a-z0-9-]{0,39}}, e.g. {@code studios}
     * @throws IllegalArgumentException for an unknown tenant, or a malformed model or collection name
     */
    RecordCollection collection(String tenantId, String modelId, String collection);
}
