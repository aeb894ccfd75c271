package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.gongzhi.cli.ProcCpu;
import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.gongzhi.simulator.DepartmentSimulator;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Fault drills of issue 19 on two nodes behind HAProxy, under the drills' load ({@link DrillLoad}): PostgreSQL
 * restarted, and Keycloak gone for 60 s. Not part of the test command; run with
 * {@code ./mvnw -B verify -pl karaf-assembly/itests -am -Dtest=OutageDrills -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures are printed as {@code MEASURE} lines.
 */
public class OutageDrills {

    private static final int CLIENTS = 4;
    private static TwoNodes nodes;

    @BeforeClass
    public static void twoNodesBehindABalancer() throws IOException {
        DepartmentSimulator cg = Departments.startMailingProvider();
        nodes = TwoNodes.start("outage", node -> http -> DrillLoad.providersAt(cg), TestDatabase.startRestartable());
    }

    @AfterClass
    public static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static int report(Api node) throws Exception {
        return node.post("/api/v1/tenants/jizhou/cases", Map.of("title", "井盖缺失", "categoryCode", "CM0101",
                "channel", "hotline", "gridCode", "360802001001001")).status();
    }

    /**
     * A restart of PostgreSQL cuts every connection of both nodes: they recover by themselves (the pool
     * opens new connections, the listeners reconnect), and every case answered 201 exists afterwards.
     */
    @Test
    public void bothNodesRecoverFromADatabaseRestartAndLoseNothingAcknowledged() throws Exception {
        Api dispatcher = nodes.balancer.api().as("jz-dispatcher");
        DrillLoad load = DrillLoad.start(dispatcher, CLIENTS, false);
        Thread.sleep(10_000);
        long before = load.acknowledged.size();
        Duration restart = nodes.database.restart();
        long restartedAt = System.nanoTime();
        for (BootedPlatform node : List.of(nodes.first, nodes.second)) {
            Api direct = node.api().as("jz-dispatcher");
            Awaitility.await("node on " + node.httpPort() + " reports again").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> report(direct) == 201);
        }
        long recoveredMs = (System.nanoTime() - restartedAt) / 1_000_000;
        Thread.sleep(10_000);
        load.close();

        System.out.println("MEASURE drill: PostgreSQL restarted in " + restart.toMillis() + " ms with " + before
                + " cases acknowledged; both nodes took reports again " + recoveredMs + " ms later; in all "
                + load.acknowledged.size() + " acknowledged, " + load.failedCalls.get() + " calls failed and were"
                + " repeated, " + load.refused.get() + " refused " + load.refusals);
        try (Connection db = nodes.first.database()) {
            assertEquals("every acknowledged case exists", load.acknowledged.size(), load.existing(db));
        }
        assertTrue("reports went on after the restart", load.acknowledged.size() > before + 50);
    }

    /**
     * Keycloak stopped (SIGSTOP: it neither answers nor refuses) for 60 s: tokens issued before keep working
     * on both nodes (their keys are cached), a new sign-in fails, and nothing else breaks; after it comes back,
     * sign-ins work again.
     */
    @Test
    public void tokensIssuedBeforeKeepWorkingWhileKeycloakIsDown() throws Exception {
        // a token issued now (Keycloak's default lifetime, 5 minutes, outlasts the drill)
        Api.Reply grant = Tokens.grant("jizhou", Map.of("grant_type", "password", "client_id", "gongzhi-web",
                "username", "jz-dispatcher", "password", Tokens.DEMO_PASSWORD));
        Api dispatcher = nodes.balancer.api().withToken(grant.text("access_token"));
        assertEquals(201, report(dispatcher));
        List<ProcessHandle> keycloak = ProcessHandle.of(LocalKeycloak.shared().pid()).stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).toList();
        DrillLoad load = DrillLoad.start(dispatcher, CLIENTS, false);
        Thread.sleep(3_000);
        signal("STOP", keycloak);
        long outageStart = System.nanoTime();
        long answeredBefore = load.answered.get();
        long refusedBefore = load.refused.get();
        boolean signInFailed;
        try {
            Thread.sleep(5_000);
            long t = System.nanoTime();
            signInFailed = !Tokens.canSignIn("jz-grid1", Duration.ofSeconds(10));
            System.out.println("MEASURE drill: a new sign-in during the outage " + (signInFailed ? "failed" : "worked")
                    + " after " + (System.nanoTime() - t) / 1_000_000 + " ms");
            Thread.sleep(Math.max(0, Duration.ofSeconds(60).toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
        } finally {
            signal("CONT", keycloak);
        }
        long answeredDuring = load.answered.get() - answeredBefore;
        long refusedDuring = load.refused.get() - refusedBefore;
        Thread.sleep(5_000);
        load.close();
        System.out.println("MEASURE drill: Keycloak down 60 s: " + answeredDuring + " calls answered during it, "
                + refusedDuring + " refused, " + load.failedCalls.get() + " failed and repeated");
        assertTrue("a new sign-in fails while Keycloak is down", signInFailed);
        assertEquals("no call refused during the outage", 0, refusedDuring);
        assertTrue("calls went on during the outage", answeredDuring > 100);
        Awaitility.await("sign-in works again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Tokens.canSignIn("jz-grid1", Duration.ofSeconds(5)));
        try (Connection db = nodes.first.database()) {
            assertEquals("every acknowledged case exists", load.acknowledged.size(), load.existing(db));
        }
    }

    /**
     * Issue 19's throughput target, on paper here: two nodes on these two cores against one. The same load (four
     * clients reporting, registering and dispatching to a CG, whose people are notified, through providers that
     * answer) first warms both JVMs through the balancer for {@code gongzhi.drill.warmSeconds} (default 300 s:
     * with half the load each, two nodes were still compiling after 120 s); then runs 30 s through the balancer and
     * 30 s on node 1 alone, three times, alternating, each after 10 s of the same load, so that neither
     * configuration gets the colder JIT or the smaller tables; rounds 2 and 3 are compared. Prints the CPU
     * milliseconds per loop of each process and of the nodes' threads.
     */
    @Test
    public void twoNodesOnTheseCoresAgainstOne() throws Exception {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("node-1", NodeKillDrill.karafProcess(nodes.first).pid());
        processes.put("node-2", NodeKillDrill.karafProcess(nodes.second).pid());
        processes.put("postgres", ProcCpu.withCommandLine("-p " + nodes.database.port()).stream()
                .filter(pid -> ProcCpu.parent(pid) != pid).findFirst().orElse(-1L));
        processes.put("haproxy", nodes.balancer.pid());
        processes.put("keycloak", LocalKeycloak.shared().pid());
        processes.put("clients", ProcessHandle.current().pid());
        Api both = nodes.balancer.api().as("jz-dispatcher");
        Api one = nodes.first.api().as("jz-dispatcher");
        warm(both, Integer.getInteger("gongzhi.drill.warmSeconds", 300));
        double[] two = new double[3];
        double[] alone = new double[3];
        for (int round = 0; round < 3; round++) {
            two[round] = loopsPerSecond("two nodes behind HAProxy " + (round + 1), both, processes);
            alone[round] = loopsPerSecond("node 1 alone " + (round + 1), one, processes);
        }
        // the first round still carries JIT compilation (the compiler threads' share is printed per phase)
        double twoMean = (two[1] + two[2]) / 2;
        double aloneMean = (alone[1] + alone[2]) / 2;
        System.out.printf("MEASURE drill: cases reported, registered and dispatched per second: two nodes behind"
                + " HAProxy %.1f, %.1f, %.1f; node 1 alone %.1f, %.1f, %.1f; rounds 2 and 3: %+.0f %%%n", two[0], two[1],
                two[2], alone[0], alone[1], alone[2], (twoMean / aloneMean - 1) * 100);
        assertTrue("both configurations work", twoMean > 1 && aloneMean > 1);
    }

    private static void warm(Api api, int seconds) throws InterruptedException {
        DrillLoad warm = DrillLoad.start(api, CLIENTS, true);
        Thread.sleep(seconds * 1000L);
        warm.close();
    }

    private static double loopsPerSecond(String what, Api api, Map<String, Long> processes) throws Exception {
        warm(api, 10);
        Map<String, Double> cpuBefore = cpu(processes);
        Map<String, Double> threadsBefore = threads(processes);
        Map<Long, Statements> statementsBefore = Statements.read(nodes.database);
        if (Boolean.getBoolean("gongzhi.drill.jfr")) {
            record(what, processes);
        }
        DrillLoad load = DrillLoad.start(api, CLIENTS, true);
        long start = System.nanoTime();
        Thread.sleep(30_000);
        int done = load.dispatched.size();
        Map<String, Double> cpuAfter = cpu(processes);
        Map<String, Double> threadsAfter = threads(processes);
        Map<Long, Statements> statementsAfter = Statements.read(nodes.database);
        double seconds = (System.nanoTime() - start) / 1e9;
        load.close();
        StringBuilder perLoop = new StringBuilder();
        double total = 0;
        for (String process : processes.keySet()) {
            double ms = (cpuAfter.get(process) - cpuBefore.get(process)) * 1000 / done;
            total += ms;
            perLoop.append(String.format(" %s %.2f,", process, ms));
        }
        System.out.printf("MEASURE drill: %s: %.1f loops/s; CPU ms per loop:%s total %.2f%n", what, done / seconds,
                perLoop, total);
        StringBuilder byThread = new StringBuilder();
        threadsAfter.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)) * 1000 / done))
                .filter(e -> e.getValue() >= 0.1).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> byThread.append(String.format(" %s %.2f,", e.getKey(), e.getValue())));
        System.out.printf("MEASURE drill: %s: the nodes' CPU ms per loop by thread:%s%n", what, byThread);
        Statements.print(what, statementsBefore, statementsAfter, done);
        return done / seconds;
    }

    /**
     * CPU seconds so far of each process: a server with its children (PostgreSQL's backends), this JVM alone
     * (the nodes and Keycloak are its children).
     */
    private static Map<String, Double> cpu(Map<String, Long> processes) {
        Map<String, Double> seconds = new HashMap<>();
        long self = ProcessHandle.current().pid();
        processes.forEach((name, pid) -> seconds.put(name, pid == self ? ProcCpu.self()
                : ProcCpu.server(pid)));
        return seconds;
    }

    /**
     * CPU seconds so far of the nodes' threads, by node and thread name ({@code node-1 C2 CompilerThreadN},
     * {@link ProcCpu#threads}); a thread that ended is missing.
     */
    private static Map<String, Double> threads(Map<String, Long> processes) {
        Map<String, Double> seconds = new HashMap<>();
        for (String node : List.of("node-1", "node-2")) {
            ProcCpu.threads(processes.get(node)).forEach((name, cpu) -> seconds.put(node + " " + name, cpu));
        }
        return seconds;
    }

    /**
     * With {@code -Dgongzhi.drill.jfr=true}: a 30 s flight recording (settings {@code profile}) of each node during
     * the phase, as {@code target/jfr/<phase>-<node>.jfr}, to see where a node's CPU goes.
     */
    private static void record(String phase, Map<String, Long> processes) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "jfr"));
        for (String node : List.of("node-1", "node-2")) {
            Path file = dir.resolve(phase.replace(' ', '-') + "-" + node + ".jfr").toAbsolutePath();
            new ProcessBuilder("jcmd", Long.toString(processes.get(node)), "JFR.start", "name=drill", "settings=profile",
                    "duration=30s", "filename=" + file).inheritIO().start().waitFor();
        }
    }

    /**
     * One statement's totals in {@code pg_stat_statements} (with {@code -Dgongzhi.test.pg.statements=true}; none
     * without), summed over the roles and databases that ran it.
     */
    private record Statements(String query, long calls, double millis) {

        static Map<Long, Statements> read(TestDatabase database) throws java.sql.SQLException {
            Map<Long, Statements> all = new HashMap<>();
            if (!TestDatabase.STATEMENTS) {
                return all;
            }
            try (Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(),
                    database.password()); java.sql.ResultSet rs = c.createStatement().executeQuery(
                    "select queryid, min(query), sum(calls), sum(total_exec_time) from drill_stats.pg_stat_statements"
                            + " where queryid is not null group by queryid")) {
                while (rs.next()) {
                    all.put(rs.getLong(1), new Statements(rs.getString(2), rs.getLong(3), rs.getDouble(4)));
                }
            }
            return all;
        }

        /** The phase's statements by execution time per loop, the first 15, and the calls per loop of all. */
        static void print(String phase, Map<Long, Statements> before, Map<Long, Statements> after, int loops) {
            if (after.isEmpty()) {
                return;
            }
            Statements none = new Statements("", 0, 0);
            List<Statements> phaseOnly = after.entrySet().stream().map(e -> {
                Statements b = before.getOrDefault(e.getKey(), none);
                return new Statements(e.getValue().query(), e.getValue().calls() - b.calls(),
                        e.getValue().millis() - b.millis());
            }).filter(st -> st.calls() > 0).sorted(java.util.Comparator.comparingDouble(Statements::millis).reversed())
                    .toList();
            long calls = phaseOnly.stream().mapToLong(Statements::calls).sum();
            double millis = phaseOnly.stream().mapToDouble(Statements::millis).sum();
            System.out.printf("MEASURE drill: %s: statements per loop %.1f, execution ms per loop %.2f%n", phase,
                    (double) calls / loops, millis / loops);
            phaseOnly.stream().limit(15).forEach(st -> System.out.printf("MEASURE drill: %s:   %6.2f calls %6.3f ms  %s%n",
                    phase, (double) st.calls() / loops, st.millis() / loops,
                    st.query().replaceAll("\\s+", " ").substring(0, Math.min(110, st.query().replaceAll("\\s+", " ").length()))));
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        for (ProcessHandle p : processes) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        }
    }
}
