package org.gongzhi.plugin.api;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which tenants enabled which models, and the little a plugin needs to know about a tenant.
 *
 * <p>Registered by the core; called by plugins (e.g. a REST resource checks its tenant). The
 * core already answers 404 for plugin URLs of tenants that did not enable the model, so this is
 * for work a plugin starts itself (schedules, listeners of other models). Thread-safe, non-blocking.
 *
 * @since 1.0
 */
@ProviderType
public interface PluginTenants {

    /** Whether {@code tenantId} exists and enabled {@code modelId}. */
    boolean isEnabled(String tenantId, String modelId);

    /** Tenants that enabled {@code modelId}. */
    Set<String> tenantsOf(String modelId);

    /**
     * Departments of the tenant: code of the first department of the given kind
     * (e.g. {@code CITY_MANAGEMENT}), empty when the tenant has none.
     */
    Optional<String> departmentOfKind(String tenantId, String kind);
}
