package org.gongzhi.core.service.tenants;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The districts the platform serves (active and suspended), as loaded from their definitions;
 * changed by {@link TenantAdministration}. Implemented by the
 * persistence bundle; registered only once the database is migrated and the tenants are
 * loaded, so its presence means the platform is ready.
 */
@ProviderType
public interface TenantDirectory {

    /** Active and suspended districts, by administrative code. */
    List<TenantDefinition> tenants();

    /** An active or suspended district. */
    Optional<TenantDefinition> find(String tenantId);

    /** The district's status; empty for an unknown or deleted district. */
    Optional<TenantStatus> status(String tenantId);

    /**
     * Models (plugins) the tenant enabled: its definition's {@code plugins:} at first load, as
     * changed since by {@link #setModelEnabled}. Empty for an unknown tenant.
     */
    Set<String> enabledModels(String tenantId);

    /**
     * Enables or disables a model for a tenant; kept across restarts. The model need not be
     * deployed (a plugin may be installed later).
     *
     * @throws NotFoundException   for an unknown tenant
     * @throws ValidationException for a malformed model id
     */
    void setModelEnabled(String tenantId, String modelId, boolean enabled);

    /** The tenant or {@link NotFoundException} naming it. */
    default TenantDefinition require(String tenantId) {
        return find(tenantId).orElseThrow(() -> new NotFoundException("租户不存在 (no such tenant): " + tenantId));
    }
}
