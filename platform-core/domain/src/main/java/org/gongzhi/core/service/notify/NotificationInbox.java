package org.gongzhi.core.service.notify;

import java.util.UUID;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A person's in-app inbox (站内信) with unread counts: the {@link NotificationChannel#INBOX}
 * notifications addressed to them. Implemented by the persistence bundle; called by the REST layer.
 * A person sees and marks only their own.
 *
 * @since 1.0
 */
@ProviderType
public interface NotificationInbox {

    /** The person's inbox, newest first; only unread ones when {@code unreadOnly}. */
    Page<InboxItem> list(String tenantId, String username, boolean unreadOnly, int offset, int limit);

    /** How many the person has not read. */
    long unreadCount(String tenantId, String username);

    /**
     * Marks one read (again: no change).
     *
     * @throws NotFoundException when the person has no such notification
     */
    InboxItem markRead(String tenantId, String username, UUID id);

    /** Marks all the person's notifications read; returns how many were unread. */
    int markAllRead(String tenantId, String username);
}
