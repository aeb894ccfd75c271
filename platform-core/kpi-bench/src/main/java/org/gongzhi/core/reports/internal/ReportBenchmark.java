package org.gongzhi.core.reports.internal;

import static org.gongzhi.core.persistence.internal.BenchDatabase.MONTH;
import static org.gongzhi.core.persistence.internal.BenchDatabase.NOW;
import static org.gongzhi.core.persistence.internal.BenchDatabase.out;
import static org.gongzhi.core.persistence.internal.BenchDatabase.peakHeap;
import static org.gongzhi.core.persistence.internal.BenchDatabase.resetPeakHeap;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.persistence.internal.BenchDatabase;
import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportFormat;
import org.gongzhi.core.reporting.internal.JasperReportRenderer;
import org.gongzhi.core.service.kpi.CityKpis;
import org.gongzhi.core.service.kpi.KpiBreakdown;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.reports.ArchivedReport;
import org.gongzhi.core.tenant.TenantDefinition;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The monthly report end to end over the benchmark database ({@link BenchDatabase}: a million
 * cases, fsync on): the document built by the platform's own {@link DistrictReportBuilder} over
 * the real KPI service, the real {@link PluginSections} over the real tenant catalog (no plugin
 * contribution registered, so no plugin section), rendered by the real
 * {@link JasperReportRenderer} to PDF and to XLSX. Times build (split into the KPI queries and
 * the rest) and rendering, one cold run then {@code bench.runs} warm runs; measures the heap of
 * each run (peak of the heap pools, and the largest heap left after a collection). Then the
 * same report through {@link ReportProducer#produce} with the real archive, as the REST resource
 * and the schedule call it.
 *
 * <p>In the reports package because the builder, the period and the kind are package-private.
 * The PDF and XLSX of the last run are written to {@code bench.out} (target/report-bench).
 */
public final class ReportBenchmark {

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        Path outDir = Path.of(System.getProperty("bench.out", "target/report-bench"));
        GcWatch gc = GcWatch.install();
        try (BenchDatabase bench = BenchDatabase.open()) {
            TenantDefinition tenant = bench.tenant();
            ReportPeriod period = new ReportPeriod(ReportKind.MONTHLY, MONTH.getYear(), MONTH.getMonthValue());
            TimedKpis kpis = new TimedKpis(bench.kpis(), tenant.timeZone());
            PluginSections plugins = new PluginSections(bench.tenants());
            DistrictReportBuilder builder = new DistrictReportBuilder(kpis, bench.cases(), plugins, bench.modes(),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            out("Report: %s %s of %s (%s), enabled models %s (no plugin contribution registered); %d warm runs",
                    period.kind(), period.text(), tenant.id(), tenant.name(), bench.tenants().enabledModels(tenant.id()), runs);

            // The DS component activates (compiles report.jrxml and chart.jrxml) when first obtained.
            quiesce(gc);
            long t = System.nanoTime();
            JasperReportRenderer renderer = new JasperReportRenderer();
            long activation = System.nanoTime() - t;
            out("Renderer activated (templates compiled) in %.0f ms; heap peak %d MiB, largest heap after a GC %d MiB",
                    activation / 1e6, peakHeap() >> 20, gc.maxAfter() >> 20);

            List<Run> results = new ArrayList<>();
            ReportDocument document = null;
            byte[] pdf = null;
            byte[] xlsx = null;
            for (int i = 0; i <= runs; i++) {
                Run r = new Run();
                quiesce(gc);
                long gcCount = gcCount();
                long gcMillis = gcMillis();
                Map<Long, Long> allocated = allocated();
                r.baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                kpis.reset();
                long t0 = System.nanoTime();
                document = builder.build(tenant, period);
                long t1 = System.nanoTime();
                pdf = renderer.render(document, ReportFormat.PDF);
                long t2 = System.nanoTime();
                r.kpi = kpis.nanos();
                r.build = t1 - t0;
                r.pdf = t2 - t1;
                r.total = t2 - t0;
                r.pdfBytes = pdf.length;
                r.gcs = gcCount() - gcCount;
                r.gcPause = gcMillis() - gcMillis;
                r.allocated = allocatedSince(allocated);
                Thread.sleep(50); // GC notifications arrive on another thread
                r.heapPeak = peakHeap();
                r.heapAfterGc = gc.maxAfter();
                r.queries = kpis.calls();
                quiesce(gc);
                allocated = allocated();
                long t3 = System.nanoTime();
                xlsx = renderer.render(document, ReportFormat.XLSX);
                r.xlsx = System.nanoTime() - t3;
                r.xlsxAllocated = allocatedSince(allocated);
                r.xlsxBytes = xlsx.length;
                Thread.sleep(50);
                r.xlsxHeapPeak = peakHeap();
                r.xlsxHeapAfterGc = gc.maxAfter();
                results.add(r);
                out("  %-5s build %6.0f ms (KPI queries %6.0f, assembly %4.1f) + PDF %5.0f = %6.0f ms, %,d bytes; heap before %3d MiB, peak %3d MiB, "
                                + "allocated %3d MiB, %d GCs (%d ms), largest heap after a GC %s | XLSX %5.0f ms, %,d bytes, "
                                + "heap peak %3d MiB, allocated %3d MiB",
                        i == 0 ? "cold" : "run " + i, r.build / 1e6, r.kpi / 1e6, (r.build - r.kpi) / 1e6, r.pdf / 1e6,
                        r.total / 1e6, r.pdfBytes, r.baseline >> 20, r.heapPeak >> 20, r.allocated >> 20, r.gcs, r.gcPause,
                        r.gcs == 0 ? "-" : (r.heapAfterGc >> 20) + " MiB", r.xlsx / 1e6, r.xlsxBytes, r.xlsxHeapPeak >> 20,
                        r.xlsxAllocated >> 20);
                if (i == 0) {
                    r.queries.forEach((q, nanos) -> out("          %-40s %6.0f ms", q, nanos / 1e6));
                }
            }
            summary(results, activation);
            describe(document, pdf, xlsx, outDir);
            producer(bench, kpis, renderer, plugins, tenant, period, runs, gc);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Results

    /** One run's measures, nanoseconds and bytes. */
    private static final class Run {
        long build, kpi, pdf, total, xlsx, pdfBytes, xlsxBytes, heapPeak, heapAfterGc, xlsxHeapPeak, xlsxHeapAfterGc, gcs, gcPause,
                allocated, xlsxAllocated, baseline;
        Map<String, Long> queries;
    }

    private static void summary(List<Run> results, long activation) {
        Run cold = results.get(0);
        List<Run> warm = results.subList(1, results.size());
        out("Monthly report, milliseconds: cold (first after start, renderer already activated) | warm p50 | warm max (%d runs)",
                warm.size());
        row("KPI queries (%d calls)".formatted(cold.queries.size()), cold.kpi, warm, r -> r.kpi);
        row("document assembly (Java)", cold.build - cold.kpi, warm, r -> r.build - r.kpi);
        row("build (KPI queries + assembly)", cold.build, warm, r -> r.build);
        row("render PDF", cold.pdf, warm, r -> r.pdf);
        row("build -> PDF bytes", cold.total, warm, r -> r.total);
        row("render XLSX (same document)", cold.xlsx, warm, r -> r.xlsx);
        row("build -> XLSX bytes", cold.build + cold.xlsx, warm, r -> r.build + r.xlsx);
        out("  %-40s %8.0f", "renderer activation (once per start)", activation / 1e6);
        out("  %-40s %8.0f", "cold build -> PDF incl. activation", (activation + cold.total) / 1e6);
        out("Per KPI query, milliseconds: cold | warm p50 | warm max");
        for (String q : cold.queries.keySet()) {
            row(q, cold.queries.get(q), warm, r -> r.queries.get(q));
        }
        out("Heap (MiB), JVM max %d. In use before a run (after a full GC: services, Hibernate, Jasper, fonts) cold %d, warm max %d. "
                        + "build -> PDF: peak of the heap pools (garbage included) cold %d, warm max %d; "
                        + "allocated cold %d, warm max %d; largest heap after a GC during the run cold %s, warm max %s; "
                        + "GCs per run cold %d, warm %d..%d. XLSX: peak cold %d, warm max %d; allocated cold %d, warm max %d",
                Runtime.getRuntime().maxMemory() >> 20, cold.baseline >> 20, max(warm, r -> r.baseline) >> 20,
                cold.heapPeak >> 20, max(warm, r -> r.heapPeak) >> 20, cold.allocated >> 20, max(warm, r -> r.allocated) >> 20,
                cold.gcs == 0 ? "-" : String.valueOf(cold.heapAfterGc >> 20),
                max(warm, r -> r.gcs) == 0 ? "-" : String.valueOf(max(warm, r -> r.heapAfterGc) >> 20),
                cold.gcs, warm.stream().mapToLong(r -> r.gcs).min().orElse(0), max(warm, r -> r.gcs),
                cold.xlsxHeapPeak >> 20, max(warm, r -> r.xlsxHeapPeak) >> 20, cold.xlsxAllocated >> 20,
                max(warm, r -> r.xlsxAllocated) >> 20);
    }

    private static void row(String name, long cold, List<Run> warm, java.util.function.ToLongFunction<Run> f) {
        List<Long> values = warm.stream().map(f::applyAsLong).sorted().toList();
        out("  %-40s %8.0f %8.0f %8.0f", name, cold / 1e6, values.get((values.size() - 1) / 2) / 1e6,
                values.get(values.size() - 1) / 1e6);
    }

    private static long max(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
        return runs.stream().mapToLong(f).max().orElse(0);
    }

    /** The document's shape, the files' pages, and the overview sentence read back from the PDF. */
    private static void describe(ReportDocument document, byte[] pdf, byte[] xlsx, Path outDir) throws Exception {
        StringBuilder shape = new StringBuilder();
        for (ReportDocument.Section s : document.sections()) {
            shape.append("\n    ").append(s.headingZh()).append(" (").append(s.headingEn()).append("): ")
                    .append(s.paragraphs().size()).append(" paragraph(s)")
                    .append(s.table() == null ? "" : ", table " + s.table().rows().size() + " rows x " + s.table().columns().size() + " columns")
                    .append(s.chart() == null ? "" : ", " + s.chart().kind() + " chart of " + s.chart().categories().size() + " categories");
        }
        out("Document \"%s\" / \"%s\", %d sections:%s", document.title(), document.subtitle(), document.sections().size(), shape);
        Files.createDirectories(outDir);
        Path pdfFile = outDir.resolve("monthly-" + MONTH + ".pdf");
        Path xlsxFile = outDir.resolve("monthly-" + MONTH + ".xlsx");
        Files.write(pdfFile, pdf);
        Files.write(xlsxFile, xlsx);
        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}年\\d{1,2}月，[^。]*共受理案件[^。]*。")
                    .matcher(text.replaceAll("\\s+", ""));
            String overview = m.find() ? m.group() : "(overview sentence not found)";
            out("PDF: %,d bytes, %d pages (PDFBox), written to %s; XLSX: %,d bytes, written to %s", pdf.length,
                    read.getNumberOfPages(), pdfFile.toAbsolutePath(), xlsx.length, xlsxFile.toAbsolutePath());
            out("PDF text, overview: %s", overview);
        }
    }

    /** The same report as the REST resource and the schedule make it: parse, build, render, archive. */
    private static void producer(BenchDatabase bench, TimedKpis kpis, JasperReportRenderer renderer, PluginSections plugins,
                                 TenantDefinition tenant, ReportPeriod period, int runs, GcWatch gc) throws Exception {
        ReportProducer producer = new ReportProducer(bench.tenants(), kpis, bench.cases(), renderer, bench.reportArchive(), plugins,
                bench.modes());
        List<Long> times = new ArrayList<>();
        ArchivedReport stored = null;
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            quiesce(gc);
            kpis.reset();
            long t = System.nanoTime();
            stored = producer.produce(tenant.id(), "monthly", period.text(), "pdf", "kpi-bench");
            times.add(System.nanoTime() - t);
            peak = Math.max(peak, peakHeap());
        }
        Collections.sort(times);
        out("ReportProducer.produce(%s, monthly, %s, pdf) with the real archive (row written, fsync on), %d runs: p50 %.0f ms, max %.0f ms; "
                        + "%,d bytes archived; heap peak %d MiB",
                tenant.id(), period.text(), runs, times.get((times.size() - 1) / 2) / 1e6, times.get(times.size() - 1) / 1e6,
                stored.sizeBytes(), peak >> 20);
    }

    // ------------------------------------------------------------------------------------------
    // Measuring

    /** Collects garbage outside the timed window and resets the heap peaks. */
    private static void quiesce(GcWatch gc) throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        resetPeakHeap();
        gc.reset();
    }

    /** Bytes allocated so far by each live thread (Jasper fills subreports on pooled threads). */
    private static Map<Long, Long> allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    /** Bytes allocated since {@code before} by the threads alive now (threads that ended meanwhile are missed). */
    private static long allocatedSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : allocated().entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The largest heap in use right after a collection since the last reset (what survived: live data). */
    private static final class GcWatch implements NotificationListener {

        private final AtomicLong maxAfter = new AtomicLong();

        static GcWatch install() {
            GcWatch watch = new GcWatch();
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) bean).addNotificationListener(watch, null, null);
            }
            return watch;
        }

        void reset() {
            maxAfter.set(0);
        }

        long maxAfter() {
            return maxAfter.get();
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (HEAP_POOLS.contains(pool.getKey())) {
                    after += pool.getValue().getUsed();
                }
            }
            long used = after;
            maxAfter.accumulateAndGet(used, Math::max);
        }
    }

    /** The real KPI service, each call timed: the builder sees only {@link KpiService}. */
    private static final class TimedKpis implements KpiService {

        private final KpiService delegate;
        private final ZoneId zone;
        private final Map<String, Long> calls = new LinkedHashMap<>();

        TimedKpis(KpiService delegate, ZoneId zone) {
            this.delegate = delegate;
            this.zone = zone;
        }

        void reset() {
            calls.clear();
        }

        long nanos() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        Map<String, Long> calls() {
            return new LinkedHashMap<>(calls);
        }

        private String span(Instant from, Instant to) {
            long months = ChronoUnit.MONTHS.between(from.atZone(zone), to.atZone(zone));
            return months == 1 ? "1 month" : months + " months";
        }

        private void record(String name, long start) {
            calls.merge(name, System.nanoTime() - start, Long::sum);
        }

        @Override
        public KpiFigures figures(String tenantId, Instant from, Instant to, Set<String> area) {
            long t = System.nanoTime();
            try {
                return delegate.figures(tenantId, from, to, area);
            } finally {
                record("figures (" + span(from, to) + ")", t);
            }
        }

        @Override
        public KpiBreakdown breakdown(String tenantId, Instant from, Instant to, KpiDimension dimension, GridLevel level,
                                      Set<String> area) {
            long t = System.nanoTime();
            try {
                return delegate.breakdown(tenantId, from, to, dimension, level, area);
            } finally {
                record("breakdown " + dimension.name().toLowerCase() + (level == null ? "" : "/" + level.name().toLowerCase())
                        + " (" + span(from, to) + ")", t);
            }
        }

        @Override
        public CityKpis city(Instant from, Instant to, int minCases) {
            long t = System.nanoTime();
            try {
                return delegate.city(from, to, minCases);
            } finally {
                record("city (" + span(from, to) + ")", t);
            }
        }
    }
}
