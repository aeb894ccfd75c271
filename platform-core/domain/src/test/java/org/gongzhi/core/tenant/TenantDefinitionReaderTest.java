package org.gongzhi.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TenantDefinitionReaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final TenantDefinitionReader reader = new TenantDefinitionReader();
    private Path root;

    /** A writable copy of src/test/resources/tenants. */
    @Before
    public void copyFixture() throws Exception {
        Path source = Paths.get(getClass().getResource("/tenants").toURI());
        root = tmp.getRoot().toPath().resolve("tenants");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = root.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Path sample() {
        return root.resolve("sample");
    }

    private void replace(String relative, String from, String to) throws IOException {
        Path f = root.resolve(relative);
        String s = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
    }

    private TenantDefinitionException failure() {
        TenantDefinitionException e = catchThrowableOfType(TenantDefinitionException.class, () -> reader.read(sample()));
        assertThat(e).as("expected a TenantDefinitionException").isNotNull();
        return e;
    }

    @Test
    public void readsTheFixture() {
        TenantDefinition t = reader.read(sample());
        assertThat(t.id()).isEqualTo("sample");
        assertThat(t.name()).isEqualTo("样例区");
        assertThat(t.nameEn()).isEqualTo("Sample District");
        assertThat(t.city()).isEqualTo("南昌市");
        assertThat(t.cityEn()).isEqualTo("Nanchang");
        assertThat(t.adminCode()).isEqualTo("360102");
        assertThat(t.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(t.plugins()).containsExactly("old-man-studios", "three-colour-grid");
        // sla: given keys override, the missing one keeps its default
        assertThat(t.sla().simple()).isEqualTo(Duration.ofHours(3));
        assertThat(t.sla().coordinationWorkingDays()).isEqualTo(7);
        assertThat(t.sla().difficultWorkingDays()).isEqualTo(15);
        assertThat(t.sla().warningRatio()).isEqualTo(0.75);
        assertThat(t.calendar().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(t.calendar().holidays()).hasSize(11).contains(LocalDate.of(2026, 2, 16));
        assertThat(t.calendar().isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(t.departments()).extracting(DepartmentDefinition::code).containsExactly("GA", "CG", "HW", "SF", "MZ");
        assertThat(t.department("HW")).map(DepartmentDefinition::nameEn).isEmpty();
        assertThat(t.departmentsOfKind("JUSTICE")).extracting(DepartmentDefinition::code).containsExactly("SF");
    }

    @Test
    public void flattensCategories() {
        TenantDefinition t = reader.read(sample());
        assertThat(t.categories()).extracting(CategoryDefinition::code)
                .containsExactly("CM01", "CM0101", "CM0102", "LS01", "LS0101", "CG01", "CG0101", "CG02");
        assertThat(t.leafCategories()).extracting(CategoryDefinition::code)
                .containsExactly("CM0101", "CM0102", "LS0101", "CG0101", "CG02");
        CategoryDefinition rubbish = t.category("CM0101").orElseThrow();
        assertThat(rubbish).isEqualTo(new CategoryDefinition("CM0101", CategoryFamily.CITY_MANAGEMENT, "暴露垃圾",
                "Exposed rubbish", "CM01", SlaTier.SIMPLE, "SANITATION", true));
        CategoryDefinition major = t.category("CM01").orElseThrow();
        assertThat(major.leaf()).isFalse();
        assertThat(major.parentCode()).isNull();
        assertThat(major.tier()).isNull();
        assertThat(t.category("CG02").orElseThrow().tier()).isEqualTo(SlaTier.COORDINATION);
        assertThat(t.category("LS0101").orElseThrow().family()).isEqualTo(CategoryFamily.LIVELIHOOD);
    }

    @Test
    public void readsGrids() {
        TenantDefinition t = reader.read(sample());
        assertThat(t.grids().size()).isEqualTo(8);
        assertThat(t.grids().root().level()).isEqualTo(GridLevel.DISTRICT);
        assertThat(t.grids().pathTo("360102001001001001")).extracting(GridNode::code)
                .containsExactly("360102", "360102001", "360102001001", "360102001001001", "360102001001001001");
        assertThat(t.grids().find("360102001001").orElseThrow().parentCode()).isEqualTo("360102001");
        assertThat(t.grids().locate(new GeoPoint(115.892, 28.672)).map(GridNode::code)).contains("360102001001001");
        assertThat(t.grids().locate(new GeoPoint(115.897, 28.672)).map(GridNode::code)).contains("360102001001002");
        assertThat(t.grids().locate(new GeoPoint(115.925, 28.705)).map(GridNode::code)).contains("360102002001");
        assertThat(t.grids().locate(new GeoPoint(115.95, 28.75)).map(GridNode::code)).contains("360102");
        assertThat(t.grids().locate(new GeoPoint(114.0, 28.75))).isEmpty();
    }

    @Test
    public void slaClockUsesTheTenantCalendar() {
        TenantDefinition t = reader.read(sample());
        Instant start = Instant.parse("2026-02-13T02:00:00Z"); // Friday 10:00 in Shanghai
        // 7 working days: 02-14 (make-up), 02-24..02-27, 02-28 (make-up), 03-02
        assertThat(t.slaClock().dueAt(SlaTier.COORDINATION, start)).isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(t.slaClock().dueAt(SlaTier.SIMPLE, start)).isEqualTo(Instant.parse("2026-02-13T05:00:00Z"));
    }

    @Test
    public void readAllSkipsCommonAndDirectoriesWithoutTenantFile() throws IOException {
        Path other = root.resolve("second");
        Files.createDirectories(other);
        for (String f : new String[] {"tenant.yaml", "departments.yaml", "grids.yaml"}) {
            Files.copy(sample().resolve(f), other.resolve(f));
        }
        replace("second/tenant.yaml", "id: sample", "id: second");
        assertThat(reader.readAll(root)).extracting(TenantDefinition::id).containsExactly("sample", "second");
    }

    @Test
    public void missingTenantFile() throws IOException {
        Files.delete(sample().resolve("tenant.yaml"));
        TenantDefinitionException e = failure();
        assertThat(e.file().getFileName().toString()).isEqualTo("tenant.yaml");
        assertThat(e).hasMessageContaining("tenant.yaml").hasMessageContaining("missing file");
    }

    @Test
    public void missingReferencedFile() throws IOException {
        Files.delete(sample().resolve("grids.yaml"));
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("grids");
        assertThat(e).hasMessageContaining("tenant.yaml").hasMessageContaining("grids.yaml")
                .hasMessageContaining("missing file");
    }

    @Test
    public void badAdminCode() throws IOException {
        replace("sample/tenant.yaml", "adminCode: \"360102\"", "adminCode: \"36010\"");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("adminCode");
        assertThat(e).hasMessageContaining("tenant.yaml").hasMessageContaining("'adminCode'")
                .hasMessageContaining("6 digits").hasMessageContaining("36010");
    }

    @Test
    public void idMustMatchDirectory() throws IOException {
        replace("sample/tenant.yaml", "id: sample", "id: other");
        assertThat(failure().field()).isEqualTo("id");
    }

    @Test
    public void unknownDepartmentKind() throws IOException {
        replace("common/categories.yaml", "departmentKind: JUSTICE", "departmentKind: HEALTH");
        TenantDefinitionException e = failure();
        assertThat(e.file().getFileName().toString()).isEqualTo("categories.yaml");
        assertThat(e.field()).isEqualTo("families[2].majors[0].minors[0].departmentKind");
        assertThat(e).hasMessageContaining("categories.yaml").hasMessageContaining("HEALTH")
                .hasMessageContaining("CG0101");
    }

    @Test
    public void badCategoryCode() throws IOException {
        replace("common/categories.yaml", "code: CM0102", "code: CM012");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("families[0].majors[0].minors[1].code");
        assertThat(e).hasMessageContaining("categories.yaml").hasMessageContaining("CM012");
    }

    @Test
    public void categoryInTheWrongFamily() throws IOException {
        replace("common/categories.yaml", "code: LS01\n", "code: CM02\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("families[1].majors[0].code");
        assertThat(e).hasMessageContaining("LIVELIHOOD");
    }

    @Test
    public void leafWithoutTier() throws IOException {
        replace("common/categories.yaml", "            tier: SIMPLE\n            departmentKind: CIVIL_AFFAIRS",
                "            departmentKind: CIVIL_AFFAIRS");
        assertThat(failure().field()).isEqualTo("families[1].majors[0].minors[0].tier");
    }

    @Test
    public void badDepartmentKind() throws IOException {
        replace("sample/departments.yaml", "kind: SANITATION", "kind: sanitation");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("departments[2]");
        assertThat(e).hasMessageContaining("departments.yaml").hasMessageContaining("[A-Z_]+");
    }

    @Test
    public void aDepartmentConnectorIsRead() throws IOException {
        replace("sample/departments.yaml", "kind: PUBLIC_SECURITY", "kind: PUBLIC_SECURITY\n"
                + "    connector: {type: file, directory: '/var/exchange/{tenant}/{department}', format: xml}");
        DepartmentDefinition ga = reader.read(sample()).departments().get(0);
        assertThat(ga.connector().type()).isEqualTo("file");
        assertThat(ga.connector().options()).containsEntry("format", "xml")
                .containsEntry("directory", "/var/exchange/{tenant}/{department}");
    }

    @Test
    public void badConnectorsNameTheirField() throws IOException {
        String[][] cases = {
            {"connector: {type: http}", "url is required"},
            {"connector: {type: http, url: 'ftp://127.0.0.1/x'}", "http(s) URL"},
            {"connector: {type: file, directory: /x, format: csv}", "json or xml"},
            {"connector: {type: open311, url: 'http://127.0.0.1', jurisdictionId: x, serviceCode: y, pollSeconds: 0}",
                "positive whole number"},
            {"connector: {url: 'http://127.0.0.1'}", "type"},
            {"connector: [http]", "must be an object"},
            {"connector: {type: http, url: 'http://127.0.0.1', headers: {a: b}}", "text, number or boolean"},
        };
        Path departments = sample().resolve("departments.yaml");
        String original = Files.readString(departments, StandardCharsets.UTF_8);
        for (String[] c : cases) {
            Files.writeString(departments, original, StandardCharsets.UTF_8);
            replace("sample/departments.yaml", "kind: PUBLIC_SECURITY", "kind: PUBLIC_SECURITY\n    " + c[0]);
            TenantDefinitionException e = failure();
            assertThat(e.field()).as(c[0]).startsWith("departments[0]");
            assertThat(e).as(c[0]).hasMessageContaining("departments.yaml").hasMessageContaining(c[1]);
        }
    }

    @Test
    public void duplicateDepartmentCode() throws IOException {
        replace("sample/departments.yaml", "code: SF", "code: GA");
        assertThat(failure().field()).isEqualTo("departments[3].code");
    }

    @Test
    public void gridLevelSkipped() throws IOException {
        replace("sample/grids.yaml", "level: COMMUNITY\n          boundary: {type: Polygon, coordinates: [[[115.92",
                "level: GRID\n          boundary: {type: Polygon, coordinates: [[[115.92");
        TenantDefinitionException e = failure();
        assertThat(e.file().getFileName().toString()).isEqualTo("grids.yaml");
        assertThat(e.field()).isEqualTo("grid.children[1].children[0].level");
    }

    @Test
    public void badBoundary() throws IOException {
        replace("sample/grids.yaml", "[115.89, 28.69], [115.89, 28.67]]]}", "[115.89, 28.69]]]}");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("grid.children[0].boundary");
        assertThat(e).hasMessageContaining("not closed");
    }

    @Test
    public void rootGridMustBeADistrict() throws IOException {
        replace("sample/grids.yaml", "level: DISTRICT", "level: STREET");
        assertThat(failure().field()).isEqualTo("grid.level");
    }

    @Test
    public void invalidYaml() throws IOException {
        Files.writeString(sample().resolve("departments.yaml"), "departments: [\n  - code: GA\n", StandardCharsets.UTF_8);
        TenantDefinitionException e = failure();
        assertThat(e.file().getFileName().toString()).isEqualTo("departments.yaml");
        assertThat(e).hasMessageContaining("not valid YAML");
    }

    @Test
    public void badHoliday() throws IOException {
        replace("common/calendar-cn.yaml", "2026-01-02", "2026-13-02");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("holidays[1]");
        assertThat(e).hasMessageContaining("calendar-cn.yaml").hasMessageContaining("2026-13-02");
    }

    @Test
    public void badWarningRatio() throws IOException {
        replace("sample/tenant.yaml", "warningRatio: 0.75", "warningRatio: 1.5");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("sla");
        assertThat(e).hasMessageContaining("warningRatio");
    }

    // ---- emergency plan (应急预案, 战时) ----

    private void emergency(String yaml) throws IOException {
        Path f = sample().resolve("tenant.yaml");
        Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + yaml, StandardCharsets.UTF_8);
    }

    @Test
    public void withoutAnEmergencySectionTheDefaultPlanApplies() {
        EmergencyPlan plan = reader.read(sample()).emergency();
        assertThat(plan.limit(SlaTier.SIMPLE)).isEqualTo(Duration.ofMinutes(30));
        assertThat(plan.limit(SlaTier.COORDINATION)).isEqualTo(Duration.ofHours(24));
        assertThat(plan.limit(SlaTier.DIFFICULT)).isEqualTo(Duration.ofHours(72));
        assertThat(plan.commandPostCategories()).isEmpty();
        assertThat(plan.roster()).isEmpty();
    }

    @Test
    public void readsTheEmergencyPlanWithAnInlineRoster() throws IOException {
        emergency("""
                emergency:
                  limits:
                    simple: 20m
                    coordination: PT12H
                  commandPostCategories: [CG01, CM0101, livelihood]
                  roster:
                    - {post: 带班领导, name: 王志强, phone: "0791-8888001", from: "08:00", to: "08:00"}
                    - {post: 夜班调度, name: 李敏, phone: "13900009999", from: "20:00", to: "08:00"}
                """);
        EmergencyPlan plan = reader.read(sample()).emergency();
        assertThat(plan.limit(SlaTier.SIMPLE)).isEqualTo(Duration.ofMinutes(20));
        assertThat(plan.limit(SlaTier.COORDINATION)).isEqualTo(Duration.ofHours(12));
        assertThat(plan.limit(SlaTier.DIFFICULT)).as("default").isEqualTo(Duration.ofHours(72));
        assertThat(plan.commandPostCategories()).containsExactly("CG01", "CM0101", "livelihood");
        assertThat(plan.commandPost("CG0101")).as("minor of a listed major").isTrue();
        assertThat(plan.commandPost("CM0101")).isTrue();
        assertThat(plan.commandPost("CM0102")).isFalse();
        assertThat(plan.commandPost("LS0101")).as("a listed family").isTrue();
        assertThat(plan.roster()).extracting(EmergencyPlan.Duty::post).containsExactly("带班领导", "夜班调度");
        EmergencyPlan.Duty night = plan.roster().get(1);
        assertThat(night.from()).isEqualTo(java.time.LocalTime.of(20, 0));
        assertThat(night.covers(java.time.LocalTime.of(23, 30))).isTrue();
        assertThat(night.covers(java.time.LocalTime.of(7, 59))).isTrue();
        assertThat(night.covers(java.time.LocalTime.of(8, 0))).isFalse();
        assertThat(plan.roster().get(0).covers(java.time.LocalTime.NOON)).as("24-hour duty").isTrue();
    }

    @Test
    public void readsARosterFile() throws IOException {
        Files.writeString(sample().resolve("duty-roster.yaml"), """
                roster:
                  - post: 值班调度
                    name: 陈静
                    phone: "0791-8888002"
                    from: "08:30"
                    to: "17:30"
                """, StandardCharsets.UTF_8);
        emergency("emergency:\n  roster: duty-roster.yaml\n");
        EmergencyPlan plan = reader.read(sample()).emergency();
        assertThat(plan.roster()).hasSize(1);
        assertThat(plan.roster().get(0).name()).isEqualTo("陈静");
        assertThat(plan.limit(SlaTier.SIMPLE)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    public void aMissingRosterFileIsNamed() throws IOException {
        emergency("emergency:\n  roster: nowhere.yaml\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.roster");
        assertThat(e).hasMessageContaining("nowhere.yaml");
    }

    @Test
    public void aRosterFileOutsideTheTenantsDirectoryIsRefused() throws IOException {
        emergency("emergency:\n  roster: ../../../../etc/hosts\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.roster");
        assertThat(e).hasMessageContaining("under the tenants directory");
    }

    @Test
    public void aWartimeLimitLooserThanTheNormalOneIsRefused() throws IOException {
        emergency("emergency:\n  limits:\n    simple: 4h\n"); // the sample's normal simple limit is 3 hours
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.limits.simple");
        assertThat(e).hasMessageContaining("4h").hasMessageContaining("3h");
    }

    @Test
    public void aMalformedLimitIsNamed() throws IOException {
        emergency("emergency:\n  limits:\n    coordination: soon\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.limits.coordination");
        assertThat(e).hasMessageContaining("soon").hasMessageContaining("30m");
    }

    @Test
    public void aZeroLimitIsRefused() throws IOException {
        emergency("emergency:\n  limits:\n    simple: 0m\n");
        assertThat(failure().field()).isEqualTo("emergency.limits.simple");
    }

    @Test
    public void anUnknownCommandPostCategoryIsNamed() throws IOException {
        emergency("emergency:\n  commandPostCategories: [CG01, CG9901]\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.commandPostCategories[1]");
        assertThat(e).hasMessageContaining("CG9901");
    }

    @Test
    public void aCommandPostEntryThatIsNeitherCodeNorFamilyIsRefused() throws IOException {
        emergency("emergency:\n  commandPostCategories: [floods]\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.commandPostCategories");
        assertThat(e).hasMessageContaining("floods");
    }

    @Test
    public void aDutyNeedsItsFields() throws IOException {
        emergency("emergency:\n  roster:\n    - {post: 值班调度, name: 陈静, phone: \"0791\", from: \"25:00\", to: \"08:00\"}\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.roster[0].from");
        assertThat(e).hasMessageContaining("25:00");
    }

    @Test
    public void aDutyPhoneMustLookLikeOne() throws IOException {
        emergency("emergency:\n  roster:\n    - {post: 值班调度, name: 陈静, phone: call-me, from: \"08:00\", to: \"20:00\"}\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("emergency.roster[0]");
        assertThat(e).hasMessageContaining("phone");
    }

    @Test
    public void theShippedDistrictsHaveTheirPlans() {
        for (TenantDefinition t : reader.readAll(Paths.get("../../tenants"))) {
            EmergencyPlan plan = t.emergency();
            assertThat(plan.roster()).as(t.id() + " roster").isNotEmpty();
            assertThat(plan.commandPostCategories()).as(t.id() + " command-post categories").isNotEmpty();
            for (SlaTier tier : SlaTier.values()) {
                assertThat(plan.limit(tier)).as(t.id() + " " + tier).isLessThanOrEqualTo(EmergencyPlan.normalCeiling(t.sla(), tier));
            }
        }
    }

    @Test
    public void cityAccountsAreAdministratorsOrTheWallScreen() throws IOException {
        Path common = root.resolve(TenantDefinitionReader.COMMON_DIR);
        Files.createDirectories(common);
        Path file = common.resolve(TenantDefinitionReader.CITY_PEOPLE_FILE);
        String admin = "  - {username: city-admin, firstName: 立新, lastName: 孙, email: a@city.example.cn, roles: [city-admin]}\n";
        String screen = "  - {username: screen, firstName: 全市, lastName: 指挥大屏, email: s@city.example.cn, roles: [screen-viewer]}\n";
        Files.writeString(file, "people:\n" + admin + screen, StandardCharsets.UTF_8);
        assertThat(reader.readCityPeople(root)).extracting(PersonDefinition::username, PersonDefinition::roles)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("city-admin", java.util.List.of(Role.CITY_ADMIN)),
                        org.assertj.core.groups.Tuple.tuple("screen", java.util.List.of(Role.SCREEN_VIEWER)));

        Files.writeString(file, "people:\n" + screen.replace("[screen-viewer]", "[screen-viewer, city-admin]"), StandardCharsets.UTF_8);
        TenantDefinitionException both = catchThrowableOfType(TenantDefinitionException.class, () -> reader.readCityPeople(root));
        assertThat(both).hasMessageContaining("city-admin, city-dispatcher or screen-viewer");
        Files.writeString(file, "people:\n" + admin.replace("[city-admin]", "[dispatcher]"), StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(TenantDefinitionException.class, () -> reader.readCityPeople(root))).isNotNull();
    }

    // ---- supervision rules (督办规则) ----

    @Test
    public void withoutASupervisionSectionTheDefaultsApply() {
        SupervisionPolicy p = reader.read(sample()).supervision();
        assertThat(p).isEqualTo(SupervisionPolicy.defaults());
        assertThat(p.escalateAfterReworks()).isEqualTo(3);
        assertThat(p.escalateAfterOverdue()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    public void aSupervisionSectionSetsTheRulesAndLeavesTheRestAtTheirDefaults() throws IOException {
        emergency("supervision:\n  escalateAfterOverdue: 36h\n  escalateAfterReworks: 2\n");
        SupervisionPolicy p = reader.read(sample()).supervision();
        assertThat(p.escalateAfterOverdue()).isEqualTo(Duration.ofHours(36));
        assertThat(p.escalateAfterReworks()).isEqualTo(2);
        assertThat(p.answerWithin()).isEqualTo(SupervisionPolicy.DEFAULT_ANSWER_WITHIN);
    }

    @Test
    public void aSupervisionMarginOutsideOneHourToThirtyDaysNamesTheField() throws IOException {
        emergency("supervision:\n  escalateAfterOverdue: 30m\n");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("supervision.escalateAfterOverdue");
        assertThat(e).hasMessageContaining("30m");
    }

    @Test
    public void aSupervisionDurationThatIsNoDurationNamesTheField() throws IOException {
        emergency("supervision:\n  answerWithin: soon\n");
        assertThat(failure().field()).isEqualTo("supervision.answerWithin");
    }

    @Test
    public void reworksMustBeAWholeNumberFromOneToTen() throws IOException {
        Path f = sample().resolve("tenant.yaml");
        String original = Files.readString(f, StandardCharsets.UTF_8);
        for (String bad : new String[] {"2.5", "0", "11", "three"}) {
            Files.writeString(f, original + "supervision:\n  escalateAfterReworks: " + bad + "\n", StandardCharsets.UTF_8);
            assertThat(failure().field()).as(bad).isEqualTo("supervision.escalateAfterReworks");
        }
    }

    @Test
    public void aSupervisionSectionThatIsNoMappingNamesTheSection() throws IOException {
        emergency("supervision: strict\n");
        assertThat(failure().field()).isEqualTo("supervision");
    }

    @Test
    public void theShippedDistrictsReadTheirSupervisionRules() {
        for (TenantDefinition t : reader.readAll(Paths.get("../../tenants"))) {
            assertThat(t.supervision()).as(t.id()).isNotNull();
            assertThat(t.supervision().escalateAfterReworks()).as(t.id()).isBetween(1, SupervisionPolicy.MAX_REWORKS);
        }
    }
}
