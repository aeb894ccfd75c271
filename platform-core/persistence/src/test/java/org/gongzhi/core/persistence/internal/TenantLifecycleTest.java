package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.tenants.TenantInfo;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The district lifecycle on a real PostgreSQL: create (from files or posted), suspend, resume, delete. */
public class TenantLifecycleTest {

    private static final Path SHIPPED = Path.of("../../tenants");
    private static EmbeddedPostgres postgres;

    private Database db;
    private Path root;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
    private TenantCatalog catalog;

    @BeforeClass
    public static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterClass
    public static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Before
    public void setUp() throws IOException {
        db = new Database(postgres.getPostgresDatabase(), 2);
        root = Files.createTempDirectory("tenants");
        copy(SHIPPED.resolve("common"), root.resolve("common"));
        copy(SHIPPED.resolve("jizhou"), root.resolve("jizhou"));
        copy(SHIPPED.resolve("donghu"), root.resolve("donghu"));
        catalog = reload();
    }

    @After
    public void tearDown() throws IOException {
        db.inTenant("-", s -> {
            s.createNativeMutationQuery("truncate tenant cascade").executeUpdate();
            return null;
        });
        db.close();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private TenantCatalog reload() {
        return new TenantCatalog(db, root, true, clock, null);
    }

    private TenantCatalog reloadWithoutAutoCreate() {
        return new TenantCatalog(db, root, false, clock, null);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Map<String, String> posted(String id, String adminCode) throws IOException {
        String tenant = "{\"id\": \"" + id + "\", \"name\": \"青原区\", \"city\": \"吉安市\", \"adminCode\": \"" + adminCode
                + "\", \"plugins\": [\"three-colour-grid\"], \"calendar\": \"../common/calendar-cn.yaml\","
                + " \"categories\": \"../common/categories.yaml\", \"departments\": \"departments.yaml\","
                + " \"grids\": \"grids.yaml\", \"people\": \"people.yaml\"}";
        return Map.of("tenant.yaml", tenant,
                "departments.yaml", Files.readString(SHIPPED.resolve("jizhou/departments.yaml")),
                "grids.yaml", Files.readString(SHIPPED.resolve("jizhou/grids.yaml")),
                "people.yaml", Files.readString(SHIPPED.resolve("jizhou/people.yaml")));
    }

    private void reportCase(TenantCatalog tenants, String id) {
        PluginHooks hooks = new PluginHooks(new PluginWhiteboard());
        try {
            new HibernateCaseService(db, tenants, hooks, new DispatchSignals(), clock).report(id, HibernateCaseServiceTest.newCase(null), "gw");
        } finally {
            try {
                hooks.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    public void definitionsBecomeActiveDistrictsAtFirstStart() {
        assertThat(catalog.list()).extracting(i -> i.definition().id()).containsExactly("donghu", "jizhou");
        TenantInfo jizhou = catalog.show("jizhou");
        assertThat(jizhou.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(jizhou.cases()).isZero();
        assertThat(jizhou.identity().state()).isEqualTo("NOT_CONFIGURED");
        assertThat(jizhou.definition().people()).hasSize(13);
    }

    @Test
    public void withoutAutoCreateADefinitionWaitsToBeCreated() throws IOException {
        copy(SHIPPED.resolve("jiangbei"), root.resolve("jiangbei"));
        TenantCatalog again = reloadWithoutAutoCreate();
        assertThat(again.find("jiangbei")).isEmpty();
        assertThat(again.availableDefinitions()).containsExactly("jiangbei");

        TenantInfo created = again.create("jiangbei");

        assertThat(created.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(again.enabledModels("jiangbei")).containsExactly("three-linked-community");
        assertThat(reloadWithoutAutoCreate().find("jiangbei")).isPresent();
        assertThatThrownBy(() -> again.create("jiangbei")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> again.create("nowhere")).isInstanceOf(NotFoundException.class);
    }

    @Test
    public void aPostedDefinitionIsKeptAsFilesAndServed() throws IOException {
        TenantInfo created = catalog.create("qingyuan", posted("qingyuan", "360803"));

        assertThat(created.definition().name()).isEqualTo("青原区");
        assertThat(created.definition().people()).hasSize(13);
        assertThat(root.resolve("qingyuan/tenant.yaml")).exists();
        assertThat(catalog.enabledModels("qingyuan")).containsExactly("three-colour-grid");
        assertThat(reload().find("qingyuan")).isPresent();
        assertThatThrownBy(() -> catalog.create("qingyuan", posted("qingyuan", "360803")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    public void aBadPostedDefinitionNamesTheFileAndLeavesNothingBehind() throws IOException {
        Map<String, String> files = new java.util.HashMap<>(posted("qingyuan", "36080"));

        assertThatThrownBy(() -> catalog.create("qingyuan", files))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).startsWith("tenant.yaml"));
        assertThat(root.resolve("qingyuan")).doesNotExist();
        assertThat(catalog.find("qingyuan")).isEmpty();

        files.put("../evil.yaml", "x: 1");
        assertThatThrownBy(() -> catalog.create("qingyuan", files))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("../evil.yaml"));
        assertThatThrownBy(() -> catalog.create("city", posted("city", "360803")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThat(root.resolve("city")).doesNotExist();
    }

    @Test
    public void suspensionKeepsDataAndSurvivesARestart() {
        reportCase(catalog, "jizhou");

        TenantInfo suspended = catalog.suspend("jizhou", "数据核查");

        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(suspended.statusReason()).isEqualTo("数据核查");
        assertThat(suspended.cases()).isEqualTo(1);
        assertThat(catalog.status("jizhou")).contains(TenantStatus.SUSPENDED);
        assertThat(catalog.find("jizhou")).isPresent();
        TenantCatalog restarted = reload();
        assertThat(restarted.status("jizhou")).contains(TenantStatus.SUSPENDED);

        assertThat(restarted.resume("jizhou").status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(reload().status("jizhou")).contains(TenantStatus.ACTIVE);
        assertThat(restarted.resume("jizhou").status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    public void deleteIsRefusedWhileCasesExistAndForcedDeleteRemovesEveryRow() {
        reportCase(catalog, "jizhou");
        reportCase(catalog, "donghu");
        catalog.setModelEnabled("jizhou", "old-man-studios", true);
        new HibernateDistrictModes(db, catalog, java.time.Clock.systemUTC())
                .switchTo("jizhou", org.gongzhi.core.service.screen.OperatingMode.WARTIME, "防汛演练", "jz-admin");

        assertThatThrownBy(() -> catalog.delete("jizhou", false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("1");
        assertThat(catalog.show("jizhou").cases()).isEqualTo(1);

        catalog.delete("jizhou", true);

        assertThat(catalog.find("jizhou")).isEmpty();
        assertThat(catalog.status("jizhou")).isEmpty();
        assertThat(rowsOf("jizhou")).isZero();
        assertThat(rowsOf("donghu")).isPositive();
        assertThat(reload().find("jizhou")).as("a deleted district is not re-created at start").isEmpty();
        assertThat(catalog.availableDefinitions()).containsExactly("jizhou");
        assertThatThrownBy(() -> catalog.delete("jizhou", true)).isInstanceOf(NotFoundException.class);

        TenantInfo back = catalog.create("jizhou");
        assertThat(back.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(back.cases()).isZero();
        assertThat(catalog.enabledModels("jizhou")).containsExactly("three-colour-grid");
    }

    /** Rows of the district in every table that has a tenant_id column (the tenant row itself excluded). */
    private long rowsOf(String tenant) {
        return db.inTenant("-", s -> {
            List<String> tables = s.createNativeQuery("select table_name from information_schema.columns where "
                    + "column_name = 'tenant_id' and table_schema = current_schema()", String.class).getResultList();
            assertThat(tables).hasSizeGreaterThanOrEqualTo(5);
            long total = 0;
            for (String table : tables) {
                total += s.createNativeQuery("select count(*) from " + table + " where tenant_id = :t", Long.class)
                        .setParameter("t", tenant).getSingleResult();
            }
            return total;
        });
    }
}
