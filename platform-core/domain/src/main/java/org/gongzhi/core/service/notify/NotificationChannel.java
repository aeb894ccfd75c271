package org.gongzhi.core.service.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * How a notification reaches people (通知渠道).
 *
 * @since 1.0
 */
public enum NotificationChannel {
    /** The console's in-app inbox (站内信): written as delivered, read by the person in the console. */
    INBOX,
    /** A text message through the platform's HTTP SMS provider (短信). */
    SMS,
    /** An e-mail over SMTP (邮件). */
    EMAIL,
    /** A WeChat Work group robot (企业微信群机器人) of a department, the district or the city. */
    WECOM;

    /** The name on the wire and in the database columns' JSON: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel of a wire name (case-insensitive); empty when there is none. */
    public static Optional<NotificationChannel> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (NotificationChannel c : values()) {
            if (c.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether quiet hours hold it back (SMS and e-mail; never the inbox or a group robot). */
    public boolean quietable() {
        return this == SMS || this == EMAIL;
    }
}
