package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.gongzhi.keycloak.runner.LocalKeycloak;
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
        nodes = TwoNodes.start("outage", node -> http -> new Option[0], TestDatabase.startRestartable());
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
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())).toList();
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
     * clients reporting, registering and dispatching) for 30 s through the balancer, then 30 s on node 1 alone.
     */
    @Test
    public void twoNodesOnTheseCoresAgainstOne() throws Exception {
        double both = loopsPerSecond(nodes.balancer.api().as("jz-dispatcher"));
        double one = loopsPerSecond(nodes.first.api().as("jz-dispatcher"));
        System.out.printf("MEASURE drill: cases reported, registered and dispatched per second: two nodes behind"
                + " HAProxy %.1f, node 1 alone %.1f (%+.0f %%)%n", both, one, (both / one - 1) * 100);
        assertTrue("both configurations work", both > 1 && one > 1);
    }

    private static double loopsPerSecond(Api api) throws Exception {
        DrillLoad warm = DrillLoad.start(api, CLIENTS, true);
        Thread.sleep(5_000);
        warm.close();
        DrillLoad load = DrillLoad.start(api, CLIENTS, true);
        long start = System.nanoTime();
        Thread.sleep(30_000);
        int done = load.dispatched.size();
        double seconds = (System.nanoTime() - start) / 1e9;
        load.close();
        return done / seconds;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        for (ProcessHandle p : processes) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        }
    }
}
