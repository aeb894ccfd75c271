package org.gongzhi.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line, parsed and bounded. Every loop of the driver is limited by these values. */
record Options(URI base, List<TenantProfile> tenants, int threads, Duration duration, Duration warmup,
               double rate, double closeFraction, long maxCases, Path out, boolean allowRemote,
               Duration healthTimeout, Duration requestTimeout, String actor, long maxErrors) {

    static final int MAX_THREADS = 512;
    static final long MAX_CASES = 10_000_000L;
    static final Duration MAX_DURATION = Duration.ofHours(24);

    static final String USAGE = String.join("\n",
            "usage: java -jar gongzhi-load-driver.jar [options]",
            "  --base URL              API base (default http://127.0.0.1:8181; loopback only unless --allow-remote)",
            "  --tenants a,b,c         tenants to report into, round-robin (default jizhou,donghu,jiangbei)",
            "  --threads N             worker threads (default 8, at most " + MAX_THREADS + ")",
            "  --duration D            measured time, e.g. 30s, 2m (default 30s, at most 24h)",
            "  --warmup D              unmeasured time before it (default 5s)",
            "  --rate N                open loop: N case intakes per second in total; 0 = closed loop (default 0)",
            "  --close-fraction F      fraction 0..1 of cases driven through all six transitions (default 1.0)",
            "  --max-cases N           stop after N cases, warm-up included (default 100000)",
            "  --max-errors N          stop early after N failed calls (default 100)",
            "  --out FILE              also write the report as JSON",
            "  --profile t=grid,cat,dep  grid, category and lead department for a tenant not among the demo ones",
            "  --actor NAME            X-Gongzhi-Actor header for the journal (default load-driver)",
            "  --health-timeout D      how long to wait for GET /api/v1/health = 200 (default 120s)",
            "  --request-timeout D     per request (default 30s)",
            "  --allow-remote          permit a non-loopback --base",
            "  --help");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static Options parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, TenantProfile> profiles = new LinkedHashMap<>(TenantProfile.DEMO);
        boolean allowRemote = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--allow-remote" -> allowRemote = true;
                case "--help", "-h" -> throw new HelpRequested();
                case "--base", "--tenants", "--threads", "--duration", "--warmup", "--rate", "--close-fraction",
                        "--max-cases", "--max-errors", "--out", "--profile", "--actor", "--health-timeout", "--request-timeout" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (a.equals("--profile")) {
                        TenantProfile p = TenantProfile.parse(value);
                        profiles.put(p.tenant(), p);
                    } else if (v.put(a, value) != null) {
                        throw new IllegalArgumentException(a + " given twice");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        return build(v, profiles, allowRemote);
    }

    private static Options build(Map<String, String> v, Map<String, TenantProfile> profiles, boolean allowRemote) {
        URI base = LoopbackGuard.check(v.getOrDefault("--base", "http://127.0.0.1:8181"), allowRemote);
        List<TenantProfile> tenants = new ArrayList<>();
        for (String t : v.getOrDefault("--tenants", "jizhou,donghu,jiangbei").split(",")) {
            String id = TenantProfile.checkId(t.trim());
            TenantProfile p = profiles.get(id);
            if (p == null) {
                throw new IllegalArgumentException("no profile for tenant " + id + ": known are " + profiles.keySet()
                        + "; add --profile " + id + "=gridCode,categoryCode,department");
            }
            if (tenants.contains(p)) {
                throw new IllegalArgumentException("tenant listed twice: " + id);
            }
            tenants.add(p);
        }
        int threads = (int) ArgValues.integer("--threads", v.getOrDefault("--threads", "8"), 1, MAX_THREADS);
        Duration duration = ArgValues.duration("--duration", v.getOrDefault("--duration", "30s"),
                Duration.ofMillis(100), MAX_DURATION);
        Duration warmup = ArgValues.duration("--warmup", v.getOrDefault("--warmup", "5s"), Duration.ZERO, MAX_DURATION);
        double rate = ArgValues.decimal("--rate", v.getOrDefault("--rate", "0"), 0, 100_000);
        double fraction = ArgValues.decimal("--close-fraction", v.getOrDefault("--close-fraction", "1.0"), 0, 1);
        long maxCases = ArgValues.integer("--max-cases", v.getOrDefault("--max-cases", "100000"), 1, MAX_CASES);
        long maxErrors = ArgValues.integer("--max-errors", v.getOrDefault("--max-errors", "100"), 1, MAX_CASES);
        Path out = v.containsKey("--out") ? Path.of(v.get("--out")) : null;
        Duration health = ArgValues.duration("--health-timeout", v.getOrDefault("--health-timeout", "120s"),
                Duration.ZERO, Duration.ofHours(1));
        Duration request = ArgValues.duration("--request-timeout", v.getOrDefault("--request-timeout", "30s"),
                Duration.ofMillis(100), Duration.ofMinutes(10));
        String actor = v.getOrDefault("--actor", "load-driver").trim();
        if (actor.isEmpty() || actor.length() > 100 || !actor.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("--actor must be 1-100 visible ASCII characters: " + actor);
        }
        return new Options(base, List.copyOf(tenants), threads, duration, warmup, rate, fraction, maxCases, out,
                allowRemote, health, request, actor, maxErrors);
    }

    boolean openLoop() {
        return rate > 0;
    }

    /** Thrown by {@link #parse} for {@code --help}. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help", null, false, false);
        }
    }
}
