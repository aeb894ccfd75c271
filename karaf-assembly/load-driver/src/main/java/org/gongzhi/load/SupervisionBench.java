package org.gongzhi.load;

import java.io.IOException;
import java.net.URI;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.gongzhi.caseloader.CaseLoader;
import org.gongzhi.cli.ArgValues;
import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;

/**
 * Issue 16's target: <i>10,000 cases crossing their warning time in the same minute: all notified within
 * 60 s, each exactly once, while the API's p99 rises by less than 20 %.</i> Writes {@code --seed} dispatched
 * cases into the running platform's database whose warning times (the district's SLA clock: registered
 * {@code 0.8 × limit} before) are spread evenly over one minute at least {@code --lead} seconds ahead, all in
 * one grid and lead department, so the supervision sweep reminds whoever holds them (the department's people
 * and robot group, the grid worker, the dispatchers). Sets the holders' channel preferences through the API
 * ({@code --channels}; the inbox always), then runs a steady open-loop load of the console's inbox calls
 * ({@code --rate} calls per second, latency from the intended start) from before that minute until every
 * notification was delivered (or {@code --window} seconds after the minute began). Reads from the database:
 * reminders per case, notification rows per (case, recipient, channel), warning time → written and
 * → delivered. Exit 0 when the target is met, 1 otherwise, 2 for a setup error.
 */
public final class SupervisionBench {

    private static final String OPEN = "reported,registered,dispatched,handling,postponed,feedback,verified";
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final double API_TARGET = 1.20;
    private static final String EVENT = "supervision.reminder.warning";

    private final Map<String, String> options;
    private final HttpClient http = BenchOptions.http();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    /** Each API call: intended start (epoch ms) and latency (µs). */
    private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());

    private SupervisionBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> o = BenchOptions.platformDefaults(0, 365);
        o.putAll(Map.of("--seed", "10000", "--lead", "120", "--warmup", "15", "--rate", "20", "--window", "180",
                "--grid", "360802001001001", "--department", "CG", "--category", "CM0101",
                "--recipients", "jz-cg,jz-grid1,jz-dispatcher", "--channels", "sms"));
        o.putAll(Map.of("--dispatcher", "jz-dispatcher", "--password", Options.DEMO_PASSWORD, "--out", ""));
        return BenchOptions.run("supervision-bench", USAGE, args, o, parsed -> new SupervisionBench(parsed).execute());
    }

    static final String USAGE = String.join("\n",
            "usage: java -cp gongzhi-load-driver.jar org.gongzhi.load.SupervisionBench [options]   (run from the repository root)",
            BenchOptions.PLATFORM_USAGE,
            "  --cases N --days D            first top the district up to N cases of the last D days (0, 365; 0: add none)",
            "  --seed N                      cases whose warning times fall in one minute (10000)",
            "  --lead S                      that minute starts at least S seconds after the seeding (120)",
            "  --grid G --department D --category C   where the cases are and who holds them (360802001001001, CG, CM0101)",
            "  --recipients U,U --channels C,C   the holders whose preferences are set first, and to what (jz-cg,jz-grid1,jz-dispatcher; sms)",
            "  --rate R --warmup S           API calls per second of the steady load, unrecorded seconds first (20, 15)",
            "  --window S                    stop waiting for deliveries S seconds after the minute began (180)",
            "  --dispatcher U --password P   the API load's account and everyone's password (jz-dispatcher, the demo password)",
            "  --out FILE                    also write the figures as JSON");

    /** What the JSON report holds. */
    record Result(String tenant, int seeded, String warningMinute, List<String> pairsPerCase,
                  SupervisionTally.Figures figures, Api apiBefore, Api apiDuring, double apiP99Ratio, long apiErrors,
                  boolean notificationsMet, boolean apiMet) {
    }

    /** API latency in one period (ms). */
    record Api(String from, String to, long calls, double p50, double p95, double p99, double max) {
    }

    private int execute() throws SQLException, IOException, InterruptedException, TokenException {
        String tenantId = options.get("--tenant");
        TenantDefinition tenant = new TenantDefinitionReader().read(Path.of(options.get("--tenants-dir")).resolve(tenantId));
        String dbPassword = Files.readAllLines(Path.of(options.get("--db-password-file"))).get(0).strip();
        int n = (int) ArgValues.integer("--seed", options.get("--seed"), 1, 1_000_000);
        Duration lead = Duration.ofSeconds(ArgValues.integer("--lead", options.get("--lead"), 30, 3600));
        Duration warmup = Duration.ofSeconds(ArgValues.integer("--warmup", options.get("--warmup"), 0, 600));
        Duration window = Duration.ofSeconds(ArgValues.integer("--window", options.get("--window"), 60, 3600));
        int rate = (int) ArgValues.integer("--rate", options.get("--rate"), 1, 1000);
        CategoryDefinition category = tenant.category(options.get("--category"))
                .orElseThrow(() -> new IllegalArgumentException("--category: no such category"));
        GridNode grid = tenant.grids().find(options.get("--grid"))
                .orElseThrow(() -> new IllegalArgumentException("--grid: no such grid"));
        String department = tenant.department(options.get("--department"))
                .orElseThrow(() -> new IllegalArgumentException("--department: no such department")).code();

        URI keycloak = URI.create(options.get("--keycloak"));
        TokenCache dispatcher = token(keycloak, tenantId, options.get("--dispatcher"));
        for (String who : options.get("--recipients").split(",")) {
            if (!who.isBlank()) {
                setChannels(token(keycloak, tenantId, who.strip()), tenantId, options.get("--channels"));
            }
        }

        Map<UUID, Instant> warnings;
        Instant minute;
        List<String> open;
        try (Connection db = DriverManager.getConnection(options.get("--db-url"), options.get("--db-user"), dbPassword)) {
            long target = ArgValues.integer("--cases", options.get("--cases"), 0, 10_000_000);
            long have = CaseLoader.count(db, tenantId);
            if (have < target) {
                System.out.printf("loading %d cases into %s (it has %d) …%n", target - have, tenantId, have);
                new CaseLoader(tenant, 19).load(db, target - have, Instant.now(),
                        (int) ArgValues.integer("--days", options.get("--days"), 1, 3650));
            }
            minute = Instant.now().plus(lead).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            long t0 = System.nanoTime();
            warnings = seed(db, tenant, n, minute, category, grid, department);
            System.out.printf("seeded %d cases in %s whose warning times fall in %s–%s (%.1f s)%n", n, tenantId, minute,
                    minute.plus(LIMIT), (System.nanoTime() - t0) / 1e9);
            open = ScreenBench.openCases(db, tenantId);
        }

        String base = options.get("--base") + "/api/v1/tenants/" + tenantId;
        String week = LocalDate.now(tenant.timeZone()).minusDays(7).toString();
        String inbox = "/cases?status=" + OPEN + "&sort=due&limit=50";
        AtomicInteger pick = new AtomicInteger();
        List<Supplier<String>> calls = List.of(() -> inbox, () -> "/cases/summary", () -> "/cases?limit=50",
                () -> "/cases?overdue=true&sort=due&limit=50", () -> "/cases?limit=50&from=" + week,
                () -> "/cases/" + open.get(pick.getAndIncrement() % open.size()),
                () -> "/cases/" + open.get(pick.getAndIncrement() % open.size()) + "/journal");
        Instant loadStart = Instant.now();
        Instant measureFrom = loadStart.plus(warmup);
        System.out.printf("steady load: %d inbox calls/s from %s; warnings %s–%s; waiting for the deliveries …%n", rate,
                loadStart, minute, minute.plus(LIMIT));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Instant ended;
        Map<UUID, Instant> seen = new HashMap<>();
        try (Connection db = DriverManager.getConnection(options.get("--db-url"), options.get("--db-user"), dbPassword)) {
            Thread pacer = new Thread(() -> pace(pool, dispatcher, base, calls, rate), "api-pacer");
            pacer.setDaemon(true);
            pacer.start();
            ended = await(db, tenantId, warnings, minute, window, seen);
            pacer.interrupt();
            pacer.join();
        } finally {
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }

        SupervisionTally.Figures f;
        List<String> pairs;
        try (Connection db = DriverManager.getConnection(options.get("--db-url"), options.get("--db-user"), dbPassword)) {
            List<SupervisionTally.Row> rows = visible(rows(db, tenantId, warnings), seen);
            f = SupervisionTally.tally(warnings, reminders(db, tenantId, warnings), rows);
            pairs = SupervisionTally.pairs(rows);
        }
        Instant duringTo = f.lastDeliveredMillis() < 0 ? ended
                : max(minute.plus(LIMIT), Instant.ofEpochMilli(f.lastDeliveredMillis()));
        Api before = api(measureFrom, minute);
        Api during = api(minute, min(duringTo, ended));
        double ratio = before.p99() > 0 ? during.p99() / before.p99() : Double.NaN;
        boolean notified = f.met(LIMIT);
        boolean apiOk = before.calls() > 0 && during.calls() > 0 && ratio < API_TARGET && errors.get() == 0;
        Result result = new Result(tenantId, n, minute.toString(), pairs, f, before, during, ratio, errors.get(), notified,
                apiOk);
        print(result);
        if (!options.get("--out").isBlank()) {
            ReportText.writeJson(result, Path.of(options.get("--out")));
            System.out.println("JSON report written to " + options.get("--out"));
        }
        return notified && apiOk ? 0 : 1;
    }

    /**
     * The registration instant whose warning time, by {@code sla} for {@code tier}, is the earliest at or after
     * {@code warning} (to the millisecond; the warning time never decreases with the registration).
     */
    static Instant registeredFor(SlaClock sla, SlaTier tier, Instant warning) {
        long lo = warning.minus(Duration.ofDays(120)).toEpochMilli();
        long hi = warning.toEpochMilli();
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Instant r = Instant.ofEpochMilli(mid);
            if (sla.warningAt(r, sla.dueAt(tier, r)).isBefore(warning)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Instant.ofEpochMilli(lo);
    }

    /** The seeded cases' warning instants, evenly over [{@code minute}, {@code minute} + 60 s). */
    static List<Instant> spread(Instant minute, int n) {
        List<Instant> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(minute.plusMillis(LIMIT.toMillis() * i / n));
        }
        return out;
    }

    /**
     * Writes {@code n} dispatched cases (reported 5 minutes before registration, dispatched 2 minutes after)
     * with their three journal entries, as the platform would have; answers their warning times.
     */
    private static Map<UUID, Instant> seed(Connection db, TenantDefinition tenant, int n, Instant minute,
                                           CategoryDefinition category, GridNode grid, String department)
            throws SQLException {
        SlaClock sla = tenant.slaClock();
        Map<UUID, Instant> warnings = new LinkedHashMap<>();
        UUID[] ids = new UUID[n];
        String[] registered = new String[n];
        String[] due = new String[n];
        String[] warning = new String[n];
        List<Instant> spread = spread(minute, n);
        for (int i = 0; i < n; i++) {
            Instant r = registeredFor(sla, category.tier(), spread.get(i));
            Instant d = sla.dueAt(category.tier(), r);
            Instant w = sla.warningAt(r, d);
            if (w.isBefore(minute) || !w.isBefore(minute.plus(LIMIT))) {
                throw new IllegalArgumentException("--category: its SLA gives no warning time in " + minute
                        + " + 60 s (" + w + "); choose a category with an hour-based limit");
            }
            ids[i] = UUID.randomUUID();
            registered[i] = r.toString();
            due[i] = d.toString();
            warning[i] = w.toString();
            warnings.put(ids[i], w);
        }
        String path = String.join("/", tenant.grids().pathTo(grid.code()).stream().map(GridNode::code).toList());
        String prefix = tenant.adminCode() + "-" + LocalDate.ofInstant(minute, tenant.timeZone())
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-";
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement cases = db.prepareStatement("insert into case_record (id, tenant_id, case_number, title,"
                + " description, category_code, family, channel, status, tier, grid_code, grid_path, lead_department,"
                + " reported_at, registered_at, dispatched_at, due_at, warning_at, version)"
                + " select u.id, ?, ? || lpad((nextval('case_number_seq') % 1000000)::text, 6, '0'), ?, ?, ?, ?, ?,"
                + " 'DISPATCHED', ?, ?, ?, ?, u.reg - interval '5 minutes', u.reg, u.reg + interval '2 minutes', u.due,"
                + " u.warn, 2 from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])"
                + " as u(id, reg, due, warn)");
             PreparedStatement journal = db.prepareStatement("insert into case_journal (tenant_id, case_id, seq,"
                     + " occurred_at, actor, action, from_status, to_status, note) select c.tenant_id, c.id, s.seq,"
                     + " case s.seq when 1 then c.reported_at when 2 then c.registered_at else c.dispatched_at end,"
                     + " s.actor, s.action, s.from_status, s.to_status, s.note from case_record c cross join (values"
                     + " (1, 'supervision-bench', null, null, 'REPORTED', ?),"
                     + " (2, 'supervision-bench', 'REGISTER', 'REPORTED', 'REGISTERED', null),"
                     + " (3, 'supervision-bench', 'DISPATCH', 'REGISTERED', 'DISPATCHED', null))"
                     + " as s(seq, actor, action, from_status, to_status, note)"
                     + " where c.tenant_id = ? and c.id = any (?::uuid[])")) {
            int i = 1;
            cases.setString(i++, tenant.id());
            cases.setString(i++, prefix);
            cases.setString(i++, category.name());
            cases.setString(i++, "督办压测：" + grid.name() + category.name() + "，请处置。");
            cases.setString(i++, category.code());
            cases.setString(i++, category.family().name());
            cases.setString(i++, Channel.GRID_WORKER.wireName());
            cases.setString(i++, category.tier().name());
            cases.setString(i++, grid.code());
            cases.setString(i++, path);
            cases.setString(i++, department);
            cases.setArray(i++, db.createArrayOf("uuid", ids));
            cases.setArray(i++, db.createArrayOf("varchar", registered));
            cases.setArray(i++, db.createArrayOf("varchar", due));
            cases.setArray(i, db.createArrayOf("varchar", warning));
            cases.executeUpdate();
            journal.setString(1, category.name() + "，请尽快处理");
            journal.setString(2, tenant.id());
            journal.setArray(3, db.createArrayOf("uuid", ids));
            journal.executeUpdate();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
        try (Statement s = db.createStatement()) {
            s.execute("analyze case_record");
            s.execute("analyze case_journal");
        }
        return warnings;
    }

    /** Issues the calls at {@code rate} per second on {@code pool} until interrupted. */
    private void pace(ExecutorService pool, TokenCache caller, String base, List<Supplier<String>> calls, int rate) {
        long period = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long wallAtNext = System.currentTimeMillis();
        long nanoAtNext = next;
        int i = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long intended = next;
                long intendedWall = wallAtNext + (intended - nanoAtNext) / 1_000_000;
                String uri = base + calls.get(i++ % calls.size()).get();
                pool.execute(() -> call(caller, uri, intended, intendedWall));
                next += period;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void call(TokenCache caller, String uri, long intendedNanos, long intendedWall) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + caller.token())
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long micros = (System.nanoTime() - intendedNanos) / 1000;
            if (answer.statusCode() == 200) {
                samples.add(new long[] {intendedWall, micros});
            } else {
                fail("HTTP " + answer.statusCode() + " " + uri + ": "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        } catch (IOException | TokenException e) {
            fail(uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every second: which seeded cases' reminders have become visible (committed) since the last look, noted
     * with the time of the look ({@code seen}); every 5 s the notifications written and delivered. Returns once
     * each case has its reminder and every notification row is delivered (at least 60 s after the minute
     * began), or at {@code minute + window}.
     */
    private static Instant await(Connection db, String tenantId, Map<UUID, Instant> warnings, Instant minute,
                                 Duration window, Map<UUID, Instant> seen) throws SQLException, InterruptedException {
        UUID[] ids = warnings.keySet().toArray(UUID[]::new);
        Instant until = minute.plus(window);
        long lastCount = 0;
        long rows = 0;
        long delivered = 0;
        try (PreparedStatement reminders = db.prepareStatement("select case_id from supervision where tenant_id = ?"
                + " and kind = 'REMINDER' and trigger = 'WARNING' and issued_at >= ?");
             // the rows this run's sweep writes (at or after the minute began); by time, not by a 10,000-id array:
             // that form read every outbox row against the array every 5 s and loaded the machine it measures
             PreparedStatement outbox = db.prepareStatement("select count(*), count(*) filter (where state = 'DELIVERED')"
                     + " from notification_outbox where tenant_id = ? and event = '" + EVENT + "' and created_at >= ?")) {
            reminders.setString(1, tenantId);
            reminders.setObject(2, java.time.OffsetDateTime.ofInstant(minute, java.time.ZoneOffset.UTC));
            outbox.setString(1, tenantId);
            outbox.setObject(2, java.time.OffsetDateTime.ofInstant(minute, java.time.ZoneOffset.UTC));
            while (true) {
                Thread.sleep(1000);
                Instant now = Instant.now();
                if (now.isBefore(minute)) {
                    continue;
                }
                List<UUID> visible = new ArrayList<>();
                try (ResultSet r = reminders.executeQuery()) {
                    while (r.next()) {
                        visible.add(r.getObject(1, UUID.class));
                    }
                }
                Instant looked = Instant.now(); // committed before the query's snapshot: no later than this
                visible.stream().filter(warnings::containsKey).forEach(id -> seen.putIfAbsent(id, looked));
                if (System.currentTimeMillis() - lastCount >= 5_000) {
                    lastCount = System.currentTimeMillis();
                    try (ResultSet r = outbox.executeQuery()) {
                        r.next();
                        rows = r.getLong(1);
                        delivered = r.getLong(2);
                    }
                    System.out.printf("  minute + %3d s: %d reminders, %d notifications written, %d delivered%n",
                            Duration.between(minute, now).toSeconds(), seen.size(), rows, delivered);
                }
                boolean done = seen.size() >= ids.length && rows > 0 && delivered == rows;
                if (done && now.isAfter(minute.plus(LIMIT)) || now.isAfter(until)) {
                    return now;
                }
            }
        }
    }

    private static Map<UUID, Integer> reminders(Connection db, String tenantId, Map<UUID, Instant> warnings)
            throws SQLException {
        Map<UUID, Integer> out = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select case_id, count(*) from supervision where tenant_id = ?"
                + " and case_id = any (?::uuid[]) and kind = 'REMINDER' and trigger = 'WARNING' group by case_id")) {
            s.setString(1, tenantId);
            s.setArray(2, db.createArrayOf("uuid", warnings.keySet().toArray(UUID[]::new)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getObject(1, UUID.class), r.getInt(2));
                }
            }
        }
        return out;
    }

    private static List<SupervisionTally.Row> rows(Connection db, String tenantId, Map<UUID, Instant> warnings)
            throws SQLException {
        List<SupervisionTally.Row> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select case_id, destination, channel, state, created_at,"
                + " delivered_at from notification_outbox where tenant_id = ? and case_id = any (?::uuid[])"
                + " and event = '" + EVENT + "'")) {
            s.setString(1, tenantId);
            s.setArray(2, db.createArrayOf("uuid", warnings.keySet().toArray(UUID[]::new)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    java.sql.Timestamp delivered = r.getTimestamp(6);
                    out.add(new SupervisionTally.Row(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                            r.getString(4), r.getTimestamp(5).toInstant(), delivered == null ? null : delivered.toInstant()));
                }
            }
        }
        return out;
    }

    /**
     * The rows with the moment their reminder was first seen committed as written time, and as delivery time of
     * the inbox rows (written as delivered in the sweep's transaction: visible when it commits, while its
     * timestamps are the sweep's start).
     */
    static List<SupervisionTally.Row> visible(List<SupervisionTally.Row> rows, Map<UUID, Instant> seen) {
        return rows.stream().map(r -> {
            Instant at = seen.getOrDefault(r.caseId(), r.createdAt());
            boolean inbox = "INBOX".equals(r.channel()) && r.deliveredAt() != null;
            return new SupervisionTally.Row(r.caseId(), r.destination(), r.channel(), r.state(), at,
                    inbox ? at : r.deliveredAt());
        }).toList();
    }

    /** The API's latency of the calls intended to start in [from, to). */
    private Api api(Instant from, Instant to) {
        Histogram h = new Histogram(60_000_000L, 3);
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        synchronized (samples) {
            for (long[] s : samples) {
                if (s[0] >= a && s[0] < b) {
                    h.recordValue(Math.min(s[1], h.getHighestTrackableValue()));
                }
            }
        }
        return new Api(from.toString(), to.toString(), h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private TokenCache token(URI keycloak, String tenantId, String user) throws TokenException, InterruptedException {
        TokenCache t = new TokenCache(http, keycloak, tenantId, new Credentials(user, options.get("--password")),
                Duration.ofSeconds(30), System::nanoTime);
        t.token();
        return t;
    }

    /** {@code PUT …/me/notification-preferences} as {@code who}: these channels (and the inbox), no quiet hours. */
    private void setChannels(TokenCache who, String tenantId, String channels) throws IOException, InterruptedException,
            TokenException {
        List<String> wanted = java.util.Arrays.stream(channels.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .toList();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("channels", wanted));
        HttpRequest put = HttpRequest.newBuilder(URI.create(options.get("--base") + "/api/v1/tenants/" + tenantId
                        + "/me/notification-preferences")).header("Authorization", "Bearer " + who.token())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new IOException("preferences not set: HTTP " + answer.statusCode() + " " + answer.body());
        }
    }

    private void fail(String what) {
        errors.incrementAndGet();
        if (firstErrors.size() < 5) {
            firstErrors.add(what);
        }
    }

    private void print(Result r) {
        SupervisionTally.Figures f = r.figures();
        System.out.printf("%n%d cases, warning times in %s + 60 s; per case: %s%n", r.seeded(), r.warningMinute(),
                r.pairsPerCase());
        System.out.printf("warning reminders: %d (cases with more than one: %d)%n", f.reminders(), f.duplicateRecords());
        System.out.printf("notifications: %s written, %s delivered; duplicates per (case, recipient, channel): %d;"
                + " cases not notified: %d%n", f.notifications(), f.delivered(), f.duplicates(), f.notNotified());
        System.out.printf("%-34s %8s %9s %9s %9s%n", "delay from the warning time", "count", "p50 s", "p99 s", "max s");
        delays("written (the sweep)", f.written());
        delays("delivered, all channels", f.delivery());
        f.byChannel().forEach((c, d) -> delays("delivered, " + c, d));
        System.out.printf("all notified within %d s, each once: %s%n", LIMIT.toSeconds(), r.notificationsMet() ? "MET" : "MISSED");
        System.out.printf("%n%-34s %8s %8s %8s %8s %8s%n", "API (open loop, " + options.get("--rate") + "/s)", "calls",
                "p50 ms", "p95 ms", "p99 ms", "max ms");
        api("before the minute", r.apiBefore());
        api("during (until the last delivery)", r.apiDuring());
        firstErrors.forEach(e -> System.out.println("error: " + e));
        System.out.printf("API p99 during / before: %.3f (target < %.2f), %d errors: %s%n", r.apiP99Ratio(), API_TARGET,
                r.apiErrors(), r.apiMet() ? "MET" : "MISSED");
    }

    private static void delays(String name, SupervisionTally.Delays d) {
        System.out.printf("%-34s %8d %9.1f %9.1f %9.1f%n", name, d.count(), d.p50() / 1000.0, d.p99() / 1000.0, d.max() / 1000.0);
    }

    private static void api(String name, Api a) {
        System.out.printf("%-34s %8d %8.1f %8.1f %8.1f %8.1f%n", name, a.calls(), a.p50(), a.p95(), a.p99(), a.max());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
