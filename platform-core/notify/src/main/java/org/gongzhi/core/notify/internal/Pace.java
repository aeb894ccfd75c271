package org.gongzhi.core.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationOutbox;

/**
 * How often one destination may get a message on one channel (ADR 0040): after a message, the next
 * one to the same person or robot waits the channel's pace, and whatever comes for it meanwhile goes
 * out together as one digest. Kept per node in memory: two nodes may each send once per pace. A
 * channel with no pace (or zero) sends at once, one message per notification.
 */
final class Pace {

    private final Map<NotificationChannel, Duration> perChannel;
    private final Map<String, Instant> nextFree = new ConcurrentHashMap<>();

    /** @param perChannel each channel's pace; a channel absent has none */
    Pace(Map<NotificationChannel, Duration> perChannel) {
        this.perChannel = Map.copyOf(perChannel);
    }

    /** Where {@code n} goes: its district, channel and destination, as one key ({@link NotificationOutbox#destinationKey}). */
    static String destination(Notification n) {
        return NotificationOutbox.destinationKey(n.tenantId(), n.channel(), n.destination());
    }

    /**
     * The destinations whose pace is not over at {@code now}, each with the time it is free again: a claim moves
     * their due notifications to that time.
     */
    Map<String, Instant> resting(Instant now) {
        Map<String, Instant> resting = new HashMap<>();
        nextFree.forEach((k, free) -> {
            if (free.isAfter(now)) {
                resting.put(k, free);
            }
        });
        return resting;
    }

    /** The channel's pace, {@link Duration#ZERO} for none. */
    Duration of(NotificationChannel channel) {
        return perChannel.getOrDefault(channel, Duration.ZERO);
    }

    /**
     * Takes {@code n}'s destination's turn at {@code now}: empty when it was free (it is now taken for
     * one pace), else the time it is free again.
     */
    Optional<Instant> take(Notification n, Instant now) {
        Duration pace = of(n.channel());
        if (pace.isZero()) {
            return Optional.empty();
        }
        Instant[] busy = new Instant[1];
        nextFree.compute(destination(n), (k, free) -> {
            if (free != null && free.isAfter(now)) {
                busy[0] = free;
                return free;
            }
            return now.plus(pace);
        });
        return Optional.ofNullable(busy[0]);
    }
}
