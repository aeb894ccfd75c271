package org.gongzhi.core.evidence.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gongzhi.core.evidence.StoredEvidence;

/**
 * Not a test (the build does not run it): times the ingest of a ~5 MB 12-megapixel JPEG with GPS EXIF on the
 * filesystem store (p50/p95 over 40 runs after 5 warm-ups, each run different bytes so nothing is a duplicate),
 * then 50 concurrent ingests of different 5 MB photos, streamed from files, with errors and the peak heap
 * (MemoryMXBean, sampled every 5 ms). Run with the heap the platform has, e.g.:
 *
 * <pre>
 * ./mvnw -o -q -pl platform-core/evidence test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp platform-core/evidence/target/test-classes:platform-core/evidence/target/classes:$(cat platform-core/evidence/target/cp.txt) \
 *      org.gongzhi.core.evidence.internal.IngestBenchmark
 * </pre>
 */
public final class IngestBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 40;
    private static final int CONCURRENT = 50;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("evidence-bench");
        byte[] photo = fiveMegabytePhoto();
        System.out.printf("photo: 4000x3000 JPEG, %.2f MB, Java %s, %d processors, max heap %d MB%n",
                photo.length / 1048576.0, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (ImageIoPlugins plugins = new ImageIoPlugins(); FileBlobStore blobs = new FileBlobStore(work.resolve("store"))) {
            BlobEvidenceStore store = new BlobEvidenceStore(blobs, BlobEvidenceStore.Limits.defaults(),
                    work.resolve("store/.incoming"), plugins);
            single(store, photo);
            concurrent(store, photo, work);
        }
    }

    private static void single(BlobEvidenceStore store, byte[] photo) throws Exception {
        long[] millis = new long[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            byte[] variant = withComment(photo, "run " + i);
            long start = System.nanoTime();
            StoredEvidence stored = store.ingest("bench", new java.io.ByteArrayInputStream(variant));
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (stored.duplicate() || !stored.thumbnail()) {
                throw new IllegalStateException("unexpected " + stored);
            }
            if (i >= 0) {
                millis[i] = elapsed;
            }
        }
        Arrays.sort(millis);
        System.out.printf("single ingest (stream, SHA-256, sniff, EXIF facts, decode, display 2048 px, thumbnail 320 px, "
                        + "store): p50 %d ms, p95 %d ms, max %d ms over %d runs%n",
                millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1], millis[RUNS - 1], RUNS);
    }

    private static void concurrent(BlobEvidenceStore store, byte[] photo, Path work) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            Path file = work.resolve("upload-" + i + ".jpg");
            Files.write(file, withComment(photo, "concurrent " + i));
            files.add(file);
        }
        photo = null;
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 5, java.util.concurrent.TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (Path file : files) {
            results.add(pool.submit(() -> {
                go.await();
                long start = System.nanoTime();
                try (InputStream in = Files.newInputStream(file)) {
                    store.ingest("bench", in);
                } catch (Exception | Error e) {
                    errors.incrementAndGet();
                    System.out.println("error: " + e);
                }
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        long slowest = 0;
        for (Future<Long> result : results) {
            slowest = Math.max(slowest, result.get());
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        sampler.shutdownNow();
        System.out.printf("%d concurrent ingests: %d errors, wall %d ms (%.1f photos/s), slowest %d ms, heap used "
                        + "before %d MB, peak %d MB (max heap %d MB)%n",
                CONCURRENT, errors.get(), wall, CONCURRENT * 1000.0 / wall, slowest, before >> 20, peak.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** A 12-MP camera-like JPEG of about 5 MB with GPS EXIF. */
    static byte[] fiveMegabytePhoto() {
        var image = Fixtures.noisy(Fixtures.picture(4000, 3000, 42), 42);
        byte[] best = null;
        for (float quality : new float[] {0.80f, 0.85f, 0.90f, 0.93f, 0.95f}) {
            byte[] jpeg = Fixtures.jpeg(image, quality);
            if (best == null || Math.abs(jpeg.length - 5_000_000) < Math.abs(best.length - 5_000_000)) {
                best = jpeg;
            }
        }
        return Fixtures.insertApp1(best, Fixtures.exifApp1(1));
    }

    /** The same picture with a COM segment after SOI: different bytes, same decoding work. */
    static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xfe);
        out.write((text.length + 2) >> 8);
        out.write((text.length + 2) & 0xff);
        out.writeBytes(text);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
