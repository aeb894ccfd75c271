package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to one PostgreSQL notification channel on a connection of its own, on a daemon thread.
 * Each payload is passed to {@code onPayload} once per wake-up (repeats of one payload in a burst
 * are folded); after every (re)connection {@code onConnect} runs first, since notifications sent
 * while nobody listened are lost. A callback that throws is logged and the listener goes on; a lost
 * connection is opened again with a growing pause (0.5 s up to 10 s).
 */
final class ChannelListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final long FIRST_PAUSE_MILLIS = 500;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> onPayload;
    private final Runnable onConnect;
    private final Thread thread;
    private volatile boolean open = true;

    /** Starts listening at once; {@code channel} must be a plain SQL identifier. */
    ChannelListener(DataSource dataSource, String channel, Consumer<String> onPayload, Runnable onConnect) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.channel = channel;
        this.onPayload = onPayload;
        this.onConnect = onConnect;
        this.thread = new Thread(this::listen, "gongzhi-listen-" + channel);
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        long pause = FIRST_PAUSE_MILLIS;
        while (open) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + channel);
                }
                pause = FIRST_PAUSE_MILLIS;
                guarded("the catch-up after connecting", onConnect);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        Set<String> payloads = new LinkedHashSet<>();
                        for (PGNotification n : received) {
                            payloads.add(n.getParameter());
                        }
                        payloads.forEach(p -> guarded(p, () -> onPayload.accept(p)));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!open) {
                    return;
                }
                LOG.warn("Listener of {} lost its database connection; connecting again in {} ms: {}", channel, pause,
                        e.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Listener of {}: handling {} failed", channel, what, e);
        }
    }

    /** Stops listening and waits up to 5 s for the thread to end. */
    @Override
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
