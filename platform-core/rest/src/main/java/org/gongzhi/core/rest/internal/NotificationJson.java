package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.notify.InboxItem;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationPreferences;
import org.gongzhi.core.service.notify.NotificationState;

/** Wire forms of notifications: inbox items, the centre's view of the outbox, preferences. */
final class NotificationJson {

    private NotificationJson() {
    }

    /** One item of the caller's inbox. */
    record Item(String id, String caseId, String caseNumber, String event, String subject, String text,
                Instant createdAt, Instant readAt, boolean read) {
        static Item of(InboxItem i) {
            return new Item(i.id().toString(), i.caseId() == null ? null : i.caseId().toString(), i.caseNumber(),
                    i.event(), i.subject(), i.text(), i.createdAt(), i.readAt(), i.readAt() != null);
        }
    }

    record ItemPage(List<Item> items, long total, int offset, int limit) {
    }

    record UnreadCount(long unread) {
    }

    record Marked(int marked) {
    }

    /** A notification as the centre sees it: where it stands, not its text (which the inbox shows). */
    record Outbound(String id, String caseId, String caseNumber, String event, String destination, String channel,
                    String state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                    String lastError) {
        static Outbound of(Notification n) {
            return new Outbound(n.id().toString(), n.caseId() == null ? null : n.caseId().toString(), n.caseNumber(),
                    n.event(), n.destination(), n.channel().wireName(), n.state().wireName(), n.attempts(),
                    n.createdAt(), n.state() == NotificationState.PENDING ? n.nextAttemptAt() : null, n.deliveredAt(),
                    n.lastError());
        }
    }

    record OutboundPage(List<Outbound> items, long total, int offset, int limit) {
    }

    /** One state and channel of the outbox and how many notifications it holds. */
    record Count(String state, String channel, long count) {
    }

    /** The outbox's counts, by state then channel. */
    record Counts(List<Count> counts) {
        static Counts of(Map<NotificationState, Map<NotificationChannel, Long>> counts) {
            List<Count> out = new ArrayList<>();
            new TreeMap<>(counts).forEach((state, byChannel) -> new TreeMap<>(byChannel).forEach((channel, n) ->
                    out.add(new Count(state.wireName(), channel.wireName(), n))));
            return new Counts(out);
        }
    }

    /** Quiet hours, {@code HH:mm} in the district's time zone. */
    record QuietHours(String start, String end) {
    }

    /** A person's preferences on the wire: {@code channels} among inbox, sms, email; quiet hours or {@code null}. */
    record Preferences(List<String> channels, QuietHours quietHours) {

        static Preferences of(NotificationPreferences p) {
            return new Preferences(p.channels().stream().sorted().map(NotificationChannel::wireName).toList(),
                    p.quietStart() == null ? null : new QuietHours(hhmm(p.quietStart()), hhmm(p.quietEnd())));
        }

        /** The preferences asked for; 400 naming {@code channels} or {@code quietHours.start}/{@code end}. */
        NotificationPreferences parsed() {
            if (channels == null) {
                throw new ValidationException("channels", "必填项 (required): channels（inbox、sms、email）");
            }
            EnumSet<NotificationChannel> set = EnumSet.noneOf(NotificationChannel.class);
            for (String c : channels) {
                NotificationChannel channel = NotificationChannel.fromWire(c)
                        .filter(x -> x != NotificationChannel.WECOM)
                        .orElseThrow(() -> new ValidationException("channels", "渠道须为 inbox、sms 或 email "
                                + "(channels: inbox, sms or email): " + InboxParams.shown(c)));
                set.add(channel);
            }
            LocalTime start = null;
            LocalTime end = null;
            if (quietHours != null) {
                start = time("quietHours.start", quietHours.start());
                end = time("quietHours.end", quietHours.end());
                if (start.equals(end)) {
                    throw new ValidationException("quietHours.end", "免打扰起止时间不能相同 (quietHours: start and end must differ)");
                }
            }
            return new NotificationPreferences(set, start, end);
        }

        private static LocalTime time(String field, String value) {
            if (value == null || !value.matches("[0-2][0-9]:[0-5][0-9]")) {
                throw new ValidationException(field, field + " 须为 HH:mm (must be HH:mm): " + InboxParams.shown(value));
            }
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new ValidationException(field, field + " 须为 HH:mm (must be HH:mm): " + InboxParams.shown(value));
            }
        }

        private static String hhmm(LocalTime t) {
            return String.format("%02d:%02d", t.getHour(), t.getMinute());
        }
    }
}
