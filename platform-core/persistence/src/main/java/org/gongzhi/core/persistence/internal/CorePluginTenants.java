package org.gongzhi.core.persistence.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What plugins may know about tenants, answered from the tenant directory. */
@Component(service = PluginTenants.class)
public final class CorePluginTenants implements PluginTenants {

    private final TenantDirectory tenants;

    @Activate
    public CorePluginTenants(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean isEnabled(String tenantId, String modelId) {
        return tenants.enabledModels(tenantId).contains(modelId);
    }

    @Override
    public Set<String> tenantsOf(String modelId) {
        return tenants.tenants().stream().map(TenantDefinition::id)
                .filter(t -> isEnabled(t, modelId)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<String> departmentOfKind(String tenantId, String kind) {
        return tenants.find(tenantId).flatMap(t -> t.departmentsOfKind(kind).stream().findFirst())
                .map(DepartmentDefinition::code);
    }
}
