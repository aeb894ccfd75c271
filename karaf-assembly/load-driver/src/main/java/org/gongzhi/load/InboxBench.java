package org.gongzhi.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.gongzhi.caseloader.CaseLoader;
import org.gongzhi.cli.ArgValues;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;

/**
 * The dispatcher's inbox under a district of many cases (issue 13's target: the inbox's API calls
 * p95 under 100 ms with 100,000 cases). Tops the district up to {@code --cases} cases in the running
 * platform's database ({@link CaseLoader}), then times the console's calls over HTTP with real
 * Keycloak tokens of the dispatcher, a grid worker and a department handler: each round makes every
 * call once, {@code --threads} clients make {@code --warmup} unrecorded and {@code --rounds}
 * recorded rounds each; p50/p95/p99/max per call. Exit 0 when every call answered 200 and every
 * p95 is under the target, 1 otherwise, 2 for a setup error.
 */
public final class InboxBench {

    private static final String OPEN = "reported,registered,dispatched,handling,postponed,feedback,verified";
    private static final long TARGET_MILLIS = 100;

    private record Call(String name, TokenCache caller, Supplier<String> path) {
    }

    private final Map<String, String> options;
    private final HttpClient http = BenchOptions.http();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, Long> matches = new ConcurrentHashMap<>();
    private final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    private InboxBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> o = BenchOptions.platformDefaults(100000, 180);
        o.put("--threads", "4");
        o.put("--ending", "0");
        o.putAll(Map.of("--seed-only", "false", "--warmup", "20", "--rounds", "100", "--dispatcher", "jz-dispatcher",
                "--grid-worker", "jz-grid1", "--handler", "jz-cg", "--password", Options.DEMO_PASSWORD));
        return BenchOptions.run("inbox-bench", USAGE, args, o, parsed -> new InboxBench(parsed).execute());
    }

    static final String USAGE = String.join("\n",
            "usage: java -cp gongzhi-load-driver.jar org.gongzhi.load.InboxBench [options]   (run from the repository root)",
            BenchOptions.PLATFORM_USAGE,
            "  --cases N                     top the district up to N cases first (default 100000; 0: add none)",
            "  --days D                      reported over the last D days (default 180)",
            "  --ending E                    ... of a span that ends E days ago (default 0: now); a district's history",
            "  --seed-only true              only top the district up, time nothing",
            "  --threads T --warmup W --rounds R   T clients, W unrecorded and R recorded rounds each (4, 20, 100)",
            "  --dispatcher U --grid-worker U --handler U --password P   the accounts (demo accounts and password)");

    private int execute() throws SQLException, IOException, InterruptedException, TokenException {
        String tenantId = options.get("--tenant");
        TenantDefinition tenant = new TenantDefinitionReader().read(Path.of(options.get("--tenants-dir")).resolve(tenantId));
        String password = Files.readAllLines(Path.of(options.get("--db-password-file"))).get(0).strip();
        List<String> open;
        String numberPrefix;
        try (Connection db = DriverManager.getConnection(options.get("--db-url"), options.get("--db-user"), password)) {
            long target = ArgValues.integer("--cases", options.get("--cases"), 0, 10_000_000);
            long have = CaseLoader.count(db, tenantId);
            if (have < target) {
                System.out.printf("seeding %d cases into %s (it has %d) …%n", target - have, tenantId, have);
                long t0 = System.nanoTime();
                long ending = ArgValues.integer("--ending", options.get("--ending"), 0, 3650);
                Instant end = Instant.now().minus(Duration.ofDays(ending));
                new CaseLoader(tenant, 13).load(db, target - have, end,
                        (int) ArgValues.integer("--days", options.get("--days"), 1, 3650));
                System.out.printf("seeded in %.1f s (COPY, then vacuum analyse)%n", (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("%s has %d cases%n", tenantId, CaseLoader.count(db, tenantId));
            if (Boolean.parseBoolean(options.get("--seed-only"))) {
                return 0;
            }
            open = openCases(db, tenantId);
            numberPrefix = tenant.adminCode() + "-" + LocalDate.now(tenant.timeZone()).minusDays(3)
                    .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        }
        if (open.isEmpty()) {
            throw new IllegalArgumentException("the district has no open case to open");
        }
        URI keycloak = URI.create(options.get("--keycloak"));
        Duration timeout = Duration.ofSeconds(30);
        TokenCache dispatcher = new TokenCache(http, keycloak, tenantId,
                new Credentials(options.get("--dispatcher"), options.get("--password")), timeout, System::nanoTime);
        TokenCache gridWorker = new TokenCache(http, keycloak, tenantId,
                new Credentials(options.get("--grid-worker"), options.get("--password")), timeout, System::nanoTime);
        TokenCache handler = new TokenCache(http, keycloak, tenantId,
                new Credentials(options.get("--handler"), options.get("--password")), timeout, System::nanoTime);
        dispatcher.token();
        gridWorker.token();
        handler.token();

        String street = tenant.grids().all().stream().filter(n -> n.level() == GridLevel.STREET).findFirst()
                .map(GridNode::code).orElseThrow();
        String week = LocalDate.now(tenant.timeZone()).minusDays(7).toString();
        String dept = tenant.departments().get(0).code();
        String inbox = "/cases?status=" + OPEN + "&sort=due&limit=50";
        List<Call> calls = List.of(
                new Call("inbox: open, by due", dispatcher, () -> inbox),
                new Call("summary", dispatcher, () -> "/cases/summary"),
                new Call("all, newest first", dispatcher, () -> "/cases?limit=50"),
                new Call("family", dispatcher, () -> inbox + "&family=COMPREHENSIVE_GOVERNANCE"),
                new Call("tier", dispatcher, () -> inbox + "&tier=difficult"),
                new Call("grid (street)", dispatcher, () -> inbox + "&grid=" + street),
                new Call("department", dispatcher, () -> inbox + "&department=" + dept),
                new Call("category", dispatcher, () -> inbox + "&category=" + tenant.leafCategories().get(0).code()),
                new Call("channel", dispatcher, () -> inbox + "&channel=hotline"),
                new Call("overdue", dispatcher, () -> "/cases?overdue=true&sort=due&limit=50"),
                new Call("due within 24 h", dispatcher, () -> "/cases?dueWithin=24&sort=due&limit=50"),
                new Call("colour red", dispatcher, () -> inbox + "&attribute=" + enc("colour:red")),
                new Call("text in the inbox", dispatcher, () -> inbox + "&q=" + enc("纠纷")),
                new Call("text: 2 characters", dispatcher, () -> "/cases?limit=50&q=" + enc("纠纷")),
                new Call("text: case number", dispatcher, () -> "/cases?limit=50&q=" + enc(numberPrefix)),
                // the case loader's reporters' phones (000-0000-nnnn): the phone's key or a number's start (V28)
                new Call("text: phone", dispatcher, () -> "/cases?limit=50&q=" + enc(String.format("000-0000-%04d",
                        ThreadLocalRandom.current().nextInt(10_000)))),
                new Call("last 7 days", dispatcher, () -> "/cases?limit=50&from=" + week),
                new Call("summary, due within 4 h", dispatcher, () -> "/cases/summary?dueWithin=4&family=LIVELIHOOD"),
                new Call("case detail", dispatcher, () -> "/cases/" + pick(open)),
                new Call("case journal", dispatcher, () -> "/cases/" + pick(open) + "/journal"),
                new Call("grid worker: inbox", gridWorker, () -> inbox),
                new Call("grid worker: summary", gridWorker, () -> "/cases/summary"),
                new Call("department: inbox", handler, () -> inbox),
                new Call("department: summary", handler, () -> "/cases/summary"),
                new Call("KPIs: this month", dispatcher, () -> "/kpis"),
                new Call("KPIs by street, this month", dispatcher, () -> "/kpis/breakdown?dimension=grid"),
                new Call("KPIs by department, this month", dispatcher, () -> "/kpis/breakdown?dimension=department"));
        calls.forEach(c -> latencies.put(c.name(), new Histogram(60_000_000L, 3)));

        int threads = (int) ArgValues.integer("--threads", options.get("--threads"), 1, 64);
        int warmup = (int) ArgValues.integer("--warmup", options.get("--warmup"), 0, 100_000);
        int rounds = (int) ArgValues.integer("--rounds", options.get("--rounds"), 1, 100_000);
        System.out.printf("%d clients × (%d warm-up + %d measured rounds) × %d calls …%n", threads, warmup, rounds,
                calls.size());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> rounds(calls, tenantId, warmup, rounds), "inbox-client-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return report(calls, threads);
    }

    private void rounds(List<Call> calls, String tenantId, int warmup, int rounds) {
        try {
            for (int r = 0; r < warmup + rounds; r++) {
                for (Call c : calls) {
                    time(c, tenantId, r >= warmup);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void time(Call c, String tenantId, boolean record) throws InterruptedException {
        String token;
        try {
            token = c.caller().token();
        } catch (TokenException e) {
            fail(c, "no token: " + e.getMessage());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("--base") + "/api/v1/tenants/" + tenantId
                        + c.path().get())).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            fail(c, "no answer: " + e.getMessage());
            return;
        }
        long micros = (System.nanoTime() - t0) / 1000;
        if (answer.statusCode() != 200) {
            fail(c, "HTTP " + answer.statusCode() + " " + request.uri() + ": " + ApiClient.Reply.label(answer.statusCode())
                    + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
            return;
        }
        if (record) {
            Histogram h = latencies.get(c.name());
            synchronized (h) {
                h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
            }
        } else {
            long total = ApiClient.number(answer.body(), "total");
            if (total >= 0) {
                matches.put(c.name(), total);
            }
        }
    }

    private void fail(Call c, String what) {
        errors.computeIfAbsent(c.name(), k -> new AtomicLong()).incrementAndGet();
        if (firstErrors.size() < 5) {
            firstErrors.add(c.name() + ": " + what);
        }
    }

    private int report(List<Call> calls, int threads) {
        System.out.printf("%n%-26s %7s %9s %8s %8s %8s %8s  %s%n", "call (" + threads + " clients)", "count", "matches",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        boolean ok = true;
        String slowest = null;
        double slowestP95 = -1;
        for (Call c : calls) {
            Histogram h = latencies.get(c.name());
            double p95 = h.getValueAtPercentile(95) / 1000.0;
            long failed = errors.getOrDefault(c.name(), new AtomicLong()).get();
            System.out.printf("%-26s %7d %9s %8.1f %8.1f %8.1f %8.1f  %d%n", c.name(), h.getTotalCount(),
                    matches.containsKey(c.name()) ? matches.get(c.name()).toString() : "–",
                    h.getValueAtPercentile(50) / 1000.0, p95, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                    failed);
            ok &= failed == 0 && h.getTotalCount() > 0 && p95 < TARGET_MILLIS;
            if (p95 > slowestP95) {
                slowestP95 = p95;
                slowest = c.name();
            }
        }
        firstErrors.forEach(e -> System.out.println("error: " + e));
        System.out.printf("%nslowest p95: %s, %.1f ms — target p95 < %d ms: %s%n", slowest, slowestP95, TARGET_MILLIS,
                ok ? "MET" : "MISSED");
        return ok ? 0 : 1;
    }

    /** Up to 500 open cases of the district, in random order: what a dispatcher opens from the inbox. */
    private static List<String> openCases(Connection db, String tenantId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select id from case_record where tenant_id = ? and status not in "
                + "('CLOSED', 'EVALUATED', 'REJECTED') order by random() limit 500")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    private static String pick(List<String> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
