package org.gongzhi.core.service.notify;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells that a person's in-app inbox (站内信) changed — a notification written for them or one read —
 * whichever platform node committed it, so that their open pages can show the unread count at once
 * instead of asking for it. A signal carries no content: the watcher reads what it needs
 * ({@link NotificationInbox#unreadCount}). Implemented by the persistence bundle (one database listener
 * per node, ADR 0031); called by the REST layer's live streams.
 *
 * <p>Contract: {@code changed} runs after the change committed, on the signal thread, and must return
 * quickly (hand any database read to another thread). Signals of one person in one transaction may fold
 * into one. When signals may have been missed (the node's listener lost its connection), every watcher
 * is called once after the listener is back, so a watcher that re-reads on each call never stays behind.
 *
 * @since 1.1
 */
@ProviderType
public interface InboxSignals {

    /** Calls {@code changed} whenever {@code username}'s inbox in district {@code tenantId} changes, until closed. */
    Watch watch(String tenantId, String username, Runnable changed);

    /** A watch; closing it stops the calls. Idempotent. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
