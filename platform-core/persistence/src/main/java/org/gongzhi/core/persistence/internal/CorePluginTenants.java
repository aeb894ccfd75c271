package org.gongzhi.core.persistence.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictCategory;
import org.gongzhi.plugin.api.DistrictDepartment;
import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What plugins may know about tenants, answered from the tenant directory: enablement, departments
 * and, since plugin API 1.3, the district's categories, grid tree and departments as
 * {@link DistrictFacts} (built once per definition of a tenant, then served from memory).
 */
@Component(service = PluginTenants.class)
public final class CorePluginTenants implements PluginTenants {

    private final TenantDirectory tenants;
    /** The facts of the definition a tenant had when last asked; rebuilt when the definition changes. */
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    private record Built(TenantDefinition definition, DistrictFacts facts) {
    }

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

    @Override
    public Optional<DistrictFacts> district(String tenantId, String modelId) {
        if (tenantId == null || modelId == null || !isEnabled(tenantId, modelId)) {
            return Optional.empty();
        }
        return tenants.find(tenantId).map(t -> {
            Built b = built.get(t.id());
            if (b == null || b.definition() != t) {
                b = new Built(t, facts(t));
                built.put(t.id(), b);
            }
            return b.facts();
        });
    }

    /** A tenant definition as plugins see it. */
    static DistrictFacts facts(TenantDefinition t) {
        return new DistrictFacts(t.id(), t.name(),
                t.categories().stream().map(CorePluginTenants::category).toList(),
                t.grids().all().stream().map(n -> grid(n, n == t.grids().root())).toList(),
                t.departments().stream().map(d -> new DistrictDepartment(d.code(), d.name(), d.nameEn(), d.kind()))
                        .toList());
    }

    /**
     * The facts plugins get about a case: the stored values, with the category's family and name
     * and the lead department's kind looked up in the tenant's definition.
     *
     * @param leadDepartment the code of the lead department, null before a dispatch
     */
    static CaseFacts caseFacts(TenantDefinition tenant, String number, String categoryCode, String defaultTier,
                               String gridCode, String channel, String title, java.time.Instant reportedAt,
                               String leadDepartment) {
        Optional<CategoryDefinition> category = tenant.category(categoryCode);
        String family = category.map(CategoryDefinition::family).or(() -> CategoryFamily.fromCode(categoryCode))
                .map(Enum::name).orElse(null);
        String leadKind = leadDepartment == null ? category.map(CategoryDefinition::departmentKind).orElse(null)
                : tenant.department(leadDepartment).map(DepartmentDefinition::kind).orElse(null);
        return new CaseFacts(tenant.id(), number, categoryCode, defaultTier, gridCode, channel, title, reportedAt,
                family, category.map(CategoryDefinition::name).orElse(null), leadKind);
    }

    private static DistrictCategory category(CategoryDefinition c) {
        return new DistrictCategory(c.code(), c.name(), c.nameEn(), c.family().name(), c.parentCode(),
                c.tier() == null ? null : c.tier().wireName(), c.departmentKind(), c.leaf());
    }

    private static DistrictGrid grid(GridNode n, boolean root) {
        return new DistrictGrid(n.code(), n.name(), n.nameEn(), n.level().name().toLowerCase(Locale.ROOT),
                root ? null : n.parentCode(), n.children().stream().map(GridNode::code).toList());
    }
}
