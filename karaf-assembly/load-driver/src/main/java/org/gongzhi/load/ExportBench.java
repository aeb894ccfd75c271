package org.gongzhi.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The case export (issue 17's target: 1,000,000 rows streamed with the platform's heap under 256 MB). Downloads
 * {@code GET …/cases/export} of the whole district (or {@code --query}'s filters) as the dispatcher, reading
 * the body as it comes, while sampling the platform JVM's used heap ({@code --pid}, jstat every 100 ms) and
 * its live heap after a full collection (before, every 10 s during, after). Seed the district first with
 * {@link InboxBench} ({@code --cases 1000000 --seed-only true}). Exit 0 when the export answered 200 with every
 * row and the live heap it added stayed under the limit, 1 otherwise, 2 for a setup error.
 */
public final class ExportBench {

    static final long HEAP_LIMIT_MB = 256;

    static final String USAGE = String.join("\n",
            "usage: java -cp gongzhi-load-driver.jar org.gongzhi.load.ExportBench [options]",
            "  --base URL / --keycloak URL   the platform and its Keycloak (defaults of ./gongzhi run; loopback only)",
            "  --tenant ID --user U --password P   who exports (default jizhou, jz-dispatcher, the demo password)",
            "  --format csv|xlsx             the file (default csv); --query Q  the list's filters (default none)",
            "  --pid PID                     the platform's JVM: sample its used heap with jstat (optional)");

    private final Map<String, String> options;
    private final HttpClient http = BenchOptions.http();

    private ExportBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> defaults = new java.util.LinkedHashMap<>(Map.of("--base", "http://127.0.0.1:8181",
                "--keycloak", "http://127.0.0.1:18080", "--tenant", "jizhou", "--user", "jz-dispatcher",
                "--password", Options.DEMO_PASSWORD, "--format", "csv", "--query", "", "--pid", ""));
        return BenchOptions.run("export-bench", USAGE, args, defaults, parsed -> new ExportBench(parsed).execute());
    }

    private int execute() throws IOException, InterruptedException, TokenException {
        TokenCache token = new TokenCache(http, URI.create(options.get("--keycloak")), options.get("--tenant"),
                new Credentials(options.get("--user"), options.get("--password")), Duration.ofSeconds(30), System::nanoTime);
        String pid = options.get("--pid");
        long liveBefore = pid.isBlank() ? -1 : JvmHeap.liveKb(pid) / 1024;
        JvmHeap.Sampler heap = pid.isBlank() ? null : new JvmHeap.Sampler(pid);
        String query = options.get("--query");
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("--base") + "/api/v1/tenants/"
                        + options.get("--tenant") + "/cases/export?format=" + options.get("--format")
                        + (query.isBlank() ? "" : "&" + query)))
                .header("Authorization", "Bearer " + token.token()).timeout(Duration.ofMinutes(30)).GET().build();
        // the live heap (after a full collection) every 10 s while the export runs: what the export holds, apart
        // from the garbage it leaves, which the sampled used heap also counts
        long[] liveDuring = {-1};
        Thread live = pid.isBlank() ? null : new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(10_000);
                    liveDuring[0] = Math.max(liveDuring[0], JvmHeap.liveKb(pid) / 1024);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-heap");
        if (heap != null) {
            heap.start();
            live.setDaemon(true);
            live.start();
        }
        long t0 = System.nanoTime();
        HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstByteMillis = (System.nanoTime() - t0) / 1_000_000;
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = answer.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peakMb = heap == null ? -1 : heap.finish();
        if (live != null) {
            live.interrupt();
            live.join(5000);
        }
        long liveAfter = pid.isBlank() ? -1 : JvmHeap.liveKb(pid) / 1024;
        long total = Long.parseLong(answer.headers().firstValue("X-Total-Count").orElse("-1"));
        System.out.printf("HTTP %d, %s, %d rows (X-Total-Count), %.1f MB in %.1f s (%.0f rows/s), first byte after %d ms%n",
                answer.statusCode(), options.get("--format"), total, bytes / 1e6, seconds, total / seconds, firstByteMillis);
        boolean rowsOk = !"csv".equals(options.get("--format")) || lines == total + 1;
        if ("csv".equals(options.get("--format"))) {
            System.out.printf("lines received: %d (header + %d rows)%n", lines, lines - 1);
        }
        if (heap != null) {
            System.out.printf("platform heap used (jstat, every 100 ms, garbage included): peak %d MB; live after a full GC:"
                    + " %d MB before, at most %d MB during (every 10 s), %d MB after; the export's own: %d MB, limit %d MB%n",
                    peakMb, liveBefore, liveDuring[0], liveAfter, liveDuring[0] - liveBefore, HEAP_LIMIT_MB);
        }
        boolean ok = answer.statusCode() == 200 && rowsOk && (heap == null || liveDuring[0] - liveBefore < HEAP_LIMIT_MB);
        System.out.printf("target: every row, heap < %d MB: %s%n", HEAP_LIMIT_MB, ok ? "MET" : "NOT MET");
        return ok ? 0 : 1;
    }
}
