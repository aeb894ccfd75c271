package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.gongzhi.simulator.DepartmentSimulator;
import org.gongzhi.simulator.DispatchRecord;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Fault drill of issue 19: {@code kill -9} of one of two nodes under load, behind HAProxy. Not part
 * of the test command (the class name does not end in {@code Test}); run it with
 * {@code ./mvnw -B verify -pl karaf-assembly/itests -am -Dtest=NodeKillDrill -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Four clients report, register and dispatch Jizhou cases to the city administration bureau (CG,
 * a department simulator) through the balancer for 40 s; after 15 s the second node's JVM is killed
 * with SIGKILL. A client repeats a call that failed (no answer, 502, 503) with the same
 * {@code Idempotency-Key} for intake, and takes 409 on a repeated step as done. Checked afterwards:
 * every case whose intake was answered 201 exists, the surviving node answered calls after the
 * kill, the dispatch outbox drains (the dead node's leases expire after 15 s here), and the
 * department received each case's dispatch under one dispatch id, with one receipt. Figures are
 * printed as {@code MEASURE} lines.
 */
public class NodeKillDrill {

    private static final Duration LOAD = Duration.ofSeconds(40);
    private static final Duration KILL_AFTER = Duration.ofSeconds(15);
    private static final int CLIENTS = 4;
    private static TestDatabase database;
    private static DepartmentSimulator department;
    private static BootedPlatform first;
    private static BootedPlatform second;
    private static LoadBalancer balancer;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> dispatched = ConcurrentHashMap.newKeySet();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong answeredAfterKill = new AtomicLong();
    private volatile long killedAt = Long.MAX_VALUE;

    @BeforeClass
    public static void twoNodesBehindABalancer() throws IOException {
        database = TestDatabase.start();
        department = Departments.startProvider();
        first = BootedPlatform.start("drill-1", database, node("node-1"));
        second = BootedPlatform.start("drill-2", database, node("node-2"));
        balancer = LoadBalancer.start("drill", List.of(first.httpPort(), second.httpPort()));
    }

    private static IntFunction<Option[]> node(String name) {
        String cfg = "etc/org.gongzhi.integration.cfg";
        String connector = "etc/org.gongzhi.connector-jizhou-cg.cfg";
        return http -> new Option[] {
            editConfigurationFilePut(cfg, "node", name),
            editConfigurationFilePut(cfg, "leaseSeconds", "15"),
            editConfigurationFilePut(cfg, "retryBaseSeconds", "1"),
            editConfigurationFilePut(cfg, "retryMaxSeconds", "2"),
            editConfigurationFilePut(connector, "tenant", "jizhou"),
            editConfigurationFilePut(connector, "department", "CG"),
            editConfigurationFilePut(connector, "type", "http"),
            editConfigurationFilePut(connector, "url", department.baseUrl() + "/dispatches"),
        };
    }

    @AfterClass
    public static void stop() {
        if (balancer != null) {
            balancer.close();
        }
        for (BootedPlatform node : new BootedPlatform[] {second, first}) {
            try {
                if (node != null) {
                    node.close();
                }
            } catch (RuntimeException alreadyDead) {
                System.out.println("(stopping a killed node: " + alreadyDead + ")");
            }
        }
    }

    @Test
    public void killingOneNodeUnderLoadLosesNoAcknowledgedCaseAndDispatchesEachOnce() throws Exception {
        Api api = balancer.api().as("jz-dispatcher");
        long end = System.nanoTime() + LOAD.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    loop(api);
                }
                return null;
            });
        }
        Thread.sleep(KILL_AFTER.toMillis());
        ProcessHandle victim = karafProcess(second);
        killedAt = System.nanoTime();
        assertTrue("SIGKILL sent", victim.destroyForcibly());
        System.out.println("MEASURE drill: killed node-2 (pid " + victim.pid() + ") with " + acknowledged.size()
                + " cases acknowledged so far");
        clients.shutdown();
        assertTrue(clients.awaitTermination(LOAD.toSeconds() + 120, TimeUnit.SECONDS));

        System.out.println("MEASURE drill: " + acknowledged.size() + " cases acknowledged, " + dispatched.size()
                + " dispatched, " + failedCalls.get() + " calls failed and were repeated, " + answeredAfterKill.get()
                + " calls answered after the kill");
        assertTrue("the surviving node carries on", answeredAfterKill.get() > 50);
        assertEquals("every acknowledged case exists", acknowledged.size(), existing(acknowledged));

        long drainStart = System.nanoTime();
        Awaitility.await("the outbox drains").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> pending() == 0);
        System.out.println("MEASURE drill: outbox drained " + (System.nanoTime() - drainStart) / 1_000_000
                + " ms after the load ended");
        Map<String, List<DispatchRecord>> byCase = department.dispatches().stream()
                .filter(d -> dispatched.contains(d.caseId()))
                .collect(Collectors.groupingBy(DispatchRecord::caseId));
        long repeatedDeliveries = byCase.values().stream().flatMap(List::stream)
                .mapToLong(d -> d.deliveries() - 1L).sum();
        System.out.println("MEASURE drill: department received " + byCase.size() + " cases' dispatches; deliveries"
                + " repeated under the same dispatch id: " + repeatedDeliveries);
        assertEquals("every dispatched case reached the department", dispatched.size(), byCase.size());
        byCase.forEach((caseId, records) -> {
            assertEquals("one dispatch id for case " + caseId, 1, records.size());
            assertTrue("one receipt for case " + caseId, records.get(0).receipt() != null);
        });
    }

    /** One case through intake, registration and dispatch, each call repeated until it is answered. */
    private void loop(Api api) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Api.Reply created = repeat(() -> api.post("/api/v1/tenants/jizhou/cases", "{\"title\": \"井盖缺失\","
                + " \"categoryCode\": \"CM0101\", \"channel\": \"hotline\", \"gridCode\": \"360802001001001\"}",
                Map.of("Idempotency-Key", key)));
        if (created == null || created.status() / 100 != 2) {
            return;
        }
        String id = created.text("id");
        acknowledged.add(id);
        String transitions = "/api/v1/tenants/jizhou/cases/" + id + "/transitions";
        Api.Reply registered = repeat(() -> api.post(transitions, Map.of("action", "register")));
        if (registered == null || registered.status() != 200 && registered.status() != 409) {
            return;
        }
        Api.Reply dispatch = repeat(() -> api.post(transitions, Map.of("action", "dispatch", "leadDepartment", "CG")));
        if (dispatch != null && (dispatch.status() == 200 || dispatch.status() == 409)) {
            dispatched.add(id);
        }
    }

    private interface Call {
        Api.Reply send() throws IOException, InterruptedException;
    }

    /** The first answer that is not a failure of the platform or the balancer; null after ten tries. */
    private Api.Reply repeat(Call call) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Api.Reply r = call.send();
                if (r.status() != 502 && r.status() != 503 && r.status() != 504) {
                    if (System.nanoTime() > killedAt) {
                        answeredAfterKill.incrementAndGet();
                    }
                    return r;
                }
            } catch (IOException noAnswer) {
                // the node died with the request in flight
            }
            failedCalls.incrementAndGet();
            Thread.sleep(250);
        }
        return null;
    }

    /** The JVM of {@code node}: the process whose command line names its unpacked {@code karaf.home}. */
    private static ProcessHandle karafProcess(BootedPlatform node) {
        String home = node.home().toAbsolutePath().normalize().toString();
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home) && c.contains("karaf")).orElse(false))
                .toList();
        assertEquals("one JVM runs " + home, 1, found.size());
        return found.get(0);
    }

    private long existing(Set<String> ids) throws SQLException {
        try (Connection c = first.database();
                PreparedStatement ps = c.prepareStatement("select count(*) from case_record where id = any (?)")) {
            Array array = c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long pending() throws SQLException {
        try (Connection c = first.database(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from dispatch_outbox where state = 'PENDING'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
