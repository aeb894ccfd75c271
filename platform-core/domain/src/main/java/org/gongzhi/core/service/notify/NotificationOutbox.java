package org.gongzhi.core.service.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The notification outbox (通知外发箱). A {@link Notice} becomes one {@link Notification} per person (or
 * group) and channel, written once per cause however often it is asked; delivery components
 * (the notify bundle's channel routes) claim due ones, send them and settle them. Claims are leases
 * ({@code FOR UPDATE SKIP LOCKED}): two platform nodes never hold one notification at once. Settling
 * methods do nothing when {@code node} no longer holds the claim and return {@code false}.
 *
 * <p>Implemented by the persistence bundle; called by the notify bundle and the REST layer.
 *
 * @since 1.0
 */
@ProviderType
public interface NotificationOutbox {

    /**
     * Writes a notice in a transaction of its own (callers inside a case transaction use the
     * persistence bundle's own entry point instead); returns how many notifications were written
     * (0 when the cause was written before).
     *
     * @throws NotFoundException for an unknown district
     */
    int enqueue(Notice notice);

    /** Claims up to {@code max} pending notifications that are due and not leased, of every district, oldest due first. */
    List<Notification> claimDue(String node, int max, Duration lease);

    /**
     * {@link #claimDue(String, int, Duration)} without the notifications whose district, channel and destination
     * are among {@code resting} (keys of {@link #destinationKey}): a destination whose pace is not over would
     * only have them claimed to postpone them.
     *
     * @since 1.3
     */
    List<Notification> claimDue(String node, int max, Duration lease, Collection<String> resting);

    /**
     * {@link #claimDue(String, int, Duration, Collection)} leaving out the destinations of {@code restingUntil}'s
     * keys, whose due notifications that nobody leases are first moved to the time the destination is free again
     * (the key's value): they then stay out of every claim's way until then, instead of being read and passed over
     * by each one, and come due together for one digest. Not an attempt: their attempts are unchanged.
     *
     * @since 1.4
     */
    List<Notification> claimDue(String node, int max, Duration lease, Map<String, Instant> restingUntil);

    /**
     * One destination of one district on one channel, as one key.
     *
     * @since 1.3
     */
    static String destinationKey(String tenantId, NotificationChannel channel, String destination) {
        return tenantId + '\n' + channel.name() + '\n' + destination;
    }

    /**
     * Claims, to go out with {@code first} in one digest, the other pending notifications of its district,
     * destination and channel that are due by {@code dueBy} and not leased, oldest due first, at most
     * {@code max}.
     *
     * @since 1.2
     */
    List<Notification> claimFellows(Notification first, String node, Instant dueBy, int max, Duration lease);

    /** The channel took it; {@code receipt} (the provider's id) is kept, at most 200 characters. */
    boolean delivered(UUID id, String node, String receipt);

    /**
     * {@link #delivered} of several notifications that went out as one message (a digest), in one
     * statement; returns how many {@code node} still held.
     *
     * @since 1.2
     */
    int deliveredAll(Collection<UUID> ids, String node, String receipt);

    /**
     * Pending again at {@code dueAt} without counting an attempt (the channel's pace for their destination
     * is spent until then), in one statement; returns how many {@code node} still held.
     *
     * @since 1.2
     */
    int postpone(Collection<UUID> ids, String node, Instant dueAt);

    /** An attempt failed for a passing reason: pending again at {@code nextAttemptAt}, attempts + 1. */
    boolean failed(UUID id, String node, String error, Instant nextAttemptAt);

    /** Refused for good or out of attempts: a dead letter. */
    boolean dead(UUID id, String node, String error);

    /** Nowhere to send it (no address, no robot configured). */
    boolean unrouted(UUID id, String node, String reason);

    /** Ends every lease {@code node} holds (at its start and stop); returns how many. */
    int release(String node);

    /** Notifications of a district in {@code state} (all when {@code null}), newest first. */
    default Page<Notification> list(String tenantId, NotificationState state, int offset, int limit) {
        return list(tenantId, state, null, offset, limit);
    }

    /**
     * Notifications of a district in {@code state} on {@code channel} (either {@code null}: all), newest first.
     *
     * @throws NotFoundException for an unknown district
     */
    Page<Notification> list(String tenantId, NotificationState state, NotificationChannel channel, int offset, int limit);

    /**
     * How many notifications the district has by state and channel; a pair without any is absent.
     *
     * @throws NotFoundException for an unknown district
     */
    Map<NotificationState, Map<NotificationChannel, Long>> counts(String tenantId);

    /** One notification of a district. @throws NotFoundException if there is none */
    Notification get(String tenantId, UUID id);

    /**
     * Sends a dead letter (or an unrouted notification) again: pending now, attempts reset, same id.
     *
     * @throws NotFoundException if there is none
     * @throws ConflictException ({@code state}) when it is pending or delivered
     */
    Notification replay(String tenantId, UUID id, String actor);
}
