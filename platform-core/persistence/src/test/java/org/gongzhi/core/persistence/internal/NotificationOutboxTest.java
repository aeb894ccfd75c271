package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.service.notify.NoticeRecipient.Kind;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationOutbox;
import org.gongzhi.core.service.notify.NotificationPreferences;
import org.gongzhi.core.service.notify.NotificationState;
import org.gongzhi.core.service.notify.NotificationTemplate;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/** The notification outbox, inbox and settings on a real PostgreSQL. */
public class NotificationOutboxTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();
    private static final String JIZHOU = "jizhou";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant NOON = Instant.parse("2026-11-02T04:00:00Z"); // 12:00 in Shanghai

    @Before
    public void noon() {
        FIX.clock.set(NOON);
    }

    private static Notice notice(String sourceKey, NoticeRecipient... to) {
        return new Notice(JIZHOU, null, "JZ-2026-000007", "supervision.reminder.warning", sourceKey, List.of(to),
                Map.of("category", "井盖缺失", "deadline", "今天 17:00"));
    }

    private static List<Notification> of(String sourceKey) {
        return FIX.notifications.list(JIZHOU, null, 0, 10_000).items().stream()
                .filter(n -> n.sourceKey().equals(sourceKey)).toList();
    }

    @Test
    public void aCauseIsWrittenOncePerDestinationAndChannelHoweverOftenItIsAsked() {
        String key = "test:" + UUID.randomUUID();
        Notice n = notice(key, new NoticeRecipient(Kind.DEPARTMENT, "CG"), new NoticeRecipient(Kind.PERSON, "jz-cg"));
        int first = FIX.notifications.enqueue(n);
        int again = FIX.notifications.enqueue(n);
        var district = FIX.tenants.find(JIZHOU).orElseThrow();
        int inOneTransaction = FIX.db.inTenant(JIZHOU, s -> NoticeRows.enqueue(s, n, NOON, district)
                + NoticeRows.enqueue(s, n, NOON, district));
        List<Notification> rows = of(key);
        // the bureau's two handlers (inbox, SMS, e-mail each), jz-cg once though named twice, and its robot
        assertThat(first).isEqualTo(7).isEqualTo(rows.size());
        assertThat(again).isZero();
        assertThat(inOneTransaction).isZero();
        assertThat(rows).extracting(r -> r.destination() + "/" + r.channel().wireName()).containsExactlyInAnyOrder(
                "jz-cg/inbox", "jz-cg/sms", "jz-cg/email", "jz-cg2/inbox", "jz-cg2/sms", "jz-cg2/email",
                "department:CG/wecom");
        Notification inbox = rows.stream().filter(r -> r.channel() == NotificationChannel.INBOX).findFirst().orElseThrow();
        assertThat(inbox.state()).isEqualTo(NotificationState.DELIVERED);
        assertThat(inbox.subject()).isEqualTo("【催办】案件 JZ-2026-000007 即将超期");
        assertThat(inbox.text()).contains("井盖缺失").contains("今天 17:00");
        assertThat(rows).filteredOn(r -> r.channel() != NotificationChannel.INBOX)
                .allMatch(r -> r.state() == NotificationState.PENDING && r.nextAttemptAt().equals(NOON));
    }

    @Test
    public void twoNodesClaimingAtOnceNeverHoldTheSameNotification() throws Exception {
        for (int i = 0; i < 40; i++) {
            FIX.notifications.enqueue(notice("race:" + UUID.randomUUID(), new NoticeRecipient(Kind.PERSON, "jz-ga")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<UUID>>> claims = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                Callable<List<UUID>> claim = () -> {
                    start.await();
                    List<UUID> mine = new ArrayList<>();
                    List<Notification> batch;
                    do {
                        batch = FIX.notifications.claimDue(node, 7, LEASE);
                        batch.forEach(n -> mine.add(n.id()));
                    } while (!batch.isEmpty());
                    return mine;
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<UUID> a = claims.get(0).get();
            List<UUID> b = claims.get(1).get();
            Set<UUID> both = new HashSet<>(a);
            both.retainAll(b);
            assertThat(both).isEmpty();
            assertThat(a.size() + b.size()).isGreaterThanOrEqualTo(80); // 40 × (sms, email), and any left by others
            assertThat(FIX.notifications.claimDue("node-c", 100, LEASE)).isEmpty();
        } finally {
            pool.shutdownNow();
            FIX.notifications.release("node-a");
            FIX.notifications.release("node-b");
            FIX.notifications.claimDue("drain", 10_000, LEASE).forEach(n -> FIX.notifications.delivered(n.id(), "drain", "t"));
        }
    }

    @Test
    public void aFailedAttemptComesBackAfterItsBackOffAndADeadLetterCanBeReplayed() {
        String key = "retry:" + UUID.randomUUID();
        FIX.notifications.enqueue(notice(key, new NoticeRecipient(Kind.PERSON, "jz-social")));
        Notification sms = of(key).stream().filter(n -> n.channel() == NotificationChannel.SMS).findFirst().orElseThrow();
        drainExcept(sms.id());
        assertThat(FIX.notifications.claimDue("n1", 100, LEASE)).extracting(Notification::id).containsExactly(sms.id());
        assertThat(FIX.notifications.failed(sms.id(), "other", "x", NOON)).isFalse();
        assertThat(FIX.notifications.failed(sms.id(), "n1", "短信服务商暂不可用: HTTP 503", NOON.plusSeconds(60))).isTrue();
        assertThat(FIX.notifications.claimDue("n1", 100, LEASE)).isEmpty();
        FIX.clock.set(NOON.plusSeconds(61));
        assertThat(FIX.notifications.claimDue("n2", 100, LEASE)).extracting(Notification::id).containsExactly(sms.id());
        assertThat(FIX.notifications.dead(sms.id(), "n2", "refused")).isTrue();
        Notification dead = FIX.notifications.get(JIZHOU, sms.id());
        assertThat(dead.state()).isEqualTo(NotificationState.DEAD);
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(FIX.notifications.list(JIZHOU, NotificationState.DEAD, 0, 100).items()).extracting(Notification::id)
                .contains(sms.id());
        Notification replayed = FIX.notifications.replay(JIZHOU, sms.id(), "jz-admin");
        assertThat(replayed.state()).isEqualTo(NotificationState.PENDING);
        assertThat(replayed.attempts()).isZero();
        assertThatThrownBy(() -> FIX.notifications.replay(JIZHOU, sms.id(), "jz-admin"))
                .isInstanceOf(ConflictException.class);
        assertThat(FIX.notifications.claimDue("n3", 100, LEASE)).extracting(Notification::id).containsExactly(sms.id());
        assertThat(FIX.notifications.delivered(sms.id(), "n3", "SMS-1")).isTrue();
        assertThat(FIX.notifications.get(JIZHOU, sms.id()).state()).isEqualTo(NotificationState.DELIVERED);
        assertThatThrownBy(() -> FIX.notifications.get("donghu", sms.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    public void aClaimLeavesRestingDestinationsPending() {
        FIX.notifications.claimDue("drain", 10_000, LEASE).forEach(n -> FIX.notifications.delivered(n.id(), "drain", "t"));
        String key = "resting:" + UUID.randomUUID();
        FIX.notifications.enqueue(notice(key, new NoticeRecipient(Kind.PERSON, "jz-social"),
                new NoticeRecipient(Kind.PERSON, "jz-cg")));
        List<Notification> all = of(key);
        Notification resting = all.stream().filter(n -> n.channel() == NotificationChannel.SMS
                && n.destination().equals("jz-social")).findFirst().orElseThrow();
        String restingKey = NotificationOutbox.destinationKey(JIZHOU, NotificationChannel.SMS, "jz-social");

        List<Notification> claimed = FIX.notifications.claimDue("n1", 100, LEASE, java.util.Set.of(restingKey));
        assertThat(claimed).extracting(Notification::id).doesNotContain(resting.id())
                .contains(all.stream().filter(n -> n.channel() == NotificationChannel.SMS && n != resting)
                        .map(Notification::id).findFirst().orElseThrow());
        assertThat(FIX.notifications.claimDue("n1", 100, LEASE, java.util.Set.of())).extracting(Notification::id)
                .contains(resting.id());
    }

    @Test
    public void aRestingDestinationsDueNotificationsAreMovedToTheEndOfItsPaceOnce() {
        FIX.notifications.claimDue("drain", 10_000, LEASE).forEach(n -> FIX.notifications.delivered(n.id(), "drain", "t"));
        String restingKey = NotificationOutbox.destinationKey(JIZHOU, NotificationChannel.SMS, "jz-social");
        java.util.Map<String, java.time.Instant> resting = java.util.Map.of(restingKey, NOON.plusSeconds(15));
        List<Notification> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "moved:" + UUID.randomUUID();
            FIX.notifications.enqueue(notice(key, new NoticeRecipient(Kind.PERSON, "jz-social"),
                    new NoticeRecipient(Kind.PERSON, "jz-cg")));
            waiting.addAll(of(key).stream().filter(n -> n.channel() == NotificationChannel.SMS
                    && n.destination().equals("jz-social")).toList());
        }
        // one of them is leased by another node: that node decides about it
        Notification leased = FIX.notifications.claim(waiting.get(2).id(), "n2", LEASE).orElseThrow();

        List<Notification> claimed = FIX.notifications.claimDue("n1", 100, LEASE, resting);
        assertThat(claimed).isNotEmpty().noneMatch(n -> n.destination().equals("jz-social")
                && n.channel() == NotificationChannel.SMS);
        claimed.forEach(n -> FIX.notifications.delivered(n.id(), "n1", "t"));
        for (Notification n : waiting.subList(0, 2)) {
            Notification moved = FIX.notifications.get(JIZHOU, n.id());
            assertThat(moved.nextAttemptAt()).isEqualTo(NOON.plusSeconds(15));
            assertThat(moved.attempts()).isZero();
            assertThat(moved.state()).isEqualTo(NotificationState.PENDING);
        }
        assertThat(FIX.notifications.get(JIZHOU, leased.id()).nextAttemptAt()).isEqualTo(NOON);
        // not due now, so no claim reads them, whatever it is asked to leave out
        assertThat(FIX.notifications.claimDue("n1", 100, LEASE, java.util.Map.of())).isEmpty();
        FIX.clock.set(NOON.plusSeconds(15));
        assertThat(FIX.notifications.claimDue("n1", 100, LEASE, java.util.Map.of())).extracting(Notification::id)
                .containsExactlyInAnyOrder(waiting.get(0).id(), waiting.get(1).id());
        assertThat(FIX.notifications.deliveredAll(List.of(waiting.get(0).id(), waiting.get(1).id()), "n1", "t")).isEqualTo(2);
        assertThat(FIX.notifications.delivered(leased.id(), "n2", "t")).isTrue();
    }

    @Test
    public void aDestinationsPendingNotificationsArePostponedClaimedTogetherAndSettledInOneGo() {
        FIX.notifications.claimDue("drain", 10_000, LEASE).forEach(n -> FIX.notifications.delivered(n.id(), "drain", "t"));
        List<Notification> sms = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = "digest:" + UUID.randomUUID();
            FIX.notifications.enqueue(notice(key, new NoticeRecipient(Kind.PERSON, "jz-social"),
                    new NoticeRecipient(Kind.PERSON, "jz-cg")));
            sms.addAll(of(key).stream().filter(n -> n.channel() == NotificationChannel.SMS).toList());
        }
        List<Notification> claimed = FIX.notifications.claimDue("n1", 100, LEASE);
        List<UUID> social = claimed.stream().filter(n -> n.destination().equals("jz-social")
                && n.channel() == NotificationChannel.SMS).map(Notification::id).toList();
        assertThat(social).hasSize(4);
        claimed.stream().filter(n -> !social.contains(n.id())).forEach(n -> FIX.notifications.delivered(n.id(), "n1", "t"));
        // three wait for the person's pace: postponed, not an attempt; another node cannot postpone them
        List<UUID> waiting = social.subList(1, 4);
        assertThat(FIX.notifications.postpone(waiting, "n2", NOON.plusSeconds(15))).isZero();
        assertThat(FIX.notifications.postpone(waiting, "n1", NOON.plusSeconds(15))).isEqualTo(3);
        Notification first = FIX.notifications.get(JIZHOU, social.get(0));
        assertThat(FIX.notifications.get(JIZHOU, waiting.get(0)).attempts()).isZero();
        // the first's turn comes: its fellows due within the pace, and only the same person's SMS
        assertThat(FIX.notifications.claimFellows(first, "n1", NOON.plusSeconds(14), 100, LEASE)).isEmpty();
        List<Notification> fellows = FIX.notifications.claimFellows(first, "n1", NOON.plusSeconds(15), 100, LEASE);
        assertThat(fellows).extracting(Notification::id).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(FIX.notifications.claimFellows(first, "n2", NOON.plusSeconds(15), 100, LEASE)).isEmpty();
        assertThat(FIX.notifications.claimDue("n2", 100, LEASE)).isEmpty();
        List<UUID> all = new java.util.ArrayList<>(social);
        assertThat(FIX.notifications.deliveredAll(all, "n2", "SMS-9")).isZero();
        assertThat(FIX.notifications.deliveredAll(all, "n1", "SMS-9")).isEqualTo(4);
        assertThat(all).allSatisfy(id -> {
            Notification n = FIX.notifications.get(JIZHOU, id);
            assertThat(n.state()).isEqualTo(NotificationState.DELIVERED);
            assertThat(n.attempts()).isEqualTo(1);
        });
        assertThat(FIX.notifications.deliveredAll(all, "n1", "again")).isZero();
    }

    @Test
    public void aRoleNoticeReachesAStreetOrCommunityDispatcherOnlyForACaseInTheirArea() {
        String community = "36010200100100101"; // 公园街道 叠山社区: both the street's and the community's dispatcher
        String street = "360102001002001";      // 公园街道, another community: the street's dispatcher only
        String elsewhere = "360102002001001";   // another street: neither
        Map<String, List<String>> told = new java.util.HashMap<>();
        for (String grid : List.of(community, street, elsewhere)) {
            UUID id = FIX.cases.report("donghu", new org.gongzhi.core.service.cases.NewCase("路灯不亮", null, "CM0101",
                    org.gongzhi.core.casework.Channel.HOTLINE, null, null, "某路 1 号", grid, "张三", "13800000000",
                    List.of(), null), "seat").kase().id();
            String key = "area:" + UUID.randomUUID();
            FIX.notifications.enqueue(new Notice("donghu", id, "DH-1", "supervision.reminder.warning", key,
                    List.of(new NoticeRecipient(Kind.ROLE, "dispatcher")), Map.of()));
            told.put(grid, FIX.notifications.list("donghu", null, 0, 10_000).items().stream()
                    .filter(n -> n.sourceKey().equals(key) && n.channel() == NotificationChannel.INBOX)
                    .map(Notification::destination).sorted().toList());
        }
        assertThat(told.get(community)).contains("dh-dispatcher", "dh-street-gy", "dh-community-ds");
        assertThat(told.get(street)).contains("dh-dispatcher", "dh-street-gy").doesNotContain("dh-community-ds");
        assertThat(told.get(elsewhere)).contains("dh-dispatcher").doesNotContain("dh-street-gy", "dh-community-ds");
        String key = "no-case:" + UUID.randomUUID();
        FIX.notifications.enqueue(new Notice("donghu", null, null, "default", key,
                List.of(new NoticeRecipient(Kind.ROLE, "dispatcher")), Map.of()));
        assertThat(FIX.notifications.list("donghu", null, 0, 10_000).items().stream()
                .filter(n -> n.sourceKey().equals(key)).map(Notification::destination))
                .contains("dh-dispatcher").doesNotContain("dh-street-gy", "dh-community-ds");
    }

    private static void drainExcept(UUID keep) {
        for (Notification n : FIX.notifications.claimDue("drain", 10_000, LEASE)) {
            if (!n.id().equals(keep)) {
                FIX.notifications.delivered(n.id(), "drain", "t");
            }
        }
        FIX.notifications.release("drain");
    }

    @Test
    public void preferencesChooseTheChannelsAndQuietHoursHoldSmsButNotTheInbox() {
        FIX.notificationSettings.setPreferences(JIZHOU, "jz-mediator", new NotificationPreferences(
                EnumSet.of(NotificationChannel.SMS), LocalTime.of(11, 0), LocalTime.of(13, 0)));
        assertThat(FIX.notificationSettings.preferences(JIZHOU, "jz-mediator").quietEnd()).isEqualTo(LocalTime.of(13, 0));
        assertThat(FIX.notificationSettings.preferences(JIZHOU, "jz-nobody")).isEqualTo(NotificationPreferences.defaults());
        String key = "quiet:" + UUID.randomUUID();
        FIX.notifications.enqueue(notice(key, new NoticeRecipient(Kind.PERSON, "jz-mediator")));
        List<Notification> rows = of(key);
        assertThat(rows).extracting(Notification::channel).containsExactlyInAnyOrder(NotificationChannel.INBOX,
                NotificationChannel.SMS);
        Notification sms = rows.stream().filter(n -> n.channel() == NotificationChannel.SMS).findFirst().orElseThrow();
        assertThat(sms.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z")); // 13:00 in Shanghai
        assertThat(rows.stream().filter(n -> n.channel() == NotificationChannel.INBOX).findFirst().orElseThrow().state())
                .isEqualTo(NotificationState.DELIVERED);
    }

    @Test
    public void theInboxCountsUnreadAndMarksOnlyThePersonsOwn() {
        String user = "jz-grid2";
        long before = FIX.inbox.unreadCount(JIZHOU, user);
        FIX.notifications.enqueue(notice("inbox:" + UUID.randomUUID(), new NoticeRecipient(Kind.PERSON, user)));
        FIX.notifications.enqueue(notice("inbox:" + UUID.randomUUID(), new NoticeRecipient(Kind.GRID, "360802001002001")));
        assertThat(FIX.inbox.unreadCount(JIZHOU, user)).isEqualTo(before + 2);
        var unread = FIX.inbox.list(JIZHOU, user, true, 0, 10);
        assertThat(unread.total()).isEqualTo(before + 2);
        UUID first = unread.items().get(0).id();
        assertThatThrownBy(() -> FIX.inbox.markRead(JIZHOU, "jz-grid1", first)).isInstanceOf(NotFoundException.class);
        assertThat(FIX.inbox.markRead(JIZHOU, user, first).readAt()).isEqualTo(NOON);
        assertThat(FIX.inbox.unreadCount(JIZHOU, user)).isEqualTo(before + 1);
        assertThat(FIX.inbox.markAllRead(JIZHOU, user)).isEqualTo((int) before + 1);
        assertThat(FIX.inbox.unreadCount(JIZHOU, user)).isZero();
        assertThat(FIX.inbox.list(JIZHOU, user, false, 0, 10).total()).isGreaterThanOrEqualTo(2);
    }

    @Test
    public void aDistrictsOwnTemplateReplacesTheShippedOne() {
        FIX.notificationSettings.setTemplate(JIZHOU, "supervision.reminder.warning",
                new NotificationTemplate("吉州催办 ${caseNumber}", "吉州区请尽快办理 ${caseNumber}，期限 ${deadline}", false), "jz-admin");
        try {
            assertThat(FIX.notificationSettings.templates(JIZHOU).get("supervision.reminder.warning").override()).isTrue();
            String key = "tpl:" + UUID.randomUUID();
            FIX.notifications.enqueue(notice(key, new NoticeRecipient(Kind.PERSON, "jz-admin")));
            assertThat(of(key)).allMatch(n -> n.subject().equals("吉州催办 JZ-2026-000007")
                    && n.text().equals("吉州区请尽快办理 JZ-2026-000007，期限 今天 17:00"));
            assertThatThrownBy(() -> FIX.notificationSettings.setTemplate(JIZHOU, "Bad Key",
                    new NotificationTemplate("s", "t", false), "jz-admin"))
                    .hasMessageContaining("event");
        } finally {
            assertThat(FIX.notificationSettings.resetTemplate(JIZHOU, "supervision.reminder.warning")).isTrue();
        }
        assertThat(FIX.notificationSettings.templates(JIZHOU).get("supervision.reminder.warning").override()).isFalse();
    }

    @Test
    public void theOutboxCountsByStateAndChannelAndListsOneChannel() {
        var before = FIX.notifications.counts(JIZHOU);
        String key = "count:" + UUID.randomUUID();
        FIX.notifications.enqueue(notice(key, new NoticeRecipient(Kind.PERSON, "jz-ga")));
        var after = FIX.notifications.counts(JIZHOU);
        assertThat(count(after, NotificationState.DELIVERED, NotificationChannel.INBOX))
                .isEqualTo(count(before, NotificationState.DELIVERED, NotificationChannel.INBOX) + 1);
        assertThat(count(after, NotificationState.PENDING, NotificationChannel.SMS))
                .isEqualTo(count(before, NotificationState.PENDING, NotificationChannel.SMS) + 1);
        assertThat(count(after, NotificationState.PENDING, NotificationChannel.EMAIL))
                .isEqualTo(count(before, NotificationState.PENDING, NotificationChannel.EMAIL) + 1);
        var sms = FIX.notifications.list(JIZHOU, NotificationState.PENDING, NotificationChannel.SMS, 0, 10_000);
        assertThat(sms.items()).allMatch(n -> n.channel() == NotificationChannel.SMS && n.state() == NotificationState.PENDING)
                .anyMatch(n -> n.sourceKey().equals(key));
        assertThat(sms.total()).isEqualTo(count(after, NotificationState.PENDING, NotificationChannel.SMS));
        assertThat(FIX.notifications.list(JIZHOU, null, NotificationChannel.WECOM, 0, 10_000).items())
                .noneMatch(n -> n.sourceKey().equals(key));
        assertThatThrownBy(() -> FIX.notifications.counts("nowhere")).isInstanceOf(NotFoundException.class);
    }

    private static long count(Map<NotificationState, Map<NotificationChannel, Long>> counts, NotificationState state,
                              NotificationChannel channel) {
        return counts.getOrDefault(state, Map.of()).getOrDefault(channel, 0L);
    }

    @Test
    public void theShippedTemplatesNameTheVariablesTheirNoticesCarry() {
        var shipped = FIX.notificationSettings.shippedTemplates();
        assertThat(shipped.keySet()).isEqualTo(FIX.notificationSettings.templates(JIZHOU).keySet());
        assertThat(shipped.get("supervision.reminder.warning").variables())
                .contains("caseNumber", "district", "event", "category", "deadline", "reason");
        assertThat(shipped.get("case.dispatched").variables())
                .containsExactly("caseNumber", "category", "deadline", "department", "district", "event", "role", "roleLabel");
        assertThat(shipped.get("supervision.listed").template().text()).contains("${caseNumber}");
    }
}
