package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Two Karaf containers of our distribution on ONE PostgreSQL, the way two platform nodes run: the
 * monthly report schedule (every 5 s here) fires once per firing across both, each firing on one
 * node only, and when one node stops the other goes on (ADR 0027); each node records that it holds
 * the work while it runs (schedule_holder, the operator's orphan check). Which node ran a firing is read
 * from the nodes' own logs (the scheduler's job logs each run at DEBUG).
 */
public class TwoNodeScheduleTest {

    private static final Pattern RAN = Pattern.compile("Schedule reports-monthly \\(due (\\S+)\\) ran on node (\\S+)");
    private static TestDatabase database;
    private static BootedPlatform first;
    private static BootedPlatform second;

    @BeforeClass
    public static void twoNodes() throws IOException {
        database = TestDatabase.start();
        // one after the other, as a rolling start would: the first migrates the schema
        first = BootedPlatform.start("node-1", database, http -> schedule());
        second = BootedPlatform.start("node-2", database, http -> schedule());
    }

    private static Option[] schedule() {
        return new Option[] {
            editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "monthlyCron", "0/5 * * * * ?"),
            editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "quarterlyCron", ""),
            editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "halfYearCron", ""),
            editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "formats", "CSV"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.gongzhiwork.name",
                    "org.gongzhi.core.scheduler.internal.WorkJob"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.gongzhiwork.level", "DEBUG"),
        };
    }

    @AfterClass
    public static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    /** Due time → the nodes that logged running it, from both containers' logs. */
    private static TreeMap<Instant, List<String>> runs(List<Path> logs) throws IOException {
        TreeMap<Instant, List<String>> runs = new TreeMap<>();
        for (Path log : logs) {
            for (String line : KarafLog.markStart(log).linesSince()) {
                Matcher m = RAN.matcher(line);
                if (m.find()) {
                    runs.computeIfAbsent(Instant.parse(m.group(1)), due -> new ArrayList<>()).add(m.group(2));
                }
            }
        }
        return runs;
    }

    private static int nodesCheckedIn() throws SQLException {
        try (Connection c = first.database();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from qrtz_scheduler_state")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The live nodes that hold the monthly report's work (schedule_holder, V22, joined with the nodes that
     * check in, as gongzhi:schedules counts them).
     */
    private static int monthlyHolders(BootedPlatform node) throws SQLException {
        try (Connection c = node.database(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from schedule_holder h join qrtz_scheduler_state s on s.sched_name = 'gongzhi' "
                + "and s.instance_name = h.instance_id where h.schedule_name = 'reports-monthly' "
                + "and s.last_checkin_time + s.checkin_interval + 7500 >= extract(epoch from clock_timestamp()) * 1000")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    public void eachFiringRunsOnOneNodeAndTheOtherTakesOver() throws Exception {
        // the second node's scheduler starts after its container is up: wait for its first check-in
        Awaitility.await("both nodes check in").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> nodesCheckedIn() == 2);
        Awaitility.await("both nodes hold the monthly report's work").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> monthlyHolders(first) == 2);
        Instant bothUp = Instant.now();
        List<Path> logs = List.of(first.karafLog(), second.karafLog());
        Awaitility.await("six firings with both nodes up").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runs(logs).tailMap(bothUp).size() >= 6);
        Map<Instant, List<String>> both = new TreeMap<>(runs(logs).tailMap(bothUp));
        both.forEach((due, nodes) -> assertEquals("firing due " + due + " ran on " + nodes, 1, nodes.size()));
        assertFiveSecondsApart(List.copyOf(both.keySet()));
        System.out.println("two containers, firings since both were up: " + both);

        Map<Instant, List<String>> byFirst = runs(List.of(first.karafLog()));
        first.close();
        first = null;
        Instant stopped = Instant.now();
        Awaitility.await("a node that stopped holds no work").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> monthlyHolders(second) == 1);
        Awaitility.await("firings on node 2 alone").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> runs(List.of(second.karafLog())).tailMap(stopped).size() >= 4);
        TreeMap<Instant, List<String>> bySecond = runs(List.of(second.karafLog()));
        for (Instant due : bySecond.keySet()) {
            assertTrue("firing due " + due + " ran on both nodes", !byFirst.containsKey(due));
            assertEquals("firing due " + due + " ran twice on node 2", 1, bySecond.get(due).size());
        }
        List<Instant> late = List.copyOf(bySecond.tailMap(stopped).keySet());
        System.out.println("node 1 stopped at " + stopped + "; node 2 ran " + late);
        // node 1 handed back the firing it held when it stopped: node 2 runs it on time, none is lost
        TreeMap<Instant, List<String>> all = new TreeMap<>(byFirst);
        all.putAll(bySecond);
        assertFiveSecondsApart(List.copyOf(all.tailMap(all.headMap(stopped).lastKey()).keySet()));
    }

    private static void assertFiveSecondsApart(List<Instant> dues) {
        for (int i = 1; i < dues.size(); i++) {
            assertEquals("between " + dues.get(i - 1) + " and " + dues.get(i), Duration.ofSeconds(5),
                    Duration.between(dues.get(i - 1), dues.get(i)));
        }
    }
}
