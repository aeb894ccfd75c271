package org.gongzhi.core.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationOutbox;
import org.gongzhi.core.service.notify.NotificationState;
import org.gongzhi.core.testing.MemoryLeases;

/**
 * The outbox contract in memory, for testing the routes alone (the PostgreSQL outbox has its own tests
 * in the persistence bundle, and the container test runs both together). Counts settlements per row.
 */
final class MemoryNotificationOutbox extends MemoryLeases<Notification> implements NotificationOutbox {

    final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    MemoryNotificationOutbox() {
        super(Notification::id, n -> n.state() == NotificationState.PENDING, Notification::nextAttemptAt);
    }

    Notification add(String tenant, String destination, NotificationChannel channel, String subject, String text) {
        UUID id = UUID.randomUUID();
        Notification n = new Notification(id, tenant, UUID.randomUUID(), "JZ-2026-000042", "supervision.reminder.warning",
                "test:" + id, destination, channel, subject, text, NotificationState.PENDING, 0, Instant.now(),
                Instant.now(), null, null, null);
        return put(n);
    }

    Notification row(UUID id) {
        return get(id);
    }

    @Override
    public List<Notification> claimDue(String node, int max, Duration lease, Collection<String> resting) {
        return claimDue(node, max, lease, n -> !resting.contains(Pace.destination(n)));
    }

    @Override
    public List<Notification> claimDue(String node, int max, Duration lease, Map<String, Instant> restingUntil) {
        for (Notification n : rows()) {
            Instant free = restingUntil.get(Pace.destination(n));
            if (free != null && n.state() == NotificationState.PENDING && !n.nextAttemptAt().isAfter(Instant.now())
                    && claim(n.id(), node, lease).isPresent()) {
                postpone(List.of(n.id()), node, free);
            }
        }
        return claimDue(node, max, lease, restingUntil.keySet());
    }

    @Override
    public int enqueue(Notice notice) {
        throw new UnsupportedOperationException();
    }

    private boolean settleAs(UUID id, String node, NotificationState state, Instant next, String error, int plus) {
        return settleWith(id, node, state, next, n -> error, plus);
    }

    private boolean settleWith(UUID id, String node, NotificationState state, Instant next,
                               Function<Notification, String> error, int plus) {
        return settle(id, node, n -> new Notification(n.id(), n.tenantId(), n.caseId(), n.caseNumber(), n.event(),
                n.sourceKey(), n.destination(), n.channel(), n.subject(), n.text(), state, n.attempts() + plus,
                n.createdAt(), next == null ? n.nextAttemptAt() : next,
                state == NotificationState.DELIVERED ? Instant.now() : null, null, error.apply(n)));
    }

    @Override
    public boolean delivered(UUID id, String node, String receipt) {
        boolean ok = settleAs(id, node, NotificationState.DELIVERED, null, null, 1);
        if (ok) {
            deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
        return ok;
    }

    @Override
    public List<Notification> claimFellows(Notification first, String node, Instant dueBy, int max, Duration lease) {
        List<Notification> out = new ArrayList<>();
        rows().stream()
                .filter(n -> n.tenantId().equals(first.tenantId()) && n.destination().equals(first.destination())
                        && n.channel() == first.channel() && !n.id().equals(first.id())
                        && n.state() == NotificationState.PENDING && !n.nextAttemptAt().isAfter(dueBy))
                .sorted(Comparator.comparing(Notification::nextAttemptAt))
                .forEach(n -> {
                    if (out.size() < max) {
                        claim(n.id(), node, lease).ifPresent(out::add);
                    }
                });
        return out;
    }

    @Override
    public int deliveredAll(Collection<UUID> ids, String node, String receipt) {
        return (int) ids.stream().filter(id -> delivered(id, node, receipt)).count();
    }

    @Override
    public int postpone(Collection<UUID> ids, String node, Instant dueAt) {
        // as the database's outbox: a postponed row keeps its last error (the pace is no attempt)
        return (int) ids.stream()
                .filter(id -> settleWith(id, node, NotificationState.PENDING, dueAt, Notification::lastError, 0)).count();
    }

    @Override
    public boolean failed(UUID id, String node, String error, Instant nextAttemptAt) {
        return settleAs(id, node, NotificationState.PENDING, nextAttemptAt, error, 1);
    }

    @Override
    public boolean dead(UUID id, String node, String error) {
        return settleAs(id, node, NotificationState.DEAD, null, error, 1);
    }

    @Override
    public boolean unrouted(UUID id, String node, String reason) {
        return settleAs(id, node, NotificationState.UNROUTED, null, reason, 0);
    }

    @Override
    public Page<Notification> list(String tenantId, NotificationState state, NotificationChannel channel, int offset,
                                   int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<NotificationState, Map<NotificationChannel, Long>> counts(String tenantId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Notification replay(String tenantId, UUID id, String actor) {
        throw new UnsupportedOperationException();
    }
}
