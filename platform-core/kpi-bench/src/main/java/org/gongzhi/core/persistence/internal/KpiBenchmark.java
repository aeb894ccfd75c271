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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.service.KpiDimension;
import org.gongzhi.core.tenant.TenantDefinition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The KPI benchmark: one district with {@code bench.cases} cases over twelve months in a real
 * PostgreSQL (zonky's binaries, with fsync and synchronous_commit back on), schema by the
 * persistence bundle's own Flyway scripts, queries by the real {@link HibernateKpiService}. Times
 * one month's figures, each breakdown, and the set a monthly report needs, cold and warm.
 *
 * <p>Lives in the persistence package because the service and {@link Database} are
 * package-private. System properties: {@code bench.cases} (1000000), {@code bench.runs} (7 warm
 * runs), {@code bench.tenant} (jizhou), {@code bench.tenants} (the tenants directory),
 * {@code bench.dataDir} (keep the database there and reuse it when it already holds the cases),
 * {@code bench.layout} ({@code chronological}: rows in reporting order, as inserts leave them;
 * {@code shuffled}: the table rewritten in random order, the worst case for a month's rows).
 */
public final class KpiBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(KpiBenchmark.class);

    /** The month the report is for, and "now": the report is made a few days after the month ends. */
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final Instant NOW = Instant.parse("2026-11-05T01:00:00Z");
    private static final int COPY_CHUNK = 50_000;

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long cases = Long.getLong("bench.cases", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 7);
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
        try (EmbeddedPostgres pg = builder.start()) {
            DataSource ds = pg.getPostgresDatabase();
            out("PostgreSQL %s, fsync=%s, synchronous_commit=%s, shared_buffers=%s, work_mem=%s; JVM max heap %d MiB",
                    show(ds, "server_version"), show(ds, "fsync"), show(ds, "synchronous_commit"),
                    show(ds, "shared_buffers"), show(ds, "work_mem"), Runtime.getRuntime().maxMemory() >> 20);
            long t = System.nanoTime();
            try (Database db = new Database(ds, 4)) {
                out("Flyway + Hibernate ready in %d ms (schema %s)", ms(t), show(ds, "(select max(version) from flyway_core_history where success)"));
                TenantCatalog catalog = new TenantCatalog(db, tenantsDir);
                TenantDefinition tenant = catalog.require(tenantId);
                load(ds, db, tenant, cases, shuffled);
                HibernateKpiService kpis = new HibernateKpiService(db, catalog, Clock.fixed(NOW, ZoneOffset.UTC));
                time(kpis, tenant, runs);
            }
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
    // Timing

    private static void time(HibernateKpiService kpis, TenantDefinition tenant, int runs) throws Exception {
        String id = tenant.id();
        Instant from = BenchCases.dayStart(tenant, MONTH.atDay(1));
        Instant to = BenchCases.dayStart(tenant, MONTH.plusMonths(1).atDay(1));
        Instant yearFrom = BenchCases.dayStart(tenant, MONTH.minusMonths(11).atDay(1));
        Map<String, Callable<Object>> queries = new LinkedHashMap<>();
        queries.put("figures (month)", () -> kpis.figures(id, from, to));
        queries.put("breakdown grid/street", () -> kpis.breakdown(id, from, to, KpiDimension.GRID, GridLevel.STREET));
        queries.put("breakdown grid/community", () -> kpis.breakdown(id, from, to, KpiDimension.GRID, GridLevel.COMMUNITY));
        queries.put("breakdown grid/grid", () -> kpis.breakdown(id, from, to, KpiDimension.GRID, GridLevel.GRID));
        queries.put("breakdown department", () -> kpis.breakdown(id, from, to, KpiDimension.DEPARTMENT, null));
        queries.put("breakdown family", () -> kpis.breakdown(id, from, to, KpiDimension.FAMILY, null));
        queries.put("breakdown channel", () -> kpis.breakdown(id, from, to, KpiDimension.CHANNEL, null));
        queries.put("breakdown month (the month)", () -> kpis.breakdown(id, from, to, KpiDimension.MONTH, null));
        queries.put("trend: month over 12 months", () -> kpis.breakdown(id, yearFrom, to, KpiDimension.MONTH, null));
        queries.put("city roll-up (3 districts)", () -> kpis.city(from, to, 30));
        List<String> report = List.of("figures (month)", "breakdown grid/street", "breakdown grid/community",
                "breakdown department", "breakdown family", "breakdown channel", "trend: month over 12 months");

        var f = kpis.figures(id, from, to);
        out("Month %s: reported %,d, due %,d, closed %,d, on time %.4f, pending now %,d, overdue now %,d, p90 %.1f h, town share %.3f",
                MONTH, f.reported(), f.dueToClose(), f.closed(), f.onTimeClosureRate(), f.pendingNow(), f.overdueNow(),
                f.p90HandlingHours(), f.townOrVillageShare());

        resetPeakHeap();
        Map<String, List<Long>> times = new LinkedHashMap<>();
        List<Long> reportTimes = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long reportNanos = 0;
            for (Map.Entry<String, Callable<Object>> q : queries.entrySet()) {
                long t = System.nanoTime();
                q.getValue().call();
                long elapsed = System.nanoTime() - t;
                if (report.contains(q.getKey())) {
                    reportNanos += elapsed;
                }
                if (run > 0) {
                    times.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(elapsed);
                } else {
                    out("  cold %-30s %7.1f ms", q.getKey(), elapsed / 1e6);
                }
            }
            if (run > 0) {
                reportTimes.add(reportNanos);
            } else {
                out("  cold %-30s %7.1f ms", "monthly report (7 queries)", reportNanos / 1e6);
            }
        }
        out("Warm runs: %d; milliseconds", runs);
        out("  %-42s %8s %8s", "query", "p50", "max");
        times.forEach((name, list) -> out("  %-42s %8.1f %8.1f", name, p50(list), max(list)));
        out("  %-42s %8.1f %8.1f", "monthly report: " + String.join(" + ", "figures", "5 breakdowns", "12-month trend"),
                p50(reportTimes), max(reportTimes));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out("Heap: max %d MiB, peak used while querying %d MiB, used after GC %d MiB",
                rt.maxMemory() >> 20, peakHeap() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static double p50(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return Collections.max(nanos) / 1e6;
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers

    private static String show(DataSource ds, String what) throws SQLException {
        String sql = what.matches("[a-z_]+") ? "show " + what : "select " + what;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap in use). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void out(String format, Object... args) {
        LOG.info(String.format(format, args));
    }
}
