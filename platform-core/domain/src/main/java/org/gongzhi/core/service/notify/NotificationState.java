package org.gongzhi.core.service.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a notification is in the outbox.
 *
 * @since 1.0
 */
public enum NotificationState {
    /** Waiting for its (next) delivery attempt, possibly until the person's quiet hours end. */
    PENDING,
    /** The channel took it (for the inbox: written). */
    DELIVERED,
    /** Out of attempts or refused for good: a dead letter, replayable. */
    DEAD,
    /** Nowhere to send it (no phone, no robot configured for the group): replayable once set up. */
    UNROUTED;

    /** The name on the wire: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a wire name (case-insensitive); empty when there is none. */
    public static Optional<NotificationState> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (NotificationState s : values()) {
            if (s.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
