package org.gongzhi.core.persistence.internal;

import static org.gongzhi.core.persistence.internal.BenchDatabase.MONTH;
import static org.gongzhi.core.persistence.internal.BenchDatabase.out;
import static org.gongzhi.core.persistence.internal.BenchDatabase.peakHeap;
import static org.gongzhi.core.persistence.internal.BenchDatabase.resetPeakHeap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The KPI benchmark: one district with {@code bench.cases} cases over twelve months in a real
 * PostgreSQL (zonky's binaries, with fsync and synchronous_commit back on), schema by the
 * persistence bundle's own Flyway scripts, queries by the real {@link HibernateKpiService}. Times
 * one month's figures, each breakdown, and the set a monthly report needs, cold and warm.
 *
 * <p>Lives in the persistence package because the service and {@link Database} are
 * package-private. The database and its system properties: {@link BenchDatabase}; here also
 * {@code bench.runs} (7 warm runs).
 */
public final class KpiBenchmark {

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        try (BenchDatabase bench = BenchDatabase.open()) {
            time(bench.kpis, bench.tenant, runs);
        }
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

}
