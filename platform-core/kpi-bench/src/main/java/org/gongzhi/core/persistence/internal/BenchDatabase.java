package org.gongzhi.core.persistence.internal;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.reports.ReportArchive;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The benchmarks' database: zonky's embedded PostgreSQL with fsync, synchronous_commit and
 * full_page_writes back on, the persistence bundle's Flyway schema, the shipped districts, and
 * {@code bench.cases} synthetic cases of {@code bench.tenant} ({@link BenchCases}) loaded with
 * {@code COPY}; then the real services over it, built as the persistence tests build them.
 *
 * <p>Public so that drivers in other packages (the report benchmark) get the package-private
 * services as their public interfaces. System properties: {@code bench.cases} (1000000),
 * {@code bench.tenant} (jizhou), {@code bench.tenants} (the tenants directory),
 * {@code bench.dataDir} (keep the database there and reuse it when it already holds the cases),
 * {@code bench.layout} ({@code chronological} or {@code shuffled}).
 */
public final class BenchDatabase implements AutoCloseable {

    /** The benchmarks' log; one name, switched to info in the pom. */
    public static final Logger LOG = LoggerFactory.getLogger("bench");

    /** The month the report is for, and "now": the report is made a few days after the month ends. */
    public static final YearMonth MONTH = YearMonth.of(2026, 10);
    public static final Instant NOW = Instant.parse("2026-11-05T01:00:00Z");
    private static final int COPY_CHUNK = 50_000;

    private final EmbeddedPostgres pg;
    final DataSource ds;
    final Database db;
    final TenantCatalog catalog;
    final TenantDefinition tenant;
    final HibernateKpiService kpis;
    final HibernateCaseService cases;

    private BenchDatabase(EmbeddedPostgres pg, DataSource ds, Database db, TenantCatalog catalog, TenantDefinition tenant) {
        this.pg = pg;
        this.ds = ds;
        this.db = db;
        this.catalog = catalog;
        this.tenant = tenant;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        this.kpis = new HibernateKpiService(db, catalog, clock);
        // as PersistenceFixture builds it: no plugin registered on the whiteboard
        this.cases = new HibernateCaseService(db, catalog, new PluginHooks(new PluginWhiteboard()), new DispatchSignals(), clock);
    }

    /** Starts PostgreSQL, migrates, loads the cases unless the data directory already holds them. */
    public static BenchDatabase open() throws Exception {
        long cases = Long.getLong("bench.cases", 1_000_000);
        String tenantId = System.getProperty("bench.tenant", "jizhou");
        Path tenantsDir = Path.of(System.getProperty("bench.tenants", "../../tenants"));
        String dataDir = System.getProperty("bench.dataDir", "");
        boolean shuffled = "shuffled".equals(System.getProperty("bench.layout", "chronological"));

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit=off: a benchmark wants neither
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (!dataDir.isBlank()) {
            builder.setDataDirectory(new File(dataDir)).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        Database db = null;
        try {
            DataSource ds = pg.getPostgresDatabase();
            out("PostgreSQL %s, fsync=%s, synchronous_commit=%s, full_page_writes=%s, shared_buffers=%s, work_mem=%s; "
                            + "JVM %s, max heap %d MiB, %d CPUs",
                    show(ds, "server_version"), show(ds, "fsync"), show(ds, "synchronous_commit"),
                    show(ds, "full_page_writes"), show(ds, "shared_buffers"), show(ds, "work_mem"),
                    System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            long t = System.nanoTime();
            db = new Database(ds, 4);
            out("Flyway + Hibernate ready in %d ms (schema %s)", ms(t),
                    show(ds, "(select max(version) from flyway_core_history where success)"));
            TenantCatalog catalog = new TenantCatalog(db, tenantsDir);
            TenantDefinition tenant = catalog.require(tenantId);
            load(ds, db, tenant, cases, shuffled);
            return new BenchDatabase(pg, ds, db, catalog, tenant);
        } catch (Exception | Error e) {
            if (db != null) {
                db.close();
            }
            pg.close();
            throw e;
        }
    }

    /** The benchmark district. */
    public TenantDefinition tenant() {
        return tenant;
    }

    /** The real {@link TenantCatalog}. */
    public TenantDirectory tenants() {
        return catalog;
    }

    /** The real {@link HibernateKpiService}, clock fixed at {@link #NOW}. */
    public KpiService kpis() {
        return kpis;
    }

    /** The real {@link HibernateCaseService}, clock fixed at {@link #NOW}, no plugin hooks. */
    public CaseService cases() {
        return cases;
    }

    /** The real {@link HibernateDistrictModes} (never switched in the benchmark: every district normal). */
    public org.gongzhi.core.service.screen.DistrictModes modes() {
        return new HibernateDistrictModes(db, catalog, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The real {@link HibernateReportArchive} (reports stored in the benchmark database). */
    public ReportArchive reportArchive() {
        return new HibernateReportArchive(db);
    }

    /** {@code show <setting>} or {@code select <expression>}. */
    public String show(String what) throws SQLException {
        return show(ds, what);
    }

    @Override
    public void close() throws Exception {
        try {
            db.close();
        } finally {
            pg.close();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Loading

    private static void load(DataSource ds, Database db, TenantDefinition tenant, long cases, boolean shuffled)
            throws SQLException {
        long present = count(db, tenant.id());
        if (present >= cases) {
            out("Reusing %,d cases of %s already in the database", present, tenant.id());
            return;
        }
        if (present > 0) {
            throw new IllegalStateException("the data directory holds " + present + " cases, fewer than " + cases + ": remove it");
        }
        Instant start = BenchCases.dayStart(tenant, MONTH.minusMonths(11).atDay(1));
        Instant end = BenchCases.dayStart(tenant, MONTH.plusMonths(1).atDay(1));
        BenchCases gen = new BenchCases(tenant, start, end, NOW, cases, 20261105L);
        resetPeakHeap();
        long t = System.nanoTime();
        // The loader writes rows of the one benchmark district, tenant_id spelt out in every row; it
        // never reads tenant data, so no tenant-bound session is involved.
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            PGConnection pgc = c.unwrap(PGConnection.class);
            long written = 0;
            while (gen.hasNext()) {
                CopyIn copy = pgc.getCopyAPI().copyIn("COPY case_record (" + BenchCases.COLUMNS + ") FROM STDIN (FORMAT csv)");
                StringBuilder buffer = new StringBuilder(1 << 20);
                for (int i = 0; i < COPY_CHUNK && gen.hasNext(); i++) {
                    buffer.append(gen.next());
                    if (buffer.length() > (1 << 20) - 2000) {
                        write(copy, buffer);
                    }
                    written++;
                }
                write(copy, buffer);
                copy.endCopy();
                c.commit();
                if (written % 200_000 == 0 || !gen.hasNext()) {
                    out("  loaded %,d cases (%d s)", written, ms(t) / 1000);
                }
            }
        }
        long loadMs = ms(t);
        long loadHeap = peakHeap();
        if (shuffled) {
            t = System.nanoTime();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                // the primary key is a random UUID: the table in key order has no order in time
                s.execute("cluster case_record using case_record_pkey");
            }
            out("Table rewritten in random (UUID) order in %.1f s", ms(t) / 1000.0);
        }
        t = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("vacuum analyze case_record");
        }
        out("Loaded %,d cases in %.1f s (%,.0f rows/s, COPY in %d-row transactions, indexes of the schema in place); "
                        + "vacuum analyze %.1f s; peak heap while loading %d MiB; case_record with indexes %s",
                cases, loadMs / 1000.0, cases * 1000.0 / loadMs, COPY_CHUNK, ms(t) / 1000.0, loadHeap >> 20,
                show(ds, "pg_size_pretty(pg_total_relation_size('case_record'))"));
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** The district's cases, counted in HQL in a session bound to it. */
    private static long count(Database db, String tenantId) {
        return db.inTenant(tenantId, s -> s.createSelectionQuery("select count(*) from CaseEntity", Long.class)
                .getSingleResult());
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers, shared by the drivers

    static String show(DataSource ds, String what) throws SQLException {
        String sql = what.matches("[a-z_]+") ? "show " + what : "select " + what;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Resets the peaks of the heap pools. */
    public static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Sum of the heap pools' peaks since the last reset: an upper bound of the heap occupied
     * (garbage included) at any moment since then.
     */
    public static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** One line of the benchmark's log, formatted. */
    public static void out(String format, Object... args) {
        LOG.info(String.format(format, args));
    }
}
