package org.gongzhi.core.persistence.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.core.service.notify.InboxSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchers of people's inboxes on this node, by {@code <tenant>:<username>} — the payload of the
 * {@value #CHANNEL} notifications that V21's triggers send when an inbox row is written or read.
 * {@link CaseEventFeed} listens on its connection and calls {@link #signal} and, after it (re)connected,
 * {@link #all}. A watcher that throws is logged and kept (the stream it serves closes itself).
 */
final class InboxWatchers implements InboxSignals {

    /** The channel of V21's triggers. */
    static final String CHANNEL = "gongzhi_inbox";
    private static final Logger LOG = LoggerFactory.getLogger(InboxWatchers.class);

    private final Map<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();

    @Override
    public Watch watch(String tenantId, String username, Runnable changed) {
        Objects.requireNonNull(changed, "changed");
        String key = key(Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(username, "username"));
        // a wrapper per watch, so the same Runnable watched twice is closed twice
        Runnable w = changed::run;
        watchers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(w);
        return () -> watchers.computeIfPresent(key, (k, set) -> set.remove(w) && set.isEmpty() ? null : set);
    }

    /** A notification's payload {@code <tenant>:<username>}: calls that person's watchers. */
    void signal(String payload) {
        Set<Runnable> set = payload == null ? null : watchers.get(payload);
        if (set != null) {
            set.forEach(this::call);
        }
    }

    /** Calls every watcher (signals may have been missed). */
    void all() {
        watchers.values().forEach(set -> set.forEach(this::call));
    }

    /** Number of people watched (for tests). */
    int watched() {
        return watchers.size();
    }

    static String key(String tenantId, String username) {
        return tenantId + ":" + username;
    }

    private void call(Runnable w) {
        try {
            w.run();
        } catch (RuntimeException e) {
            LOG.debug("An inbox watcher failed: {}", e.toString());
        }
    }
}
