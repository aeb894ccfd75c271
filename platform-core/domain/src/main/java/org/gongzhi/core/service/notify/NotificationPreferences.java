package org.gongzhi.core.service.notify;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person's choices (通知偏好): the channels besides the inbox, and quiet hours (免打扰时段) in the
 * district's time zone during which SMS and e-mail wait (the inbox does not).
 *
 * @param channels   channels to use; {@link NotificationChannel#INBOX} is always added,
 *                   {@link NotificationChannel#WECOM} is a group channel and never a person's
 * @param quietStart start of the quiet hours, or {@code null} for none
 * @param quietEnd   end of the quiet hours (may be before the start: over midnight); {@code null} iff
 *                   {@code quietStart} is
 * @since 1.0
 */
public record NotificationPreferences(Set<NotificationChannel> channels, LocalTime quietStart, LocalTime quietEnd) {

    /** Checks the rules above and copies the set. */
    public NotificationPreferences {
        Objects.requireNonNull(channels, "channels");
        if (channels.contains(NotificationChannel.WECOM)) {
            throw new IllegalArgumentException("channels: wecom is a group channel, not a person's");
        }
        EnumSet<NotificationChannel> copy = EnumSet.of(NotificationChannel.INBOX);
        copy.addAll(channels);
        channels = Set.copyOf(copy);
        if ((quietStart == null) != (quietEnd == null)) {
            throw new IllegalArgumentException("quietHours: give both start and end, or neither");
        }
        if (quietStart != null && quietStart.equals(quietEnd)) {
            throw new IllegalArgumentException("quietHours: start and end must differ");
        }
    }

    /** What a person who chose nothing gets: inbox, SMS and e-mail, no quiet hours. */
    public static NotificationPreferences defaults() {
        return new NotificationPreferences(EnumSet.of(NotificationChannel.SMS, NotificationChannel.EMAIL), null, null);
    }

    /** Whether {@code time} falls into the quiet hours ({@code [start, end)}, over midnight when end < start). */
    public boolean quietAt(LocalTime time) {
        if (quietStart == null) {
            return false;
        }
        return quietStart.isBefore(quietEnd)
                ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd);
    }
}
