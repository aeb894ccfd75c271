package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * The district lifecycle on a real PostgreSQL: create (from files or posted), suspend, resume, delete;
 * and a second node's catalog on the same database following every change (issue 19).
 */
public class TenantLifecycleTest {

    private static final Path SHIPPED = Path.of("../../tenants");
    private static EmbeddedPostgres postgres;

    private Database db;
    private Path root;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
    private TenantCatalog catalog;
    /** Other nodes' catalogs and their own {@code tenants/}, stopped and removed after each test. */
    private final List<TenantCatalog> nodes = new ArrayList<>();
    private final List<Path> roots = new ArrayList<>();

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
        root = shippedTenants();
        catalog = reload();
    }

    /** A new {@code tenants/} directory with the common files and two shipped districts, as every node has. */
    private Path shippedTenants() throws IOException {
        Path dir = Files.createTempDirectory("tenants");
        copy(SHIPPED.resolve("common"), dir.resolve("common"));
        copy(SHIPPED.resolve("jizhou"), dir.resolve("jizhou"));
        copy(SHIPPED.resolve("donghu"), dir.resolve("donghu"));
        roots.add(dir);
        return dir;
    }

    /** Another node's catalog on the same database, with its own {@code tenants/}, listening for changes. */
    private TenantCatalog otherNode(Path itsRoot) {
        TenantCatalog node = new TenantCatalog(db, itsRoot, true, clock, null);
        node.listenTo(postgres.getPostgresDatabase());
        nodes.add(node);
        return node;
    }

    @After
    public void tearDown() throws IOException {
        nodes.forEach(TenantCatalog::stop);
        db.inTenant("-", s -> {
            s.createNativeMutationQuery("truncate tenant cascade").executeUpdate();
            return null;
        });
        db.close();
        for (Path dir : roots) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
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

    @Test
    public void anotherNodeFollowsEveryChangeWithinASecond() throws IOException {
        Path itsRoot = shippedTenants();
        TenantCatalog other = otherNode(itsRoot);
        Duration second = Duration.ofSeconds(1);

        catalog.create("qingyuan", posted("qingyuan", "360803"));
        await("the posted district on the other node").atMost(second).pollInterval(Duration.ofMillis(10))
                .until(() -> other.find("qingyuan").isPresent());
        assertThat(itsRoot.resolve("qingyuan/tenant.yaml")).as("written from the database").exists();
        assertThat(other.find("qingyuan").orElseThrow().people()).hasSize(13);
        assertThat(other.enabledModels("qingyuan")).containsExactly("three-colour-grid");

        catalog.suspend("qingyuan", "数据核查");
        await("the suspension").atMost(second).until(() -> other.status("qingyuan"),
                Optional.of(TenantStatus.SUSPENDED)::equals);
        assertThat(other.show("qingyuan").statusReason()).isEqualTo("数据核查");
        catalog.resume("qingyuan");
        await("the resumption").atMost(second).until(() -> other.status("qingyuan"),
                Optional.of(TenantStatus.ACTIVE)::equals);

        catalog.setModelEnabled("qingyuan", "old-man-studios", true);
        await("the enabled model").atMost(second).until(() -> other.enabledModels("qingyuan").contains("old-man-studios"));
        catalog.setModelEnabled("qingyuan", "three-colour-grid", false);
        await("the disabled model").atMost(second).until(() -> other.enabledModels("qingyuan"),
                java.util.Set.of("old-man-studios")::equals);

        catalog.delete("qingyuan", true);
        await("the deletion").atMost(second).until(() -> other.find("qingyuan").isEmpty());
        assertThat(other.tenants()).extracting(t -> t.id()).containsExactly("donghu", "jizhou");
    }

    @Test
    public void aDistrictCreatedAgainFromChangedFilesIsServedAsChangedOnTheOtherNode() throws IOException {
        Path itsRoot = shippedTenants();
        TenantCatalog other = otherNode(itsRoot);
        catalog.create("qingyuan", posted("qingyuan", "360803"));
        await("the posted district on the other node").atMost(Duration.ofSeconds(1))
                .until(() -> other.find("qingyuan").isPresent());
        catalog.delete("qingyuan", true);
        await("the deletion").atMost(Duration.ofSeconds(1)).until(() -> other.find("qingyuan").isEmpty());
        assertThat(itsRoot.resolve("qingyuan/tenant.yaml")).as("the old files stay on the other node").exists();

        Path tenantFile = root.resolve("qingyuan/tenant.yaml");
        Files.writeString(tenantFile, Files.readString(tenantFile).replace("青原区", "青原新区"));
        catalog.create("qingyuan");

        await("the district created again, as changed").atMost(Duration.ofSeconds(1))
                .until(() -> other.find("qingyuan").map(t -> t.name()), Optional.of("青原新区")::equals);
        assertThat(itsRoot.resolve("qingyuan/tenant.yaml")).content().contains("青原新区");
        assertThat(new TenantCatalog(db, itsRoot, false, clock, null).find("qingyuan").orElseThrow().name())
                .as("and after the other node restarts").isEqualTo("青原新区");
    }

    @Test
    public void aNodeStartedLaterServesADistrictPostedOnAnother() throws IOException {
        catalog.create("qingyuan", posted("qingyuan", "360803"));
        catalog.setModelEnabled("qingyuan", "old-man-studios", true);

        TenantCatalog later = new TenantCatalog(db, shippedTenants(), false, clock, null);

        assertThat(later.find("qingyuan")).isPresent();
        assertThat(later.enabledModels("qingyuan")).containsExactlyInAnyOrder("three-colour-grid", "old-man-studios");
        assertThat(later.show("qingyuan").definition().name()).isEqualTo("青原区");
    }

    @Test
    public void aListenerThatLostItsConnectionCatchesUpWhenItIsBack() throws IOException {
        TenantCatalog other = otherNode(shippedTenants());
        await("the other node listens").atMost(Duration.ofSeconds(5)).until(() -> listeners() == 1);

        db.inTenant("-", s -> s.createNativeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                + " where query = 'listen " + TenantRows.CHANNEL + "'", Object.class).getResultList());
        catalog.suspend("jizhou", "停电"); // announced while nobody listens

        await("the suspension, read again after reconnecting").atMost(Duration.ofSeconds(10))
                .until(() -> other.status("jizhou"), Optional.of(TenantStatus.SUSPENDED)::equals);
        assertThat(listeners()).isEqualTo(1);
    }

    /** Connections that listen to the catalog's channel (their last statement was the LISTEN). */
    private long listeners() {
        return db.inTenant("-", s -> s.createNativeQuery("select count(*) from pg_stat_activity where query = 'listen "
                + TenantRows.CHANNEL + "'", Long.class).getSingleResult());
    }
}
