package org.gongzhi.plugin.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plugin may read of a district's definition (区情): its event categories, its grid tree and
 * its departments, from {@link PluginTenants#district}. A snapshot: immutable, thread-safe; the core
 * gives a new one after the district's definition changed.
 *
 * <pre>{@code
 * DistrictFacts d = tenants.district("jizhou", ID).orElseThrow();
 * String family = d.category("CM0101").map(DistrictCategory::family).orElse(null);   // CITY_MANAGEMENT
 * Optional<DistrictGrid> community = d.ancestorAt("360802001001001", DistrictGrid.COMMUNITY);
 * }</pre>
 *
 * @since 1.3
 */
public final class DistrictFacts {

    private final String tenantId;
    private final String name;
    private final List<DistrictCategory> categories;
    private final List<DistrictGrid> grids;
    private final List<DistrictDepartment> departments;
    private final Map<String, DistrictCategory> categoryByCode = new LinkedHashMap<>();
    private final Map<String, DistrictGrid> gridByCode = new LinkedHashMap<>();

    /**
     * @param tenantId    the district id, e.g. {@code jizhou}
     * @param name        its Chinese name, e.g. 吉州区
     * @param categories  every category, majors and minors, codes unique
     * @param grids       the grid tree in pre-order: the root (level {@value DistrictGrid#DISTRICT}) first,
     *                    every other node after its parent; codes unique
     * @param departments the departments, codes unique
     * @throws IllegalArgumentException for a duplicate code, no grid, or a grid whose parent does not come before it
     */
    public DistrictFacts(String tenantId, String name, List<DistrictCategory> categories, List<DistrictGrid> grids,
                         List<DistrictDepartment> departments) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.name = Objects.requireNonNull(name, "name");
        this.categories = List.copyOf(categories);
        this.grids = List.copyOf(grids);
        this.departments = List.copyOf(departments);
        if (this.grids.isEmpty()) {
            throw new IllegalArgumentException("a district has at least its root grid");
        }
        for (DistrictCategory c : this.categories) {
            if (categoryByCode.put(c.code(), c) != null) {
                throw new IllegalArgumentException("duplicate category code " + c.code());
            }
        }
        for (DistrictGrid g : this.grids) {
            if (gridByCode.isEmpty() ? g.parentCode() != null : !gridByCode.containsKey(g.parentCode())) {
                throw new IllegalArgumentException("grid " + g.code() + " does not follow its parent " + g.parentCode());
            }
            if (gridByCode.put(g.code(), g) != null) {
                throw new IllegalArgumentException("duplicate grid code " + g.code());
            }
        }
        if (this.departments.stream().map(DistrictDepartment::code).distinct().count() != this.departments.size()) {
            throw new IllegalArgumentException("duplicate department code in " + tenantId);
        }
    }

    /** The district id. */
    public String tenantId() {
        return tenantId;
    }

    /** The district's Chinese name, e.g. 吉州区. */
    public String name() {
        return name;
    }

    /** Every category, majors before their minors, in the district's order. */
    public List<DistrictCategory> categories() {
        return categories;
    }

    /** The category with this code. */
    public Optional<DistrictCategory> category(String code) {
        return Optional.ofNullable(code == null ? null : categoryByCode.get(code));
    }

    /** The categories cases are filed under. */
    public List<DistrictCategory> leafCategories() {
        return categories.stream().filter(DistrictCategory::leaf).toList();
    }

    /** The leaf categories of a family, e.g. {@link DistrictCategory#LIVELIHOOD}. */
    public List<DistrictCategory> leafCategoriesOf(String family) {
        return categories.stream().filter(c -> c.leaf() && c.family().equals(family)).toList();
    }

    /** The whole grid tree in pre-order, root first. */
    public List<DistrictGrid> grids() {
        return grids;
    }

    /** The root of the grid tree: the district itself. */
    public DistrictGrid rootGrid() {
        return grids.get(0);
    }

    /** The grid node with this code (any level). */
    public Optional<DistrictGrid> grid(String code) {
        return Optional.ofNullable(code == null ? null : gridByCode.get(code));
    }

    /** The nodes of one level in pre-order, e.g. every {@link DistrictGrid#COMMUNITY}. */
    public List<DistrictGrid> gridsAt(String level) {
        return grids.stream().filter(g -> g.level().equals(level)).toList();
    }

    /** The direct children of a node; empty for a leaf or an unknown code. */
    public List<DistrictGrid> children(String code) {
        return grid(code).map(g -> g.childCodes().stream().map(gridByCode::get).toList()).orElse(List.of());
    }

    /** The nodes from the root down to {@code code} inclusive; empty for an unknown code. */
    public List<DistrictGrid> pathTo(String code) {
        List<DistrictGrid> path = new ArrayList<>();
        DistrictGrid g = code == null ? null : gridByCode.get(code);
        while (g != null) {
            path.add(g);
            g = g.parentCode() == null ? null : gridByCode.get(g.parentCode());
        }
        Collections.reverse(path);
        return Collections.unmodifiableList(path);
    }

    /**
     * The node of {@code level} on the path to {@code code}: the node itself when it is at that level,
     * else its ancestor there; empty for an unknown code or when the node lies above that level.
     */
    public Optional<DistrictGrid> ancestorAt(String code, String level) {
        return pathTo(code).stream().filter(g -> g.level().equals(level)).findFirst();
    }

    /** The departments in the district's order. */
    public List<DistrictDepartment> departments() {
        return departments;
    }

    /** The department with this code. */
    public Optional<DistrictDepartment> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The departments of a kind, e.g. {@code CITY_MANAGEMENT}; empty when there is none. */
    public List<DistrictDepartment> departmentsOfKind(String kind) {
        return departments.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistrictFacts d && tenantId.equals(d.tenantId) && name.equals(d.name)
                && categories.equals(d.categories) && grids.equals(d.grids) && departments.equals(d.departments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, name, categories, grids, departments);
    }

    @Override
    public String toString() {
        return "DistrictFacts[" + tenantId + ": " + categories.size() + " categories, " + grids.size() + " grids, "
                + departments.size() + " departments]";
    }
}
