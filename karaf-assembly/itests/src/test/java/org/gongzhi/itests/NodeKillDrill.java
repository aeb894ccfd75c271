package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.gongzhi.simulator.DepartmentSimulator;
import org.gongzhi.simulator.DispatchRecord;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

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
    private static DepartmentSimulator department;
    private static TwoNodes nodes;

    @BeforeClass
    public static void twoNodesBehindABalancer() throws IOException {
        department = Departments.startMailingProvider();
        nodes = TwoNodes.start("drill", NodeKillDrill::node);
    }

    private static IntFunction<Option[]> node(String name) {
        String cfg = "etc/org.gongzhi.integration.cfg";
        return http -> OptionUtils.combine(DrillLoad.providersAt(department),
            editConfigurationFilePut(cfg, "node", name),
            editConfigurationFilePut(cfg, "leaseSeconds", "15"),
            editConfigurationFilePut(cfg, "retryBaseSeconds", "1"),
            editConfigurationFilePut(cfg, "retryMaxSeconds", "2"));
    }

    @AfterClass
    public static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    public void killingOneNodeUnderLoadLosesNoAcknowledgedCaseAndDispatchesEachOnce() throws Exception {
        DrillLoad load = DrillLoad.start(nodes.balancer.api().as("jz-dispatcher"), CLIENTS, true);
        Thread.sleep(KILL_AFTER.toMillis());
        ProcessHandle victim = karafProcess(nodes.second);
        long answeredBefore = load.answered.get();
        assertTrue("SIGKILL sent", victim.destroyForcibly());
        System.out.println("MEASURE drill: killed node-2 (pid " + victim.pid() + ") with " + load.acknowledged.size()
                + " cases acknowledged so far");
        Thread.sleep(LOAD.minus(KILL_AFTER).toMillis());
        load.close();

        long afterKill = load.answered.get() - answeredBefore;
        System.out.println("MEASURE drill: " + load.acknowledged.size() + " cases acknowledged, " + load.dispatched.size()
                + " dispatched, " + load.failedCalls.get() + " calls failed and were repeated, " + afterKill
                + " calls answered after the kill, " + load.refused.get() + " refused");
        assertTrue("the surviving node carries on", afterKill > 50);
        try (Connection db = nodes.first.database()) {
            assertEquals("every acknowledged case exists", load.acknowledged.size(), load.existing(db));
        }

        long drainStart = System.nanoTime();
        Awaitility.await("the outbox drains").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> pending() == 0);
        System.out.println("MEASURE drill: outbox drained " + (System.nanoTime() - drainStart) / 1_000_000
                + " ms after the load ended");
        Map<String, List<DispatchRecord>> byCase = department.dispatches().stream()
                .filter(d -> load.dispatched.contains(d.caseId()))
                .collect(Collectors.groupingBy(DispatchRecord::caseId));
        long repeatedDeliveries = byCase.values().stream().flatMap(List::stream)
                .mapToLong(d -> d.deliveries() - 1L).sum();
        System.out.println("MEASURE drill: department received " + byCase.size() + " cases' dispatches; deliveries"
                + " repeated under the same dispatch id: " + repeatedDeliveries);
        assertEquals("every dispatched case reached the department", load.dispatched.size(), byCase.size());
        byCase.forEach((caseId, records) -> {
            assertEquals("one dispatch id for case " + caseId, 1, records.size());
            assertTrue("one receipt for case " + caseId, records.get(0).receipt() != null);
        });
    }

    /** The JVM of {@code node}: the process whose command line names its unpacked {@code karaf.home}. */
    static ProcessHandle karafProcess(BootedPlatform node) {
        String home = node.home().toAbsolutePath().normalize().toString();
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home) && c.contains("karaf")).orElse(false))
                .toList();
        assertEquals("one JVM runs " + home, 1, found.size());
        return found.get(0);
    }

    private long pending() throws SQLException {
        try (Connection c = nodes.first.database(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from dispatch_outbox where state = 'PENDING'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
