package org.gongzhi.core.persistence.internal;

import java.time.Instant;

import org.gongzhi.core.service.notify.Notice;
import org.hibernate.Session;

/**
 * Writes notices to the notification outbox on the session's connection, in the caller's
 * transaction. (Issue 16: the outbox table and its rows come with the notifications work; until
 * then a notice is dropped.)
 */
final class NoticeRows {

    private NoticeRows() {
    }

    /**
     * Enqueues one notice: a row per resolved person and channel, at most once per
     * {@link Notice#sourceKey()}, person and channel.
     *
     * @return how many notifications were written
     */
    static int enqueue(Session s, Notice notice, Instant now) {
        return 0;
    }
}
