package org.gongzhi.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.gongzhi.cli.ArgValues;

/**
 * The live event stream under load (issue 15's targets: commit → event p99 under 1 s at 200 new cases/s;
 * a wall screen runs for hours without the platform's memory growing). Opens {@code --streams} event
 * streams of one district (wall screens, dispatchers' consoles), then reports new cases at {@code --rate}
 * per second for {@code --duration} and times, on every stream, each case's {@code report} event from the
 * intake's 201 (the commit is before the 201, so the true commit → event time is at most this) and from the
 * request's start (an upper bound). Every case answered 201 must reach every stream. With {@code --pid} it
 * reads the platform's live heap (after a full collection) every {@code --heap-every}: a soak is the same
 * command with a long duration and a low rate. Exit 0 when every target is met, 1 otherwise, 2 for a setup
 * error.
 */
public final class EventBench {

    private static final long TARGET_MILLIS = 1_000;
    /** Live heap growth between the first and the last quarter of a soak that still counts as flat. */
    private static final double FLAT_GROWTH = 0.10;
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\":\"([0-9a-f-]{36})\"");
    private static final Pattern ACTION = Pattern.compile("\"action\":\"([a-z-]+)\"");

    static final String USAGE = String.join("\n",
            "usage: java -cp gongzhi-load-driver.jar org.gongzhi.load.EventBench [options]",
            "  --base URL / --keycloak URL  the platform and its Keycloak (defaults of ./gongzhi run; loopback only)",
            "  --tenant ID                  the district (jizhou)",
            "  --reporter U --viewer V      who reports (jz-admin) and who watches the streams (jz-dispatcher)",
            "  --password P                 the demo password by default",
            "  --streams N                  open event streams (100)",
            "  --rate R --threads T         new cases per second (200) sent by T workers (32)",
            "  --warmup W --duration D      unrecorded, then recorded time (10s, 60s)",
            "  --pid PID --heap-every E     the platform's JVM: its live heap every E (optional; 60s)");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** case id → {request start, 201 answered} in nanos; filled by the intake workers. */
    private final Map<String, long[]> reported = new ConcurrentHashMap<>();
    private final Histogram fromAnswer = new Histogram(60_000_000L, 3);
    private final Histogram fromRequest = new Histogram(60_000_000L, 3);
    private final Histogram intake = new Histogram(60_000_000L, 3);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger intakeErrors = new AtomicInteger();
    private volatile boolean recording;
    private final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    private EventBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.putAll(Map.of("--base", "http://127.0.0.1:8181", "--keycloak", "http://127.0.0.1:18080",
                "--tenant", "jizhou", "--reporter", "jz-admin", "--viewer", "jz-dispatcher",
                "--password", Options.DEMO_PASSWORD, "--streams", "100", "--rate", "200", "--threads", "32"));
        defaults.putAll(Map.of("--warmup", "10s", "--duration", "60s", "--pid", "", "--heap-every", "60s"));
        return BenchOptions.run("event-bench", USAGE, args, defaults, parsed -> new EventBench(parsed).execute());
    }

    private TokenCache token(String user) {
        return new TokenCache(http, URI.create(options.get("--keycloak")), options.get("--tenant"),
                new Credentials(user, options.get("--password")), Duration.ofSeconds(30), System::nanoTime);
    }

    private int execute() throws IOException, InterruptedException, TokenException {
        int streams = (int) ArgValues.integer("--streams", options.get("--streams"), 1, 2_000);
        double rate = ArgValues.decimal("--rate", options.get("--rate"), 0.1, 5_000);
        int threads = (int) ArgValues.integer("--threads", options.get("--threads"), 1, 512);
        Duration warmup = ArgValues.duration("--warmup", options.get("--warmup"));
        Duration duration = ArgValues.duration("--duration", options.get("--duration"));
        String pid = options.get("--pid");
        Duration heapEvery = ArgValues.duration("--heap-every", options.get("--heap-every"));
        TokenCache reporter = token(options.get("--reporter"));
        TokenCache viewer = token(options.get("--viewer"));
        reporter.token();

        List<Viewer> viewers = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            viewers.add(new Viewer(viewer, i));
        }
        viewers.forEach(Thread::start);
        for (Viewer v : viewers) {
            if (!v.opened.await(30, TimeUnit.SECONDS)) {
                System.err.println("event-bench: stream " + v.getName() + " did not open: " + v.failure);
                return 2;
            }
        }
        System.out.printf("%d event streams open; reporting %.1f cases/s for %s after %s of warm-up%n", streams, rate,
                ArgValues.show(duration), ArgValues.show(warmup));

        List<long[]> heap = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        AtomicLong serial = new AtomicLong();
        long period = Math.max(1, Math.round(1e9 / rate));
        clock.scheduleAtFixedRate(() -> workers.execute(() -> report(reporter, serial.incrementAndGet())), 0, period,
                TimeUnit.NANOSECONDS);
        long start = System.nanoTime();
        if (!pid.isBlank()) {
            clock.scheduleAtFixedRate(() -> sampleHeap(pid, start, heap), warmup.toNanos(), heapEvery.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        clock.schedule(() -> recording = true, warmup.toNanos(), TimeUnit.NANOSECONDS);
        clock.schedule(() -> recording = false, warmup.plus(duration).toNanos(), TimeUnit.NANOSECONDS);
        clock.awaitTermination(warmup.plus(duration).toNanos(), TimeUnit.NANOSECONDS);
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        long answered = reported.values().stream().filter(t -> t[1] > 0).count();
        long expected = answered * streams;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deliveredOfAnswered(viewers) < expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100); // the last events are on their way
        }
        long got = deliveredOfAnswered(viewers);
        viewers.forEach(Viewer::close);

        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("intake: %d cases answered 201 in %.0f s (%.1f/s), %d errors, p50 %.1f ms, p99 %.1f ms%n",
                answered, seconds, answered / seconds, intakeErrors.get(), intake.getValueAtPercentile(50) / 1000.0,
                intake.getValueAtPercentile(99) / 1000.0);
        double p99 = fromAnswer.getValueAtPercentile(99) / 1000.0;
        System.out.printf("201 → event on a stream: %d timed, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                fromAnswer.getTotalCount(), fromAnswer.getValueAtPercentile(50) / 1000.0, p99,
                fromAnswer.getValueAtPercentile(99.9) / 1000.0, fromAnswer.getMaxValue() / 1000.0);
        System.out.printf("request start → event: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                fromRequest.getValueAtPercentile(50) / 1000.0, fromRequest.getValueAtPercentile(99) / 1000.0,
                fromRequest.getMaxValue() / 1000.0);
        System.out.printf("delivery: %d of %d (cases answered × streams) events arrived%n", got, expected);
        boolean flat = true;
        if (!heap.isEmpty()) {
            flat = reportHeap(heap);
        }
        firstErrors.forEach(e -> System.out.println("error: " + e));
        boolean ok = got == expected && intakeErrors.get() == 0 && p99 < TARGET_MILLIS && flat;
        System.out.printf("targets: every event delivered, 201 → event p99 < %d ms%s: %s%n", TARGET_MILLIS,
                heap.isEmpty() ? "" : ", live heap flat", ok ? "MET" : "NOT MET");
        return ok ? 0 : 1;
    }

    private long deliveredOfAnswered(List<Viewer> viewers) {
        long n = 0;
        for (Viewer v : viewers) {
            n += v.seen.size();
        }
        return n;
    }

    private void report(TokenCache token, long n) {
        String body = "{\"title\":\"大屏压力 " + n + "\",\"categoryCode\":\"CM0101\",\"channel\":\"grid-worker\","
                + "\"longitude\":114.927,\"latitude\":27.08}";
        long sent = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("--base") + "/api/v1/tenants/"
                            + options.get("--tenant") + "/cases")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long done = System.nanoTime();
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer.body());
            if (answer.statusCode() != 201 || !id.find()) {
                intakeErrors.incrementAndGet();
                if (firstErrors.size() < 5) {
                    firstErrors.add("intake HTTP " + answer.statusCode());
                }
                return;
            }
            long[] times = reported.computeIfAbsent(id.group(1), k -> new long[2]);
            times[0] = sent;
            times[1] = done;
            if (recording) {
                synchronized (intake) {
                    intake.recordValue(Math.min((done - sent) / 1000, intake.getHighestTrackableValue()));
                }
            }
        } catch (IOException | TokenException e) {
            intakeErrors.incrementAndGet();
            if (firstErrors.size() < 5) {
                firstErrors.add("intake " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleHeap(String pid, long start, List<long[]> heap) {
        try {
            long kb = JvmHeap.liveKb(pid);
            long minute = (System.nanoTime() - start) / 60_000_000_000L;
            synchronized (heap) {
                heap.add(new long[] {minute, kb});
            }
            System.out.printf("  t+%d min: live heap %d MB, %d events delivered%n", minute, kb / 1024, delivered.get());
        } catch (IOException e) {
            System.err.println("event-bench: cannot read the heap of " + pid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Compares the live heap of the first and last quarter of the samples; true when growth is under 10 %. */
    private static boolean reportHeap(List<long[]> heap) {
        int quarter = Math.max(1, heap.size() / 4);
        double first = heap.subList(0, quarter).stream().mapToLong(s -> s[1]).average().orElse(0);
        double last = heap.subList(heap.size() - quarter, heap.size()).stream().mapToLong(s -> s[1]).average().orElse(0);
        double growth = first == 0 ? 0 : (last - first) / first;
        System.out.printf("live heap after full GC: %d samples, first quarter %.0f MB, last quarter %.0f MB, growth %+.1f %%%n",
                heap.size(), first / 1024, last / 1024, growth * 100);
        return heap.size() < 4 || growth < FLAT_GROWTH;
    }

    /** One event stream on its own thread; reconnects with {@code Last-Event-ID} if the platform drops it. */
    private final class Viewer extends Thread {
        final TokenCache token;
        final java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
        volatile String failure;
        volatile String lastId;
        volatile InputStream body;
        volatile boolean open = true;

        Viewer(TokenCache token, int n) {
            super("stream-" + n);
            this.token = token;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (open) {
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(options.get("--base") + "/api/v1/tenants/"
                            + options.get("--tenant") + "/events")).header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + token.token());
                    if (lastId != null) {
                        b.header("Last-Event-ID", lastId);
                    }
                    HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        failure = "HTTP " + r.statusCode();
                        return;
                    }
                    body = r.body();
                    read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
                } catch (IOException | TokenException e) {
                    failure = e.toString();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void read(BufferedReader in) throws IOException {
            String event = null;
            String id = null;
            String data = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(":")) {
                    opened.countDown();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                } else if (line.isEmpty()) {
                    if ("case".equals(event) && data != null) {
                        arrived(data, System.nanoTime());
                        lastId = id;
                    }
                    event = null;
                    id = null;
                    data = null;
                }
            }
        }

        private void arrived(String data, long now) {
            Matcher action = ACTION.matcher(data);
            Matcher caseId = CASE_ID.matcher(data);
            if (!action.find() || !"report".equals(action.group(1)) || !caseId.find()) {
                return;
            }
            delivered.incrementAndGet();
            seen.add(caseId.group(1));
            long[] times = reported.get(caseId.group(1));
            if (!recording) {
                return;
            }
            synchronized (fromAnswer) {
                if (times == null || times[1] == 0) {
                    fromAnswer.recordValue(0); // the event overtook the 201: it followed the commit even sooner
                } else {
                    fromAnswer.recordValue(Math.max(0, Math.min((now - times[1]) / 1000, fromAnswer.getHighestTrackableValue())));
                    fromRequest.recordValue(Math.min((now - times[0]) / 1000, fromRequest.getHighestTrackableValue()));
                }
            }
        }

        void close() {
            open = false;
            try {
                InputStream in = body;
                if (in != null) {
                    in.close();
                }
            } catch (IOException ignored) {
                // closing
            }
            interrupt();
        }
    }
}
