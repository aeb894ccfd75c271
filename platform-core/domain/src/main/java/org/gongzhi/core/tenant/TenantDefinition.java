package org.gongzhi.core.tenant;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.calendar.SlaPolicy;
import org.gongzhi.core.calendar.WorkingCalendar;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridTree;

/**
 * A tenant: one district or county (区县) as defined under {@code tenants/<id>/}. Immutable; the
 * lists are unmodifiable copies. Usually produced by {@link TenantDefinitionReader}.
 *
 * @param id         {@code [a-z][a-z0-9-]{1,31}}, equal to the directory name
 * @param name       Chinese name, e.g. 东湖区
 * @param nameEn     English name, may be {@code null}
 * @param city       Chinese name of the city, e.g. 南昌市
 * @param cityEn     English name of the city, may be {@code null}
 * @param adminCode  six-digit administrative division code (行政区划代码), e.g. {@code 360102}
 * @param timeZone   time zone of the calendar (Asia/Shanghai)
 * @param plugins    ids of the district-model plugins enabled for this tenant
 * @param sla        time limits
 * @param calendar   working calendar; its zone must equal {@code timeZone}
 * @param departments functional departments, unique codes
 * @param categories  event categories, unique codes; every departmentKind is the kind of some department
 * @param grids      grid hierarchy whose root is at {@link GridLevel#DISTRICT}
 * @param people     accounts to create in the district's identity realm: unique user names,
 *                   district roles only, departments and grids of this tenant
 * @param hotline    how 12345 hotline tickets map onto categories and grids ({@code hotline.yaml});
 *                   {@code null} becomes {@link HotlineMapping#none()}; every target is a leaf
 *                   category and a grid of this tenant (since 1.2)
 * @param emergency  the emergency plan for wartime (战时); {@code null} becomes
 *                   {@link EmergencyPlan#defaults(SlaPolicy)} of {@code sla}; every command-post
 *                   category is a category of this tenant and no wartime limit is looser than the
 *                   normal one ({@link EmergencyPlan#normalCeiling}) (since 1.3)
 * @param supervision the supervision rules (督办规则); {@code null} becomes {@link SupervisionPolicy#defaults()}
 *                   (since 1.4)
 * @param responsibilities the responsibility list as shipped ({@code responsibility.yaml}, 责任清单): what
 *                   the district starts with until its administrator replaces it; {@code null} becomes
 *                   {@link ResponsibilityList#EMPTY}; its categories, grids and departments are this
 *                   tenant's (since 1.4)
 * @param duplicates the duplicate rule (疑似重复件, {@code duplicates:} of {@code tenant.yaml}); {@code null}
 *                   becomes {@link DuplicatePolicy#defaults()} (since 1.5)
 * @throws IllegalArgumentException naming the field when a value breaks these rules
 */
public record TenantDefinition(String id, String name, String nameEn, String city, String cityEn, String adminCode,
                               ZoneId timeZone, List<String> plugins, SlaPolicy sla, WorkingCalendar calendar,
                               List<DepartmentDefinition> departments, List<CategoryDefinition> categories,
                               GridTree grids, List<PersonDefinition> people, HotlineMapping hotline,
                               EmergencyPlan emergency, SupervisionPolicy supervision,
                               ResponsibilityList responsibilities, DuplicatePolicy duplicates) {

    /** Pattern of tenant ids. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    /** Pattern of administrative codes. */
    public static final Pattern ADMIN_CODE = Pattern.compile("\\d{6}");

    /** Not a district id: the city-wide reports are archived under it. */
    public static final String RESERVED_ID = "city";
    /** Not a district id either: a path segment of the city's district API. */
    public static final String DEFINITIONS_ID = "definitions";

    /** Validates the components and copies the lists. */
    public TenantDefinition {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must match " + ID + ": " + DepartmentDefinition.quote(id));
        }
        if (DEFINITIONS_ID.equals(id)) {
            throw new IllegalArgumentException("id " + DEFINITIONS_ID + " is reserved");
        }
        if (RESERVED_ID.equals(id)) {
            throw new IllegalArgumentException("id " + RESERVED_ID + " is reserved for the city's own reports");
        }
        require(name, "name");
        require(city, "city");
        if (adminCode == null || !ADMIN_CODE.matcher(adminCode).matches()) {
            throw new IllegalArgumentException("adminCode must be 6 digits: " + DepartmentDefinition.quote(adminCode));
        }
        Objects.requireNonNull(timeZone, "timeZone");
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(calendar, "calendar");
        if (!calendar.zone().equals(timeZone)) {
            throw new IllegalArgumentException("calendar zone " + calendar.zone() + " differs from timeZone " + timeZone);
        }
        departments = departments == null ? List.of() : List.copyOf(departments);
        categories = categories == null ? List.of() : List.copyOf(categories);
        Objects.requireNonNull(grids, "grids");
        Set<String> seen = new HashSet<>();
        for (DepartmentDefinition d : departments) {
            if (!seen.add(d.code().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate department code " + d.code());
            }
        }
        Set<String> kinds = departments.stream().map(DepartmentDefinition::kind).collect(Collectors.toSet());
        seen.clear();
        for (CategoryDefinition c : categories) {
            if (!seen.add(c.code())) {
                throw new IllegalArgumentException("duplicate category code " + c.code());
            }
            if (c.departmentKind() != null && !kinds.contains(c.departmentKind())) {
                throw new IllegalArgumentException("departmentKind " + c.departmentKind() + " of category " + c.code()
                        + " is not the kind of any department of tenant " + id);
            }
        }
        people = people == null ? List.of() : List.copyOf(people);
        seen.clear();
        for (PersonDefinition p : people) {
            if (!seen.add(p.username())) {
                throw new IllegalArgumentException("duplicate username " + p.username());
            }
            if (p.has(Role.CITY_ADMIN) || p.has(Role.CITY_DISPATCHER)) {
                throw new IllegalArgumentException("person " + p.username()
                        + " of a district cannot be city-admin or city-dispatcher");
            }
            if (p.department() != null && departments.stream().noneMatch(d -> d.code().equals(p.department()))) {
                throw new IllegalArgumentException("department " + p.department() + " of person " + p.username()
                        + " is not a department of tenant " + id);
            }
            for (String g : p.grids()) {
                if (grids.find(g).isEmpty()) {
                    throw new IllegalArgumentException("grid " + g + " of person " + p.username()
                            + " is not in the grid tree of tenant " + id);
                }
            }
        }
        if (grids.root().level() != GridLevel.DISTRICT) {
            throw new IllegalArgumentException("grid root " + grids.root().code() + " must be at level DISTRICT, not "
                    + grids.root().level());
        }
        hotline = hotline == null ? HotlineMapping.none() : hotline;
        hotline.requireTargets(categories, grids);
        emergency = emergency == null ? EmergencyPlan.defaults(sla) : emergency;
        requirePlan(emergency, sla, categories);
        supervision = supervision == null ? SupervisionPolicy.defaults() : supervision;
        responsibilities = responsibilities == null ? ResponsibilityList.EMPTY : responsibilities;
        duplicates = duplicates == null ? DuplicatePolicy.defaults() : duplicates;
        try {
            responsibilities.check(departments, categories, grids);
        } catch (org.gongzhi.core.service.ValidationException e) {
            throw new IllegalArgumentException("responsibility " + e.field() + ": " + e.getMessage(), e);
        }
    }

    /** A tenant with the default duplicate rule (the constructor of version 1.4). */
    public TenantDefinition(String id, String name, String nameEn, String city, String cityEn, String adminCode,
                            ZoneId timeZone, List<String> plugins, SlaPolicy sla, WorkingCalendar calendar,
                            List<DepartmentDefinition> departments, List<CategoryDefinition> categories,
                            GridTree grids, List<PersonDefinition> people, HotlineMapping hotline,
                            EmergencyPlan emergency, SupervisionPolicy supervision,
                            ResponsibilityList responsibilities) {
        this(id, name, nameEn, city, cityEn, adminCode, timeZone, plugins, sla, calendar, departments, categories,
                grids, people, hotline, emergency, supervision, responsibilities, null);
    }

    /** A tenant without a responsibility list (the constructor before issue 17). */
    public TenantDefinition(String id, String name, String nameEn, String city, String cityEn, String adminCode,
                            ZoneId timeZone, List<String> plugins, SlaPolicy sla, WorkingCalendar calendar,
                            List<DepartmentDefinition> departments, List<CategoryDefinition> categories,
                            GridTree grids, List<PersonDefinition> people, HotlineMapping hotline,
                            EmergencyPlan emergency, SupervisionPolicy supervision) {
        this(id, name, nameEn, city, cityEn, adminCode, timeZone, plugins, sla, calendar, departments, categories,
                grids, people, hotline, emergency, supervision, null, null);
    }

    /** A tenant with the default supervision rules (the constructor of version 1.3). */
    public TenantDefinition(String id, String name, String nameEn, String city, String cityEn, String adminCode,
                            ZoneId timeZone, List<String> plugins, SlaPolicy sla, WorkingCalendar calendar,
                            List<DepartmentDefinition> departments, List<CategoryDefinition> categories,
                            GridTree grids, List<PersonDefinition> people, HotlineMapping hotline,
                            EmergencyPlan emergency) {
        this(id, name, nameEn, city, cityEn, adminCode, timeZone, plugins, sla, calendar, departments, categories,
                grids, people, hotline, emergency, null, null, null);
    }

    /** A tenant with the default emergency plan (the constructor of version 1.2). */
    public TenantDefinition(String id, String name, String nameEn, String city, String cityEn, String adminCode,
                            ZoneId timeZone, List<String> plugins, SlaPolicy sla, WorkingCalendar calendar,
                            List<DepartmentDefinition> departments, List<CategoryDefinition> categories,
                            GridTree grids, List<PersonDefinition> people, HotlineMapping hotline) {
        this(id, name, nameEn, city, cityEn, adminCode, timeZone, plugins, sla, calendar, departments, categories,
                grids, people, hotline, null, null, null, null);
    }

    private static void requirePlan(EmergencyPlan plan, SlaPolicy sla, List<CategoryDefinition> categories) {
        for (SlaTier tier : SlaTier.values()) {
            if (plan.limit(tier).compareTo(EmergencyPlan.normalCeiling(sla, tier)) > 0) {
                throw new IllegalArgumentException("emergency limit " + plan.limit(tier) + " of tier " + tier.wireName()
                        + " is looser than the normal limit (at most " + EmergencyPlan.normalCeiling(sla, tier) + ")");
            }
        }
        Set<String> codes = categories.stream().map(CategoryDefinition::code).collect(Collectors.toSet());
        for (String target : plan.commandPostCategories()) {
            if (EmergencyPlan.family(target).isEmpty() && !codes.contains(target)) {
                throw new IllegalArgumentException("command-post category " + target + " is not a category of the tenant");
            }
        }
    }

    /** A tenant without a hotline mapping (the constructor of version 1.1). */
    public TenantDefinition(String id, String name, String nameEn, String city, String cityEn, String adminCode,
                            ZoneId timeZone, List<String> plugins, SlaPolicy sla, WorkingCalendar calendar,
                            List<DepartmentDefinition> departments, List<CategoryDefinition> categories,
                            GridTree grids, List<PersonDefinition> people) {
        this(id, name, nameEn, city, cityEn, adminCode, timeZone, plugins, sla, calendar, departments, categories,
                grids, people, null, null, null, null, null);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** The department with this code. */
    public Optional<DepartmentDefinition> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** Departments of one kind, in file order (possibly several, e.g. street offices). */
    public List<DepartmentDefinition> departmentsOfKind(String kind) {
        return departments.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** The category with this code (leaf or not). */
    public Optional<CategoryDefinition> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The categories cases may use. */
    public List<CategoryDefinition> leafCategories() {
        return categories.stream().filter(CategoryDefinition::leaf).toList();
    }

    /** An SLA clock over this tenant's calendar and policy. */
    public SlaClock slaClock() {
        return new SlaClock(calendar, sla);
    }
}
