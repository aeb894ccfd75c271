package org.gongzhi.core.testing;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;

/**
 * The districts of a unit test (测试用租户目录): a fixed list of definitions, every one active unless
 * {@linkplain #suspend suspended}, with the models a test enables. The platform's only fake
 * {@link TenantDirectory}; the real one is the persistence bundle's catalogue. Thread-safe.
 */
public final class FakeTenantDirectory implements TenantDirectory {

    private final List<TenantDefinition> tenants;
    private final Set<String> suspended = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> models = new ConcurrentHashMap<>();

    private FakeTenantDirectory(List<TenantDefinition> tenants) {
        this.tenants = List.copyOf(tenants);
    }

    /** These districts, all active, no model enabled. */
    public static FakeTenantDirectory of(TenantDefinition... tenants) {
        return new FakeTenantDirectory(List.of(tenants));
    }

    /** These districts, all active, no model enabled. */
    public static FakeTenantDirectory of(List<TenantDefinition> tenants) {
        return new FakeTenantDirectory(tenants);
    }

    /**
     * The demo districts of the repository's {@code tenants/} folder (system property
     * {@code gongzhi.tenants}, else {@code ../../tenants}: a module of {@code platform-core}).
     */
    public static FakeTenantDirectory demo() {
        return of(demoDefinitions());
    }

    /** The definitions of the repository's demo districts, read anew. */
    public static List<TenantDefinition> demoDefinitions() {
        return new TenantDefinitionReader().readAll(Path.of(System.getProperty("gongzhi.tenants", "../../tenants")));
    }

    /** Marks a district suspended; answers this directory. */
    public FakeTenantDirectory suspend(String tenantId) {
        suspended.add(tenantId);
        return this;
    }

    /** Enables models for a district; answers this directory. */
    public FakeTenantDirectory enable(String tenantId, String... modelIds) {
        for (String m : modelIds) {
            setModelEnabled(tenantId, m, true);
        }
        return this;
    }

    @Override
    public List<TenantDefinition> tenants() {
        return tenants;
    }

    @Override
    public Optional<TenantDefinition> find(String tenantId) {
        return tenants.stream().filter(t -> t.id().equals(tenantId)).findFirst();
    }

    @Override
    public Optional<TenantStatus> status(String tenantId) {
        return find(tenantId).map(t -> suspended.contains(t.id()) ? TenantStatus.SUSPENDED : TenantStatus.ACTIVE);
    }

    @Override
    public Set<String> enabledModels(String tenantId) {
        return find(tenantId).isPresent() ? Set.copyOf(models.getOrDefault(tenantId, Set.of())) : Set.of();
    }

    @Override
    public void setModelEnabled(String tenantId, String modelId, boolean enabled) {
        require(tenantId);
        models.compute(tenantId, (k, v) -> {
            Set<String> s = v == null ? new HashSet<>() : new HashSet<>(v);
            if (enabled) {
                s.add(modelId);
            } else {
                s.remove(modelId);
            }
            return Set.copyOf(s);
        });
    }
}
