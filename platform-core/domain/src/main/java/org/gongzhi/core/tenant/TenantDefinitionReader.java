package org.gongzhi.core.tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongzhi.core.calendar.SlaPolicy;
import org.gongzhi.core.calendar.WorkingCalendar;
import org.gongzhi.core.grid.GridTree;
import org.gongzhi.core.tenant.internal.CalendarParser;
import org.gongzhi.core.tenant.internal.CategoryParser;
import org.gongzhi.core.tenant.internal.EmergencyParser;
import org.gongzhi.core.tenant.internal.Field;
import org.gongzhi.core.tenant.internal.Located;
import org.gongzhi.core.tenant.internal.GridParser;
import org.gongzhi.core.tenant.internal.Connectors;
import org.gongzhi.core.tenant.internal.HotlineParser;
import org.gongzhi.core.tenant.internal.ResponsibilityParser;
import org.gongzhi.core.tenant.internal.DuplicateParser;
import org.gongzhi.core.tenant.internal.SupervisionParser;
import org.gongzhi.core.tenant.internal.YamlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads tenant definitions from {@code tenants/<id>/tenant.yaml} and the files it refers to
 * ({@code calendar}, {@code categories}, {@code departments}, {@code grids}, {@code people},
 * {@code hotline}; paths relative to the tenant directory, so shared files live in
 * {@code tenants/common/}). Thread-safe.
 *
 * <p>Every problem is reported as a {@link TenantDefinitionException} naming the file and the
 * field. Unknown keys are logged and ignored. Optional: {@code nameEn}, {@code cityEn},
 * {@code timeZone} (default Asia/Shanghai), {@code plugins}, {@code sla} (and each of its keys;
 * defaults {@link SlaPolicy#defaults()}), {@code calendar} (default Saturday/Sunday weekend, no
 * holidays), {@code people}, {@code hotline} (default {@link HotlineMapping#none()}),
 * {@code emergency} (the wartime plan: {@code limits} per tier, {@code commandPostCategories},
 * {@code roster} inline or as a file; default {@link EmergencyPlan#defaults}), {@code supervision}
 * (督办规则: {@code escalateAfterOverdue}, {@code escalateAfterReworks}, {@code answerWithin}; default
 * {@link SupervisionPolicy#defaults()}), {@code responsibility} (the path of the responsibility list,
 * 责任清单: {@code autoDispatch} and {@code entries[]}; default {@link ResponsibilityList#EMPTY}), {@code duplicates}
 * (疑似重复件: {@code distanceMetres}, {@code window}, {@code threshold}; default {@link DuplicatePolicy#defaults()}). The id must equal
 * the directory name.
 */
public final class TenantDefinitionReader {

    /** Name of the definition file in each tenant directory. */
    public static final String TENANT_FILE = "tenant.yaml";
    /** Directory of shared files under the tenants root, never a tenant. */
    public static final String COMMON_DIR = "common";

    private static final Logger LOG = LoggerFactory.getLogger(TenantDefinitionReader.class);
    private static final Set<String> TENANT_KEYS = Set.of("id", "name", "nameEn", "city", "cityEn", "adminCode",
            "timeZone", "plugins", "sla", "calendar", "categories", "departments", "grids", "people", "hotline",
            "emergency", "supervision", "responsibility", "duplicates");
    /** File of the city's own accounts (city administrators) under {@code common/}. */
    public static final String CITY_PEOPLE_FILE = "city-people.yaml";

    private final YamlFiles yaml = new YamlFiles();

    /** Reads the tenant in {@code tenantDir}. */
    public TenantDefinition read(Path tenantDir) {
        Path file = tenantDir.resolve(TENANT_FILE);
        Field root = yaml.load(file).requireObject(TENANT_KEYS);
        String id = root.get("id").text(true);
        if (!TenantDefinition.ID.matcher(id).matches()) {
            throw root.get("id").error("must match " + TenantDefinition.ID + ", got \"" + id + "\"");
        }
        Path dirName = tenantDir.toAbsolutePath().normalize().getFileName();
        if (dirName != null && !id.equals(dirName.toString())) {
            throw root.get("id").error("must equal the directory name \"" + dirName + "\", got \"" + id + "\"");
        }
        String adminCode = root.get("adminCode").text(true);
        if (!TenantDefinition.ADMIN_CODE.matcher(adminCode).matches()) {
            throw root.get("adminCode").error("must be 6 digits, got \"" + adminCode + "\"");
        }
        ZoneId zone = root.get("timeZone").isMissing() ? ZoneId.of("Asia/Shanghai")
                : root.get("timeZone").parse(ZoneId::of, "a time zone id such as Asia/Shanghai");
        List<String> plugins = new ArrayList<>();
        for (Field p : root.get("plugins").elements()) {
            plugins.add(p.text(true));
        }
        SlaPolicy sla = sla(root.get("sla"));
        WorkingCalendar calendar = root.get("calendar").isMissing()
                ? new WorkingCalendar(zone, WorkingCalendar.chinaDefault().weekend(), Set.of(), Set.of())
                : CalendarParser.parse(yaml.load(referenced(tenantDir, root.get("calendar"))), zone);
        List<DepartmentDefinition> departments = departments(yaml.load(referenced(tenantDir, root.get("departments"))));
        List<Located<CategoryDefinition>> categories =
                CategoryParser.parse(yaml.load(referenced(tenantDir, root.get("categories"))));
        checkDepartmentKinds(categories, departments, root.get("departments").text(true));
        GridTree grids = GridParser.parse(yaml.load(referenced(tenantDir, root.get("grids"))));
        List<PersonDefinition> people = root.get("people").isMissing() ? List.of()
                : people(yaml.load(referenced(tenantDir, root.get("people"))));
        HotlineMapping hotline = root.get("hotline").isMissing() ? HotlineMapping.none()
                : HotlineParser.parse(yaml.load(referenced(tenantDir, root.get("hotline"))),
                        categories.stream().map(Located::value).toList(), grids);
        EmergencyPlan emergency = EmergencyParser.parse(root.get("emergency"), sla,
                categories.stream().map(Located::value).toList(), tenantDir, yaml);
        SupervisionPolicy supervision = SupervisionParser.parse(root.get("supervision"));
        ResponsibilityList responsibilities = root.get("responsibility").isMissing() ? ResponsibilityList.EMPTY
                : ResponsibilityParser.parse(yaml.load(referenced(tenantDir, root.get("responsibility"))));
        try {
            TenantDefinition t = new TenantDefinition(id, root.get("name").text(true), root.get("nameEn").text(false),
                    root.get("city").text(true), root.get("cityEn").text(false), adminCode, zone, plugins, sla,
                    calendar, departments, categories.stream().map(Located::value).toList(), grids, people, hotline,
                    emergency, supervision, responsibilities, DuplicateParser.parse(root.get("duplicates")));
            LOG.info("Read tenant {} ({}): {} departments, {} categories, {} grid nodes, {} people", t.id(), t.name(),
                    departments.size(), categories.size(), grids.size(), people.size());
            return t;
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage(), e);
        }
    }

    /**
     * Reads every sub-directory of {@code tenantsRoot} that has a {@code tenant.yaml}, in name
     * order, skipping {@code common/} and hidden directories. Fails on the first bad tenant.
     */
    public List<TenantDefinition> readAll(Path tenantsRoot) {
        if (!Files.isDirectory(tenantsRoot)) {
            throw new TenantDefinitionException(tenantsRoot, null, "missing tenants directory", null);
        }
        Set<Path> dirs = new TreeSet<>();
        try (Stream<Path> s = Files.list(tenantsRoot)) {
            s.filter(Files::isDirectory)
                    .filter(d -> !COMMON_DIR.equals(d.getFileName().toString()))
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve(TENANT_FILE)))
                    .forEach(dirs::add);
        } catch (IOException e) {
            throw new TenantDefinitionException(tenantsRoot, null, "cannot list: " + e, e);
        }
        List<TenantDefinition> out = new ArrayList<>();
        for (Path d : dirs) {
            out.add(read(d));
        }
        return List.copyOf(out);
    }

    private static Path referenced(Path tenantDir, Field ref) {
        Path p = tenantDir.resolve(ref.text(true)).normalize();
        if (!Files.isRegularFile(p)) {
            throw ref.error("refers to a missing file " + p);
        }
        return p;
    }

    private static SlaPolicy sla(Field f) {
        SlaPolicy d = SlaPolicy.defaults();
        if (f.isMissing()) {
            return d;
        }
        f.requireObject(Set.of("simpleHours", "coordinationWorkingDays", "difficultWorkingDays", "warningRatio"));
        double hours = f.get("simpleHours").number(d.simple().toMinutes() / 60.0);
        int coordination = whole(f.get("coordinationWorkingDays"), d.coordinationWorkingDays());
        int difficult = whole(f.get("difficultWorkingDays"), d.difficultWorkingDays());
        double ratio = f.get("warningRatio").number(d.warningRatio());
        try {
            return new SlaPolicy(Duration.ofSeconds(Math.round(hours * 3600)), coordination, difficult, ratio);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage(), e);
        }
    }

    private static int whole(Field f, int fallback) {
        double v = f.number(fallback);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw f.error("must be a whole number of days: " + v);
        }
        return (int) v;
    }

    private static List<DepartmentDefinition> departments(Field root) {
        root.requireObject(Set.of("departments"));
        List<DepartmentDefinition> out = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        for (Field f : root.get("departments").elements()) {
            f.requireObject(Set.of("code", "name", "nameEn", "kind", "clientSecret", "connector"));
            String code = f.get("code").text(true);
            if (!codes.add(code)) {
                throw f.get("code").error("duplicate department code \"" + code + "\"");
            }
            try {
                out.add(new DepartmentDefinition(code, f.get("name").text(true), f.get("nameEn").text(false),
                        f.get("kind").text(true), f.get("clientSecret").text(false), Connectors.parse(f.get("connector"))));
            } catch (IllegalArgumentException e) {
                throw f.error(e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw root.get("departments").error("must list at least one department");
        }
        return out;
    }

    /**
     * The city's accounts listed in {@code common/city-people.yaml} under {@code tenantsRoot} (its
     * administrators and its wall screens); empty when the file does not exist. Every person holds
     * exactly one of the {@linkplain Role#cityRoles() city roles}: {@link Role#CITY_ADMIN},
     * {@link Role#CITY_DISPATCHER} or {@link Role#SCREEN_VIEWER}.
     */
    public List<PersonDefinition> readCityPeople(Path tenantsRoot) {
        Path file = tenantsRoot.resolve(COMMON_DIR).resolve(CITY_PEOPLE_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Field root = yaml.load(file);
        List<PersonDefinition> people = people(root);
        for (int i = 0; i < people.size(); i++) {
            List<Role> roles = people.get(i).roles();
            if (roles.size() != 1 || !Role.cityRoles().contains(roles.get(0))) {
                throw root.get("people").elements().get(i).get("roles")
                        .error("city accounts hold one role: city-admin, city-dispatcher or screen-viewer");
            }
        }
        return people;
    }

    private static List<PersonDefinition> people(Field root) {
        root.requireObject(Set.of("defaultPassword", "people"));
        String defaultPassword = root.get("defaultPassword").text(false);
        List<PersonDefinition> out = new ArrayList<>();
        for (Field f : root.get("people").elements()) {
            f.requireObject(Set.of("username", "firstName", "lastName", "email", "phone", "roles", "department",
                    "grids", "password"));
            List<Role> roles = new ArrayList<>();
            for (Field r : f.get("roles").elements()) {
                roles.add(r.parse(id -> Role.fromId(id).orElseThrow(), "one of the role ids "
                        + Arrays.stream(Role.values()).map(Role::id).toList()));
            }
            List<String> grids = new ArrayList<>();
            for (Field g : f.get("grids").elements()) {
                grids.add(g.text(true));
            }
            String password = f.get("password").text(false);
            try {
                out.add(new PersonDefinition(f.get("username").text(true), f.get("firstName").text(true),
                        f.get("lastName").text(true), f.get("email").text(true), f.get("phone").text(false), roles,
                        f.get("department").text(false), grids, password != null ? password : defaultPassword));
            } catch (IllegalArgumentException e) {
                throw f.error(e.getMessage(), e);
            }
        }
        return out;
    }

    private static void checkDepartmentKinds(List<Located<CategoryDefinition>> categories,
                                             List<DepartmentDefinition> departments, String departmentsFile) {
        Set<String> kinds = new TreeSet<>();
        departments.forEach(d -> kinds.add(d.kind()));
        for (Located<CategoryDefinition> c : categories) {
            String kind = c.value().departmentKind();
            if (kind != null && !kinds.contains(kind)) {
                throw c.field().get("departmentKind").error("category " + c.value().code() + " needs a department of kind "
                        + kind + ", but " + departmentsFile + " has only " + kinds);
            }
        }
    }
}
