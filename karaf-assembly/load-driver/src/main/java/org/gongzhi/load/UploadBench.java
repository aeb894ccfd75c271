package org.gongzhi.load;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.HdrHistogram.Histogram;
import org.gongzhi.cli.ArgValues;

/**
 * Photo uploads (issue 14's targets: a 5 MB photo stored with its thumbnail in under 500 ms p95 on loopback;
 * 50 concurrent uploads without an error; platform heap under 512 MB during them). Generates a 12-megapixel
 * JPEG of about 5 MB, then (1) uploads it {@code --rounds} times one after the other, each copy made
 * distinct by a comment segment so that nothing is de-duplicated, timing each call; (2) starts
 * {@code --concurrency} uploads at once, {@code --bursts} times, counting errors. With {@code --pid} of the
 * platform's JVM it samples the used heap with {@code jstat} every 100 ms during (2). Exit 0 when every
 * upload answered 201, p95 is under the target and the sampled heap stayed under 512 MB; 1 otherwise;
 * 2 for a setup error.
 */
public final class UploadBench {

    private static final long TARGET_MILLIS = 500;
    private static final long HEAP_LIMIT_MB = 512;

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong serial = new AtomicLong();
    /** Makes this run's bytes differ from every earlier run's: nothing is answered from de-duplication. */
    private final long run = new java.security.SecureRandom().nextLong();
    private final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    private UploadBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static final String USAGE = String.join("\n",
            "usage: java -cp gongzhi-load-driver.jar org.gongzhi.load.UploadBench [options]",
            "  --base URL / --keycloak URL   the platform and its Keycloak (defaults of ./gongzhi run; loopback only)",
            "  --tenant ID --user U --password P   who uploads (default jizhou, jz-grid1, the demo password)",
            "  --megapixels N --megabytes M  the photo: N megapixels, noise tuned to about M MB (12, 5)",
            "  --warmup W --rounds R         W unrecorded and R timed uploads one after the other (5, 40)",
            "  --concurrency C --bursts B    then B bursts of C uploads started together (50, 2)",
            "  --pid PID                     the platform's JVM: sample its used heap with jstat (optional)");

    static int run(String[] args) {
        Map<String, String> defaults = new java.util.LinkedHashMap<>(Map.of("--base", "http://127.0.0.1:8181",
                "--keycloak", "http://127.0.0.1:18080", "--tenant", "jizhou", "--user", "jz-grid1",
                "--password", Options.DEMO_PASSWORD, "--megapixels", "12", "--megabytes", "5", "--warmup", "5",
                "--rounds", "40", "--concurrency", "50"));
        defaults.putAll(Map.of("--bursts", "2", "--pid", ""));
        return BenchOptions.run("upload-bench", USAGE, args, defaults, parsed -> new UploadBench(parsed).execute());
    }

    private int execute() throws IOException, InterruptedException, TokenException {
        int megapixels = (int) ArgValues.integer("--megapixels", options.get("--megapixels"), 1, 50);
        int megabytes = (int) ArgValues.integer("--megabytes", options.get("--megabytes"), 1, 19);
        byte[] photo = photo(megapixels, megabytes);
        System.out.printf("photo: %d MP, %.2f MB JPEG%n", megapixels, photo.length / 1e6);
        TokenCache token = new TokenCache(http, URI.create(options.get("--keycloak")), options.get("--tenant"),
                new Credentials(options.get("--user"), options.get("--password")), Duration.ofSeconds(30), System::nanoTime);
        token.token();

        int warmup = (int) ArgValues.integer("--warmup", options.get("--warmup"), 0, 1000);
        int rounds = (int) ArgValues.integer("--rounds", options.get("--rounds"), 1, 10_000);
        Histogram sequential = new Histogram(60_000_000L, 3);
        int failed = 0;
        for (int i = 0; i < warmup + rounds; i++) {
            long micros = upload(photo, token);
            if (micros < 0) {
                failed++;
            } else if (i >= warmup) {
                sequential.recordValue(Math.min(micros, sequential.getHighestTrackableValue()));
            }
        }
        double p95 = sequential.getValueAtPercentile(95) / 1000.0;
        System.out.printf("one after the other: %d uploads, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sequential.getTotalCount(), sequential.getValueAtPercentile(50) / 1000.0, p95,
                sequential.getValueAtPercentile(99) / 1000.0, sequential.getMaxValue() / 1000.0);

        int concurrency = (int) ArgValues.integer("--concurrency", options.get("--concurrency"), 1, 500);
        int bursts = (int) ArgValues.integer("--bursts", options.get("--bursts"), 1, 100);
        JvmHeap.Sampler heap = options.get("--pid").isBlank() ? null : new JvmHeap.Sampler(options.get("--pid"));
        if (heap != null) {
            heap.start();
        }
        Histogram concurrent = new Histogram(600_000_000L, 3);
        AtomicInteger burstErrors = new AtomicInteger();
        long wall = System.nanoTime();
        for (int b = 0; b < bursts; b++) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        long micros = upload(photo, token);
                        if (micros < 0) {
                            burstErrors.incrementAndGet();
                        } else {
                            synchronized (concurrent) {
                                concurrent.recordValue(Math.min(micros, concurrent.getHighestTrackableValue()));
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "upload-" + c);
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        long peakMb = heap == null ? -1 : heap.finish();
        System.out.printf("%d bursts of %d at once: %d stored, %d errors, %.1f s, %.1f uploads/s, p50 %.0f ms, p95 %.0f ms,"
                + " max %.0f ms%n", bursts, concurrency, concurrent.getTotalCount(), burstErrors.get(), seconds,
                concurrent.getTotalCount() / seconds, concurrent.getValueAtPercentile(50) / 1000.0,
                concurrent.getValueAtPercentile(95) / 1000.0, concurrent.getMaxValue() / 1000.0);
        if (heap != null) {
            System.out.printf("platform heap used (jstat, every 100 ms): peak %d MB, limit %d MB%n", peakMb, HEAP_LIMIT_MB);
        }
        firstErrors.forEach(e -> System.out.println("error: " + e));
        boolean ok = failed == 0 && burstErrors.get() == 0 && p95 < TARGET_MILLIS && (heap == null || peakMb < HEAP_LIMIT_MB);
        System.out.printf("target p95 < %d ms, no errors%s: %s%n", TARGET_MILLIS,
                heap == null ? "" : ", heap < " + HEAP_LIMIT_MB + " MB", ok ? "MET" : "NOT MET");
        return ok ? 0 : 1;
    }

    /** Uploads one distinct copy of {@code photo}; the call's time in µs, or -1 when it did not answer 201. */
    private long upload(byte[] photo, TokenCache token) throws InterruptedException {
        byte[] body = distinct(photo, run + "-" + serial.incrementAndGet());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("--base") + "/api/v1/tenants/"
                            + options.get("--tenant") + "/evidence?fileName=bench.jpg"))
                    .header("Authorization", "Bearer " + token.token()).header("Content-Type", "image/jpeg")
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long micros = (System.nanoTime() - t0) / 1000;
            if (answer.statusCode() != 201 || !answer.body().contains("\"thumbnailUrl\"")) {
                error("HTTP " + answer.statusCode() + ": " + answer.body().substring(0, Math.min(300, answer.body().length())));
                return -1;
            }
            return micros;
        } catch (IOException | TokenException e) {
            error(e.toString());
            return -1;
        }
    }

    private void error(String what) {
        if (firstErrors.size() < 5) {
            firstErrors.add(what);
        }
    }

    /** The JPEG with a COM segment carrying {@code n} right after SOI: other bytes, the same picture. */
    static byte[] distinct(byte[] jpeg, String n) {
        byte[] text = ("gongzhi upload bench " + n).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + text.length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (text.length + 2)).put(text);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A 4:3 picture of {@code megapixels} with smooth shapes and grain, encoded close to {@code megabytes}. */
    static byte[] photo(int megapixels, int megabytes) throws IOException {
        int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
        int height = width * 3 / 4;
        byte[] best = null;
        for (int grain = 8; grain <= 64; grain *= 2) {
            byte[] jpeg = encode(picture(width, height, grain), 0.9f);
            best = jpeg;
            if (jpeg.length >= megabytes * 1_000_000L * 9 / 10) {
                break;
            }
        }
        return best;
    }

    private static BufferedImage picture(int width, int height, int grain) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(14);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 180.0)) + random.nextInt(grain) - grain / 2;
                int g = (int) (128 + 100 * Math.cos(y / 140.0)) + random.nextInt(grain) - grain / 2;
                int b = (x * 255 / width + y * 255 / height) / 2 + random.nextInt(grain) - grain / 2;
                image.setRGB(x, y, clamp(r) << 16 | clamp(g) << 8 | clamp(b));
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] encode(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

}
