package org.gongzhi.plugin.tck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gongzhi.plugin.api.DistrictDepartment;
import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.PluginTenants;

/**
 * {@link PluginTenants} with a fixed list of tenants (租户), the models each enabled, their
 * departments and (since 1.3) their district facts ({@link #district}): a tenant named like a demo
 * district ({@code jizhou}, {@code donghu}, {@code jiangbei}) has that district's categories and grid
 * tree, {@value #OTHER_TENANT} Jiangbei's, any other Jizhou's ({@link SampleDistricts}); the
 * departments are the tenant's departments of this class. Immutable and thread-safe.
 *
 * <pre>{@code
 * PluginTenants tenants = FixedPluginTenants.builder()
 *         .tenant("jizhou", "three-colour-grid")   // every department kind, demo codes
 *         .tenant("donghu")                        // enables nothing
 *         .department("jizhou", "CITY_MANAGEMENT", "CG2")
 *         .build();
 * }</pre>
 */
public final class FixedPluginTenants implements PluginTenants {

    /** The tenant of the contract suite that enabled the plugin's model. */
    public static final String ENABLED_TENANT = "tck-a";
    /** The tenant of the contract suite that did not: it enabled {@link #OTHER_MODEL} only. */
    public static final String OTHER_TENANT = "tck-b";
    /** Another plugin's model id, enabled by {@link #OTHER_TENANT}. */
    public static final String OTHER_MODEL = "tck-other-model";

    /** Department code by kind, as in the demo districts' departments.yaml. */
    private static final Map<String, String> DEMO_DEPARTMENTS = demoDepartments();

    private final Map<String, Set<String>> modelsByTenant;
    private final Map<String, Map<String, String>> departmentsByTenant;
    private final Map<String, DistrictFacts> districts = new LinkedHashMap<>();

    private FixedPluginTenants(Builder b) {
        this.modelsByTenant = b.models.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        this.departmentsByTenant = b.departments.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        for (String tenant : modelsByTenant.keySet()) {
            DistrictFacts given = b.districts.get(tenant);
            districts.put(tenant, given != null ? given : withDepartments(shapeOf(tenant), departmentsByTenant.get(tenant)));
        }
    }

    /** The demo district whose facts a tenant gets when none was given. */
    private static DistrictFacts shapeOf(String tenantId) {
        if (SampleDistricts.IDS.contains(tenantId)) {
            return SampleDistricts.as(tenantId, tenantId);
        }
        return SampleDistricts.as(OTHER_TENANT.equals(tenantId) ? "jiangbei" : "jizhou", tenantId);
    }

    /** The shape's facts with the tenant's departments, named as the shape's department of the kind. */
    private static DistrictFacts withDepartments(DistrictFacts shape, Map<String, String> codeByKind) {
        List<DistrictDepartment> departments = new ArrayList<>();
        codeByKind.forEach((kind, code) -> departments.add(new DistrictDepartment(code,
                shape.departmentsOfKind(kind).stream().findFirst().map(DistrictDepartment::name).orElse(code),
                shape.departmentsOfKind(kind).stream().findFirst().map(DistrictDepartment::nameEn).orElse(null),
                kind)));
        return new DistrictFacts(shape.tenantId(), shape.name(), shape.categories(), shape.grids(), departments);
    }

    /** The contract suite's world: {@code modelId} enabled in {@value #ENABLED_TENANT} only. */
    public static FixedPluginTenants tck(String modelId) {
        return builder().tenant(ENABLED_TENANT, modelId).tenant(OTHER_TENANT, OTHER_MODEL).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every tenant this knows, whether or not it enabled anything. */
    public Set<String> tenants() {
        return modelsByTenant.keySet();
    }

    @Override
    public boolean isEnabled(String tenantId, String modelId) {
        return modelsByTenant.getOrDefault(tenantId, Set.of()).contains(modelId);
    }

    @Override
    public Set<String> tenantsOf(String modelId) {
        return modelsByTenant.entrySet().stream().filter(e -> e.getValue().contains(modelId))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<String> departmentOfKind(String tenantId, String kind) {
        return Optional.ofNullable(departmentsByTenant.getOrDefault(tenantId, Map.of()).get(kind));
    }

    /** The tenant's district facts when it enabled {@code modelId}, as the core answers. */
    @Override
    public Optional<DistrictFacts> district(String tenantId, String modelId) {
        return isEnabled(tenantId, modelId) ? Optional.ofNullable(districts.get(tenantId)) : Optional.empty();
    }

    /** Builds a {@link FixedPluginTenants}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Set<String>> models = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> departments = new LinkedHashMap<>();
        private final Map<String, DistrictFacts> districts = new LinkedHashMap<>();

        private Builder() {
        }

        /** A tenant that enabled {@code modelIds}, with one department of every kind (GA 公安, CG 城管…). */
        public Builder tenant(String tenantId, String... modelIds) {
            models.put(tenantId, Set.copyOf(Arrays.asList(modelIds)));
            departments.put(tenantId, new TreeMap<>(DEMO_DEPARTMENTS));
            return this;
        }

        /** Sets the department of {@code kind} of a tenant added before. */
        public Builder department(String tenantId, String kind, String code) {
            known(tenantId).put(kind, code);
            return this;
        }

        /**
         * Gives a tenant added before these district facts (their tenant id must be the tenant's),
         * in place of the demo district's; its departments are then those of {@code facts}.
         *
         * @since 1.3
         */
        public Builder district(String tenantId, DistrictFacts facts) {
            known(tenantId);
            if (!facts.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("facts of " + facts.tenantId() + " given for " + tenantId);
            }
            districts.put(tenantId, facts);
            return this;
        }

        /** Removes the department of {@code kind} of a tenant added before. */
        public Builder withoutDepartment(String tenantId, String kind) {
            known(tenantId).remove(kind);
            return this;
        }

        public FixedPluginTenants build() {
            return new FixedPluginTenants(this);
        }

        private Map<String, String> known(String tenantId) {
            Map<String, String> d = departments.get(tenantId);
            if (d == null) {
                throw new IllegalArgumentException("add the tenant first: " + tenantId);
            }
            return d;
        }
    }

    private static Map<String, String> demoDepartments() {
        Map<String, String> m = new TreeMap<>();
        String[] pairs = {"PUBLIC_SECURITY", "GA", "CITY_MANAGEMENT", "CG", "MARKET_SUPERVISION", "SJ",
                "SANITATION", "HW", "JUSTICE", "SF", "HEALTH", "WJ", "FIRE", "XF", "PETITIONS", "XFJ",
                "CIVIL_AFFAIRS", "MZ", "EMERGENCY", "YJ", "HOUSING", "ZJ", "ECOLOGY_ENVIRONMENT", "HB",
                "TRANSPORT", "JT", "WATER", "SL", "EDUCATION", "JY", "HUMAN_RESOURCES", "RS",
                "NATURAL_RESOURCES", "ZR", "AGRICULTURE", "NY", "STREET_OFFICE", "ZZ"};
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
