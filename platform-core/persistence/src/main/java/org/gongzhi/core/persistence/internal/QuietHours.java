package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationPreferences;

/** When a notification may go out: SMS and e-mail wait for the end of the person's quiet hours (免打扰). */
final class QuietHours {

    private QuietHours() {
    }

    /** {@code now}, or the end of the quiet hours in {@code zone} when {@code now} is inside them and the channel waits. */
    static Instant dueAt(NotificationPreferences p, NotificationChannel channel, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (!channel.quietable() || !p.quietAt(local.toLocalTime())) {
            return now;
        }
        ZonedDateTime end = local.with(p.quietEnd());
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
