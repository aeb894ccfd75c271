package org.gongzhi.core.service;

import java.util.List;
import java.util.Optional;

import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The districts the platform serves, as loaded from their definitions. Implemented by the
 * persistence bundle; registered only once the database is migrated and the tenants are
 * loaded, so its presence means the platform is ready.
 */
public interface TenantDirectory {

    List<TenantDefinition> tenants();

    Optional<TenantDefinition> find(String tenantId);

    /** The tenant or {@link NotFoundException} naming it. */
    default TenantDefinition require(String tenantId) {
        return find(tenantId).orElseThrow(() -> new NotFoundException("租户不存在 (no such tenant): " + tenantId));
    }
}
