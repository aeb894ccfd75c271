package org.gongzhi.plugin.api;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which tenants enabled which models, and what a plugin may know about a tenant: since 1.3 its
 * categories, grid tree and departments ({@link #district}).
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

    /**
     * The district's categories, grid tree and departments, for a district that enabled
     * {@code modelId}: empty when the tenant does not exist or did not enable the model. Answered
     * from memory (no I/O); call it when you need it rather than keeping the answer, since a
     * district's definition may change while the platform runs.
     *
     * <p>The default answers empty, for implementations written against 1.2; the core's and the
     * TCK's answer.
     *
     * @param tenantId the district
     * @param modelId  the calling plugin's model id
     * @since 1.3
     */
    default Optional<DistrictFacts> district(String tenantId, String modelId) {
        return Optional.empty();
    }
}
