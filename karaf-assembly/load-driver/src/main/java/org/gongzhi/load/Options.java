package org.gongzhi.load;

import org.gongzhi.cli.ArgValues;
import org.gongzhi.cli.ProcCpu;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, parsed and bounded. Every loop of the driver is limited by these values.
 *
 * @param credentials the Keycloak account of each tenant of {@code tenants}, in the same order
 * @param dispatch    the settings of {@code --scenario dispatch}; {@code null} for the case-loop scenario
 * @param evaluate    the closed loop ends with {@code evaluate} after {@code close} ({@code --evaluate})
 * @param cpuPids     processes of this host whose CPU time the report shows, by name ({@code --cpu-pids}); empty:
 *                    no CPU figures
 */
record Options(URI base, List<TenantProfile> tenants, int threads, Duration duration, Duration warmup,
               double rate, double closeFraction, long maxCases, Path out, boolean allowRemote,
               Duration healthTimeout, Duration requestTimeout, long maxErrors, URI keycloak,
               Map<String, Credentials> credentials, DispatchPlan dispatch, boolean evaluate,
               Map<String, Long> cpuPids) {

    /**
     * {@code --scenario dispatch}: cases are reported and registered first, then dispatched at {@code --rate} per
     * second; the department simulator at {@code simulator} says when each arrived.
     *
     * @param outageAt     when, after the start of the dispatching (warm-up included), the simulator goes down
     * @param outage       for how long; {@link Duration#ZERO}: no outage
     * @param outageMode   {@code refuse} (connections closed) or {@code 503}
     * @param drainTimeout how long to wait after the last dispatch for every dispatch to arrive
     */
    record DispatchPlan(URI simulator, Duration outageAt, Duration outage, String outageMode, Duration drainTimeout) {
        boolean hasOutage() {
            return !outage.isZero();
        }
    }

    static final String DEMO_PASSWORD = "Gongzhi-demo-2026";
    static final int MAX_PASSWORD_FILE_BYTES = 4096;
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
            "  --keycloak URL          Keycloak issuing the tokens, one realm per tenant (default http://127.0.0.1:18080;",
            "                          loopback only unless --allow-remote)",
            "  --user t=USERNAME       account for tenant t, repeatable (default for the demo tenants: jz-admin,",
            "                          dh-admin, jb-admin; required for any other tenant)",
            "  --password PASSWORD     password of every --user (default the demo password of tenants/*/people.yaml)",
            "  --password-file FILE    read it from the first line of FILE instead (keeps it off the command line)",
            "  --health-timeout D      how long to wait for GET /api/v1/health = 200 (default 120s)",
            "  --request-timeout D     per request (default 30s)",
            "  --allow-remote          permit a non-loopback --base and --keycloak",
            "  --evaluate              the closed loop also evaluates each case after close (satisfaction 5)",
            "  --cpu-pids n=PID,...    CPU seconds of these processes of this host (each with its children) and of",
            "                          the driver's JVM over the measured time, also per closed case",
            "  --scenario loop|dispatch  loop (default): the case closed loop; dispatch: report and register",
            "                          cases first, then dispatch them at --rate per second and measure when the",
            "                          department simulator receives each one",
            "dispatch scenario:",
            "  --simulator URL         the department simulator the lead department's connector delivers to",
            "                          (default http://127.0.0.1:18091; loopback only unless --allow-remote)",
            "  --outage D              take the simulator down for D during the run (default 0 = no outage)",
            "  --outage-at D           … starting D after the first dispatch (default 10s)",
            "  --outage-mode M         refuse (close connections, default) or 503",
            "  --drain-timeout D       wait at most D after the last dispatch for all to arrive (default 5m)",
            "  --help");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static Options parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, TenantProfile> profiles = new LinkedHashMap<>(TenantProfile.DEMO);
        Map<String, String> users = new LinkedHashMap<>();
        boolean allowRemote = false;
        boolean evaluate = false;
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
                case "--evaluate" -> evaluate = true;
                case "--help", "-h" -> throw new HelpRequested();
                case "--base", "--tenants", "--threads", "--duration", "--warmup", "--rate", "--close-fraction",
                        "--max-cases", "--max-errors", "--out", "--profile", "--health-timeout", "--request-timeout",
                        "--keycloak", "--user", "--password", "--password-file", "--scenario", "--simulator",
                        "--outage", "--outage-at", "--outage-mode", "--drain-timeout", "--cpu-pids" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (a.equals("--profile")) {
                        TenantProfile p = TenantProfile.parse(value);
                        profiles.put(p.tenant(), p);
                    } else if (a.equals("--user")) {
                        user(value, users);
                    } else if (v.put(a, value) != null) {
                        throw new IllegalArgumentException(a + " given twice");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        return build(v, profiles, users, allowRemote, evaluate);
    }

    /** {@code name=PID,…} ({@code --cpu-pids}): names of letters, digits and dashes, other than the driver's own. */
    static Map<String, Long> cpuPids(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).trim();
            if (!name.matches("[A-Za-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("--cpu-pids must look like name=PID,name=PID (names of letters, "
                        + "digits and dashes): " + spec);
            }
            if (name.equals(CpuMeter.DRIVER)) {
                throw new IllegalArgumentException("--cpu-pids: the name " + CpuMeter.DRIVER
                        + " is the driver's own JVM, always measured: " + spec);
            }
            long pid = ArgValues.integer("--cpu-pids", item.substring(eq + 1), 1, Long.MAX_VALUE);
            if (ProcCpu.parent(pid) < 0) {
                throw new IllegalArgumentException("--cpu-pids: no process " + pid + " on this host (" + name + ")");
            }
            if (pids.put(name, pid) != null) {
                throw new IllegalArgumentException("--cpu-pids: " + name + " given twice");
            }
        }
        return Collections.unmodifiableMap(pids);
    }

    /** Adds {@code tenant=username} (the {@code --user} option) to {@code users}. */
    private static void user(String spec, Map<String, String> users) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--user must look like tenant=username: " + spec);
        }
        String tenant = TenantProfile.checkId(spec.substring(0, eq).trim());
        String username = spec.substring(eq + 1).trim();
        if (username.isEmpty() || username.length() > 255 || !username.codePoints().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException("--user: the username must be 1-255 characters without spaces: " + spec);
        }
        if (users.put(tenant, username) != null) {
            throw new IllegalArgumentException("--user given twice for tenant " + tenant);
        }
    }

    private static Options build(Map<String, String> v, Map<String, TenantProfile> profiles, Map<String, String> users,
                                 boolean allowRemote, boolean evaluate) {
        URI base = LoopbackGuard.check("--base", v.getOrDefault("--base", "http://127.0.0.1:8181"), allowRemote);
        URI keycloak = LoopbackGuard.check("--keycloak", v.getOrDefault("--keycloak", "http://127.0.0.1:18080"),
                allowRemote);
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
        String password = password(v);
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        for (TenantProfile p : tenants) {
            String username = users.getOrDefault(p.tenant(), TenantProfile.DEMO_USERS.get(p.tenant()));
            if (username == null) {
                throw new IllegalArgumentException("no account for tenant " + p.tenant()
                        + ": add --user " + p.tenant() + "=USERNAME (a user of Keycloak realm " + p.tenant()
                        + " who may report cases and take every step, e.g. its district-admin)");
            }
            credentials.put(p.tenant(), new Credentials(username, password));
        }
        for (String tenant : users.keySet()) {
            if (!credentials.containsKey(tenant)) {
                throw new IllegalArgumentException("--user for tenant " + tenant + ", which is not in --tenants");
            }
        }
        DispatchPlan dispatch = dispatchPlan(v, rate, allowRemote);
        if (dispatch != null && (evaluate || v.containsKey("--cpu-pids"))) {
            throw new IllegalArgumentException((evaluate ? "--evaluate" : "--cpu-pids") + " belongs to --scenario loop");
        }
        Map<String, Long> cpuPids = v.containsKey("--cpu-pids") ? cpuPids(v.get("--cpu-pids")) : Map.of();
        return new Options(base, List.copyOf(tenants), threads, duration, warmup, rate, fraction, maxCases, out,
                allowRemote, health, request, maxErrors, keycloak, Collections.unmodifiableMap(credentials),
                dispatch, evaluate, cpuPids);
    }

    /** The dispatch scenario's settings, or null for {@code --scenario loop}; its options are refused there. */
    private static DispatchPlan dispatchPlan(Map<String, String> v, double rate, boolean allowRemote) {
        String scenario = v.getOrDefault("--scenario", "loop");
        if (scenario.equals("loop")) {
            for (String only : List.of("--simulator", "--outage", "--outage-at", "--outage-mode", "--drain-timeout")) {
                if (v.containsKey(only)) {
                    throw new IllegalArgumentException(only + " belongs to --scenario dispatch");
                }
            }
            return null;
        }
        if (!scenario.equals("dispatch")) {
            throw new IllegalArgumentException("--scenario must be loop or dispatch: " + scenario);
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("--scenario dispatch needs --rate N (dispatches per second)");
        }
        if (v.containsKey("--close-fraction")) {
            throw new IllegalArgumentException("--close-fraction belongs to --scenario loop");
        }
        URI simulator = LoopbackGuard.check("--simulator", v.getOrDefault("--simulator", "http://127.0.0.1:18091"),
                allowRemote);
        Duration outage = ArgValues.duration("--outage", v.getOrDefault("--outage", "0"), Duration.ZERO,
                Duration.ofHours(1));
        Duration outageAt = ArgValues.duration("--outage-at", v.getOrDefault("--outage-at", "10s"), Duration.ZERO,
                MAX_DURATION);
        String mode = v.getOrDefault("--outage-mode", "refuse");
        if (!mode.equals("refuse") && !mode.equals("503")) {
            throw new IllegalArgumentException("--outage-mode must be refuse or 503: " + mode);
        }
        Duration drain = ArgValues.duration("--drain-timeout", v.getOrDefault("--drain-timeout", "5m"),
                Duration.ofSeconds(1), Duration.ofHours(2));
        return new DispatchPlan(simulator, outageAt, outage, mode, drain);
    }

    /** {@code --password}, the first line of {@code --password-file}, or the demo password. */
    private static String password(Map<String, String> v) {
        String given = v.get("--password");
        String file = v.get("--password-file");
        if (given != null && file != null) {
            throw new IllegalArgumentException("give either --password or --password-file, not both");
        }
        if (given != null) {
            if (given.isEmpty()) {
                throw new IllegalArgumentException("--password is empty");
            }
            return given;
        }
        if (file == null) {
            return DEMO_PASSWORD;
        }
        Path path = Path.of(file);
        String text;
        try {
            if (Files.size(path) > MAX_PASSWORD_FILE_BYTES) {
                throw new IllegalArgumentException("--password-file " + file + " is larger than "
                        + MAX_PASSWORD_FILE_BYTES + " bytes: it should hold just the password");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("--password-file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file: cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        String password = text.replaceFirst("\\r?\\n$", ""); // one final line break, as editors and echo write it
        if (password.isEmpty()) {
            throw new IllegalArgumentException("--password-file " + file + " is empty");
        }
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("--password-file " + file + " must hold the password on one line");
        }
        return password;
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
