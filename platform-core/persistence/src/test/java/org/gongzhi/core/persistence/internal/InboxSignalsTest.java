package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gongzhi.core.service.notify.InboxSignals;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The inbox pushed (ADR 0031) on a real PostgreSQL: a notification written for a person, or read, wakes
 * that person's watchers on every node within a second of the commit — two feeds stand for two nodes —
 * and nobody else's; a rolled-back write wakes nobody.
 */
public class InboxSignalsTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String T = "jiangbei";
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
        List<NoticeRecipient> to = java.util.Arrays.stream(usernames)
                .map(u -> new NoticeRecipient(NoticeRecipient.Kind.PERSON, u)).toList();
        Notice n = new Notice(T, null, null, "supervision.order.created", "test:" + UUID.randomUUID(), to,
                Map.of("category", "测试"));
        FIX.db.inTenant(T, s -> NoticeRows.enqueue(s, n, Instant.now(), FIX.tenants.require(T)));
        return FIX.db.inTenant(T, s -> s.createNativeQuery("select notification_id from notification_outbox"
                + " where source_key = :k and channel = 'INBOX' and destination = :u", UUID.class)
                .setParameter("k", n.sourceKey()).setParameter("u", usernames[0]).getSingleResult());
    }

    /** A watch that is in place: the feed's thread has started and a first signal reached it. */
    private static Counter watched(InboxSignals feed, String username) {
        Counter c = new Counter();
        feed.watch(T, username, c);
        notify(username);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.calls.get() > 0);
        c.calls.set(0);
        return c;
    }

    @Test
    public void aNotificationWakesThePersonsWatchersOnEveryNodeWithinASecond() {
        Counter cgOnA = new Counter();
        Counter cgOnB = new Counter();
        nodeA.watch(T, "jb-cg", cgOnA);
        nodeB.watch(T, "jb-cg", cgOnB);
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

        FIX.inbox.markRead(T, "jb-cg", id);
        await().atMost(SECOND).until(() -> cg.calls.get() == 2);
        FIX.inbox.markRead(T, "jb-cg", id);
        notify("jb-cg");
        await().atMost(SECOND).until(() -> cg.calls.get() == 3);
        assertThat(cg.calls.get()).as("marking a read one again changes nothing").isEqualTo(3);

        FIX.inbox.markAllRead(T, "jb-cg");
        await().atMost(SECOND).until(() -> cg.calls.get() == 4);
        assertThat(FIX.inbox.unreadCount(T, "jb-cg")).isZero();
    }

    @Test
    public void aRolledBackWriteAndAClosedWatchWakeNobody() {
        Counter cg = watched(nodeA, "jb-cg");
        Counter other = new Counter();
        InboxSignals.Watch closed = nodeA.watch(T, "jb-cg", other);
        closed.close();
        closed.close();

        Notice n = new Notice(T, null, null, "supervision.order.created", "test:" + UUID.randomUUID(),
                List.of(new NoticeRecipient(NoticeRecipient.Kind.PERSON, "jb-cg")), Map.of());
        Throwable rolledBack = catchThrowable(() -> FIX.db.inTenant(T, s -> {
            NoticeRows.enqueue(s, n, Instant.now(), FIX.tenants.require(T));
            throw new IllegalStateException("rolled back");
        }));
        assertThat(rolledBack).hasMessageContaining("rolled back");
        await().during(Duration.ofMillis(600)).atMost(SECOND).until(() -> cg.calls.get() == 0);

        notify("jb-cg");
        await().atMost(SECOND).until(() -> cg.calls.get() == 1);
        assertThat(other.calls.get()).isZero();
    }
}
