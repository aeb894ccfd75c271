package org.gongzhi.core.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.gongzhi.core.persistence.internal.SchedulerTables;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.schedule.ScheduledWork;
import org.gongzhi.core.service.schedule.StoredSchedule;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two nodes (two Quartz schedulers with their own instance ids, as two Karaf containers would have)
 * on one real PostgreSQL with the platform's schema: a work due every second runs exactly once per
 * firing across both, never two firings at once, and goes on when a node stops.
 */
public class TwoNodesTest {

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    /** One firing as a node ran it. */
    record Firing(String node, Instant due, Instant started) {
    }

    private final ConcurrentLinkedQueue<Firing> firings = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final List<Node> nodes = new ArrayList<>();

    @BeforeClass
    public static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        // the platform's migrations as gongzhi-persistence runs them; V19 makes Quartz's tables
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .javaMigrations(new SchedulerTables()).table("flyway_core_history").load().migrate();
    }

    @AfterClass
    public static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Before
    public void emptySchedule() throws Exception {
        try (var c = database.getConnection(); var s = c.createStatement()) {
            for (String table : new String[] {"qrtz_fired_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers",
                    "qrtz_triggers", "qrtz_job_details", "qrtz_scheduler_state", "schedule_holder"}) {
                s.executeUpdate("delete from " + table);
            }
        }
    }

    @After
    public void stopNodes() throws SchedulerException {
        for (Node node : nodes) {
            node.close();
        }
    }

    /** A platform node: its scheduler, and the work "tick" registered on it. */
    final class Node implements AutoCloseable {
        final String id;
        final ClusteredScheduler cluster;
        final WorkScheduler works = new WorkScheduler(Instant::now);
        boolean closed;

        Node(String id, long misfireThresholdMillis) throws SchedulerException {
            this.id = id;
            this.cluster = new ClusteredScheduler(database,
                    new ClusteredScheduler.Settings(id, 2, 1000, misfireThresholdMillis));
            nodes.add(this);
            works.add(this::tick, Map.of(ScheduledWork.NAME, "tick", ScheduledWork.EVERY_SECONDS, 1));
            works.attach(cluster.scheduler(), new ScheduleHolders(database));
            cluster.start();
        }

        private void tick(Instant due) throws InterruptedException {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            firings.add(new Firing(id, due, Instant.now()));
            Thread.sleep(150); // the work takes a while, so that an overlapping firing would be seen (not a wait)
            running.decrementAndGet();
        }

        @Override
        public void close() throws SchedulerException {
            if (!closed) {
                closed = true;
                works.detach();
                cluster.close();
            }
        }
    }

    private List<Firing> await(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(count * 3L + 20)).pollInterval(Duration.ofMillis(100))
                .until(() -> firings.size() >= count);
        return List.copyOf(firings);
    }

    private static void eachDueOnceASecond(List<Firing> list) {
        for (int i = 1; i < list.size(); i++) {
            assertThat(Duration.between(list.get(i - 1).due(), list.get(i).due()))
                    .as("firing %d after %d: %s", i, i - 1, list).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    public void everyFiringRunsOnceAcrossTwoNodesAndTheOtherNodeTakesOver() throws SchedulerException {
        Node a = new Node("node-a", 5000);
        Node b = new Node("node-b", 5000);
        assertThat(a.cluster.instanceId()).isNotEqualTo(b.cluster.instanceId());

        List<Firing> both = await(12);
        eachDueOnceASecond(both);
        assertThat(overlaps.get()).isZero();
        long byA = both.stream().filter(f -> f.node().equals("node-a")).count();
        System.out.printf("two nodes: %d firings, node-a ran %d, node-b ran %d%n", both.size(), byA, both.size() - byA);

        a.close();
        Instant stopped = Instant.now();
        int stoppedAt = firings.size();
        List<Firing> after = await(stoppedAt + 6);
        List<Firing> byB = after.subList(stoppedAt, after.size());
        assertThat(byB).extracting(Firing::node).containsOnly("node-b");
        System.out.printf("node-a stopped: node-b's first firing %d ms later (due %s)%n",
                Duration.between(stopped, byB.get(0).started()).toMillis(), byB.get(0).due());
        // node-a handed back the firing it held: node-b runs it, on time, and every one after it
        eachDueOnceASecond(after);
        assertThat(Duration.between(stopped, byB.get(0).started())).isLessThan(Duration.ofSeconds(4));
        assertThat(overlaps.get()).isZero();
    }

    @Test
    public void firingsMissedWhileNoNodeRanFireOnceWhenANodeReturns() throws Exception {
        Node a = new Node("node-a", 1000);
        List<Firing> first = await(3);
        a.close();
        Instant stopped = Instant.now();
        Awaitility.await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
        firings.clear();

        Node b = new Node("node-b", 1000);
        List<Firing> later = await(3);
        Instant lastBefore = first.get(first.size() - 1).due();
        // the first firing after the gap is the one missed firing, due when node-b took it; none of
        // the about four seconds without a node was caught up
        assertThat(later.get(0).due()).isAfter(stopped.plusSeconds(3));
        assertThat(later).extracting(Firing::due).allMatch(due -> due.isAfter(stopped.plusSeconds(3)),
                "no firing of the gap after " + lastBefore);
        eachDueOnceASecond(later);
        assertThat(b.works.work("tick")).isNotNull();
    }

    @Test
    public void aScheduleNoLiveNodeRegistersIsOrphanedAndOnlyThatOneCanBeDeleted() throws Exception {
        Node a = new Node("node-a", 5000);
        Node b = new Node("node-b", 5000);
        ScheduledWork report = due -> { };
        Map<String, Object> reportProperties = Map.of(ScheduledWork.NAME, "report", ScheduledWork.CRON, "0 0 3 * * ?");
        a.works.add(report, reportProperties);
        a.works.add(due -> { }, Map.of(ScheduledWork.NAME, "gone-with-a", ScheduledWork.EVERY_SECONDS, 3600));
        // a node that died long ago left its row: it does not count
        try (var c = database.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("insert into schedule_holder (schedule_name, instance_id) values ('report', 'node-dead')");
        }
        ScheduleBook book = new ScheduleBook(b.cluster.scheduler(), new ScheduleHolders(database));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> book.list().size() == 3
                && book.list().stream().allMatch(st -> !st.orphaned()));
        assertThat(book.list()).extracting(StoredSchedule::name, StoredSchedule::nodes).containsExactly(
                tuple("gone-with-a", List.of("node-a")), tuple("report", List.of("node-a")),
                tuple("tick", List.of("node-a", "node-b")));
        assertThat(book.list().get(1).schedule()).contains("0 0 3 * * ?");
        assertThat(book.list().get(1).nextFiring()).isAfter(Instant.now());

        a.works.remove(report, reportProperties);
        assertThat(book.list()).filteredOn(StoredSchedule::orphaned).extracting(StoredSchedule::name)
                .containsExactly("report");
        assertThatThrownBy(() -> book.deleteOrphan("tick")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("node-a, node-b");
        assertThatThrownBy(() -> book.deleteOrphan("no-such")).isInstanceOf(NotFoundException.class);
        assertThat(book.deleteOrphan("report").name()).isEqualTo("report");
        assertThat(book.list()).extracting(StoredSchedule::name).containsExactly("gone-with-a", "tick");
        assertThat(b.cluster.scheduler().checkExists(JobKey.jobKey("report", WorkSchedule.GROUP))).isFalse();

        a.close(); // a node that stops no longer holds its works; the other's stay
        assertThat(book.list()).extracting(StoredSchedule::name, StoredSchedule::nodes).containsExactly(
                tuple("gone-with-a", List.of()), tuple("tick", List.of("node-b")));
        assertThat(book.list().get(0).orphaned()).isTrue();
    }
}
