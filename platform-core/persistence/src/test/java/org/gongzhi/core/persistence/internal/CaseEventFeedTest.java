package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.events.CaseEventListener;
import org.gongzhi.core.service.events.CaseEvents;
import org.gongzhi.core.service.notify.InboxSignals;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The live event feed on a real PostgreSQL: two feeds stand for two platform nodes. Also the inbox's
 * signals the feed passes on (ADR 0031).
 */
public class CaseEventFeedTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String JIZHOU = "jizhou";
    private static final String DONGHU = "donghu";
    private static final String JIANGBEI = "jiangbei";
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static CaseEventFeed nodeA;
    private static CaseEventFeed nodeB;

    @BeforeClass
    public static void startFeeds() {
        nodeA = new CaseEventFeed(FIX.dataSource(), FIX.db);
        nodeB = new CaseEventFeed(FIX.dataSource(), FIX.db);
    }

    @AfterClass
    public static void stopFeeds() throws InterruptedException {
        nodeA.stop();
        nodeB.stop();
    }

    private static UUID report(String tenant) {
        return FIX.cases.report(tenant, new NewCase("占道经营", null, "CM0101", Channel.GRID_WORKER, 114.927, 27.08, null,
                null, null, null, List.of(), null), "gw-1").kase().id();
    }

    /** Collects what a subscription receives. */
    private static final class Recorder implements CaseEventListener {
        final List<CaseEvent> events = new CopyOnWriteArrayList<>();
        final List<String> modes = new CopyOnWriteArrayList<>();
        final AtomicInteger gaps = new AtomicInteger();

        @Override
        public void onCase(CaseEvent event) {
            events.add(event);
        }

        @Override
        public void onModeChange(String tenant) {
            modes.add(tenant);
        }

        @Override
        public void onGap() {
            gaps.incrementAndGet();
        }

        List<UUID> cases() {
            return events.stream().map(CaseEvent::caseId).toList();
        }
    }

    private static Recorder subscribe(CaseEvents feed, String tenant, String after) {
        Recorder r = new Recorder();
        feed.subscribe(tenant, after, r);
        // a subscription is added by the feed's thread: wait until a probe event of its own reaches it
        return r;
    }

    private static Recorder subscribed(CaseEvents feed, String tenant) {
        Recorder r = subscribe(feed, tenant, null);
        UUID probe = report(tenant == null ? JIZHOU : tenant);
        await().atMost(Duration.ofSeconds(5)).until(() -> r.cases().contains(probe));
        return r;
    }

    @Test
    public void aReportReachesTheSubscribersOfEveryNodeWithinASecondAndOnlyItsDistrict() {
        Recorder jizhouOnA = subscribed(nodeA, JIZHOU);
        Recorder jizhouOnB = subscribed(nodeB, JIZHOU);
        Recorder donghuOnB = subscribed(nodeB, DONGHU);
        Recorder cityOnA = subscribed(nodeA, null);

        UUID id = report(JIZHOU);
        await().atMost(SECOND).until(() -> jizhouOnA.cases().contains(id) && jizhouOnB.cases().contains(id)
                && cityOnA.cases().contains(id));
        CaseEvent e = jizhouOnB.events.get(jizhouOnB.events.size() - 1);
        assertThat(e.action()).isEqualTo(CaseEvent.REPORT);
        assertThat(e.tenant()).isEqualTo(JIZHOU);
        assertThat(e.to()).isEqualTo(CaseStatus.REPORTED);
        assertThat(e.category()).isEqualTo("CM0101");
        assertThat(e.caseNumber()).isNotBlank();
        assertThat(e.grid()).isNotBlank();

        UUID theirs = report(DONGHU);
        await().atMost(SECOND).until(() -> donghuOnB.cases().contains(theirs));
        assertThat(jizhouOnA.cases()).doesNotContain(theirs);
        assertThat(jizhouOnB.cases()).doesNotContain(theirs);
        assertThat(donghuOnB.cases()).doesNotContain(id);
    }

    @Test
    public void anEventIsHeldBackUntilEveryEarlierTransactionEndedSoCursorsNeverSkip() throws SQLException {
        Recorder r = subscribed(nodeA, JIZHOU);
        UUID early = report(JIZHOU);
        await().atMost(SECOND).until(() -> r.cases().contains(early));
        int before = r.events.size();
        try (Connection slow = FIX.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            try (Statement st = slow.createStatement()) {
                st.execute("select pg_current_xact_id()"); // this transaction now has the smaller id
            }
            UUID later = report(JIZHOU); // commits first, with a larger transaction id
            try (PreparedStatement st = slow.prepareStatement("insert into case_journal (tenant_id, case_id, seq,"
                    + " occurred_at, actor, action, from_status, to_status) values (?, ?, 99, now(), 'slow', 'COMMENT',"
                    + " 'REPORTED', 'REPORTED')")) {
                st.setString(1, JIZHOU);
                st.setObject(2, early);
                st.executeUpdate();
            }
            await().during(Duration.ofMillis(600)).atMost(SECOND).until(() -> r.events.size() == before);
            slow.commit();
            await().atMost(SECOND).until(() -> r.cases().contains(later));
            List<CaseEvent> tail = r.events.subList(before, r.events.size());
            assertThat(tail).extracting(CaseEvent::caseId).containsExactly(early, later);
            assertThat(tail.get(0).action()).isEqualTo("comment");
        }
        List<EventCursor> cursors = r.events.stream().map(e -> EventCursor.parse(e.id()).orElseThrow()).toList();
        assertThat(cursors).isSorted().doesNotHaveDuplicates();
    }

    @Test
    public void aResumedSubscriptionGetsWhatItMissedOnceAndInOrder() {
        Recorder first = subscribed(nodeA, JIZHOU);
        UUID seen = report(JIZHOU);
        await().atMost(SECOND).until(() -> first.cases().contains(seen));
        String cursor = first.events.get(first.events.size() - 1).id();
        UUID missed1 = report(JIZHOU);
        UUID missed2 = report(JIZHOU);
        await().atMost(SECOND).until(() -> first.cases().contains(missed2));

        Recorder resumed = subscribe(nodeB, JIZHOU, cursor);
        UUID live = report(JIZHOU);
        await().atMost(Duration.ofSeconds(2)).until(() -> resumed.cases().contains(live));
        assertThat(resumed.cases()).containsExactly(missed1, missed2, live);
        assertThat(resumed.gaps).hasValue(0);
    }

    @Test
    public void aCursorTooFarBackIsReportedAsAGap() throws SQLException {
        Recorder r = subscribed(nodeB, DONGHU);
        try (Connection c = FIX.dataSource().getConnection(); Statement st = c.createStatement()) {
            // enough old history in donghu to exceed the replay limit: copies of one journal row
            UUID id = report(DONGHU);
            st.execute("insert into case_journal (tenant_id, case_id, seq, occurred_at, actor, action, from_status,"
                    + " to_status) select 'donghu', '" + id + "', 100 + g, now(), 'bulk', 'COMMENT', 'REPORTED',"
                    + " 'REPORTED' from generate_series(1, " + CaseEventFeed.REPLAY_LIMIT + ") g");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> r.events.size() > CaseEventFeed.REPLAY_LIMIT);
        Recorder late = subscribe(nodeB, DONGHU, "0-0");
        await().atMost(Duration.ofSeconds(2)).until(() -> late.gaps.get() == 1);
        assertThat(late.events).isEmpty();
        assertThat(r.gaps).hasValue(0); // the early subscriber simply received them live
    }

    @Test
    public void modeSwitchesAreAnnouncedToTheDistrictAndTheCity() throws SQLException {
        Recorder jizhou = subscribed(nodeB, JIZHOU);
        Recorder donghu = subscribed(nodeB, DONGHU);
        Recorder city = subscribed(nodeA, null);
        try (Connection c = FIX.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("select pg_notify('" + CaseEventFeed.MODE_CHANNEL + "', 'jizhou')");
        }
        await().atMost(SECOND).until(() -> jizhou.modes.contains(JIZHOU) && city.modes.contains(JIZHOU));
        assertThat(donghu.modes).isEmpty();
    }

    @Test
    public void recentListsTheNewestEventsOfOneDistrictOldestFirst() {
        UUID a = report(JIZHOU);
        UUID b = report(JIZHOU);
        await().atMost(SECOND).until(() -> nodeA.recent(JIZHOU, 2).stream().map(CaseEvent::caseId).toList()
                .equals(List.of(a, b)));
        assertThat(nodeA.recent(JIZHOU, 1000)).hasSizeLessThanOrEqualTo(200)
                .allMatch(e -> e.tenant().equals(JIZHOU) && e.at().isBefore(Instant.now().plusSeconds(1)));
    }

    // ---- the inbox's signals (ADR 0031): a notification written for a person, or read, wakes that person's
    // watchers on every node within a second of the commit, and nobody else's; a rolled-back write wakes nobody

    /** Counts a watch's calls and keeps the time of the last. */
    private static final class Counter implements Runnable {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicLong lastNanos = new AtomicLong();

        @Override
        public void run() {
            lastNanos.set(System.nanoTime());
            calls.incrementAndGet();
        }
    }

    /** Writes one notice to {@code usernames} in its own transaction. */
    private static UUID notify(String... usernames) {
        List<NoticeRecipient> to = Arrays.stream(usernames)
                .map(u -> new NoticeRecipient(NoticeRecipient.Kind.PERSON, u)).toList();
        Notice n = new Notice(JIANGBEI, null, null, "supervision.order.created", "test:" + UUID.randomUUID(), to,
                Map.of("category", "测试"));
        FIX.db.inTenant(JIANGBEI, s -> NoticeRows.enqueue(s, n, Instant.now(), FIX.tenants.require(JIANGBEI)));
        return FIX.db.inTenant(JIANGBEI, s -> s.createNativeQuery("select notification_id from notification_outbox"
                + " where source_key = :k and channel = 'INBOX' and destination = :u", UUID.class)
                .setParameter("k", n.sourceKey()).setParameter("u", usernames[0]).getSingleResult());
    }

    /** A watch that is in place: the feed's thread has started and a first signal reached it. */
    private static Counter watched(InboxSignals feed, String username) {
        Counter c = new Counter();
        feed.watch(JIANGBEI, username, c);
        notify(username);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.calls.get() > 0);
        c.calls.set(0);
        return c;
    }

    @Test
    public void aNotificationWakesThePersonsWatchersOnEveryNodeWithinASecond() {
        Counter cgOnA = new Counter();
        Counter cgOnB = new Counter();
        nodeA.watch(JIANGBEI, "jb-cg", cgOnA);
        nodeB.watch(JIANGBEI, "jb-cg", cgOnB);
        notify("jb-cg");
        await().atMost(Duration.ofSeconds(5)).until(() -> cgOnA.calls.get() > 0 && cgOnB.calls.get() > 0);
        cgOnA.calls.set(0);
        cgOnB.calls.set(0);
        Counter gaOnB = watched(nodeB, "jb-ga");

        long committed = System.nanoTime();
        notify("jb-cg");
        await().atMost(SECOND).until(() -> cgOnA.calls.get() == 1 && cgOnB.calls.get() == 1);
        assertThat(Duration.ofNanos(cgOnB.lastNanos.get() - committed)).isLessThan(SECOND);
        await().during(Duration.ofMillis(500)).atMost(SECOND).until(() -> gaOnB.calls.get() == 0);
        assertThat(cgOnA.calls.get()).as("one signal per commit").isEqualTo(1);
    }

    @Test
    public void readingAndReadingAllWakeTheWatchersToo() {
        Counter cg = watched(nodeB, "jb-cg");
        UUID id = notify("jb-cg");
        await().atMost(SECOND).until(() -> cg.calls.get() == 1);

        FIX.inbox.markRead(JIANGBEI, "jb-cg", id);
        await().atMost(SECOND).until(() -> cg.calls.get() == 2);
        FIX.inbox.markRead(JIANGBEI, "jb-cg", id);
        notify("jb-cg");
        await().atMost(SECOND).until(() -> cg.calls.get() == 3);
        assertThat(cg.calls.get()).as("marking a read one again changes nothing").isEqualTo(3);

        FIX.inbox.markAllRead(JIANGBEI, "jb-cg");
        await().atMost(SECOND).until(() -> cg.calls.get() == 4);
        assertThat(FIX.inbox.unreadCount(JIANGBEI, "jb-cg")).isZero();
    }

    @Test
    public void aRolledBackWriteAndAClosedWatchWakeNobody() {
        Counter cg = watched(nodeA, "jb-cg");
        Counter other = new Counter();
        InboxSignals.Watch closed = nodeA.watch(JIANGBEI, "jb-cg", other);
        closed.close();
        closed.close();

        Notice n = new Notice(JIANGBEI, null, null, "supervision.order.created", "test:" + UUID.randomUUID(),
                List.of(new NoticeRecipient(NoticeRecipient.Kind.PERSON, "jb-cg")), Map.of());
        Throwable rolledBack = catchThrowable(() -> FIX.db.inTenant(JIANGBEI, s -> {
            NoticeRows.enqueue(s, n, Instant.now(), FIX.tenants.require(JIANGBEI));
            throw new IllegalStateException("rolled back");
        }));
        assertThat(rolledBack).hasMessageContaining("rolled back");
        await().during(Duration.ofMillis(600)).atMost(SECOND).until(() -> cg.calls.get() == 0);

        notify("jb-cg");
        await().atMost(SECOND).until(() -> cg.calls.get() == 1);
        assertThat(other.calls.get()).isZero();
    }
}
