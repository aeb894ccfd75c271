package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.events.CaseEventListener;
import org.gongzhi.core.service.events.CaseEvents;
import org.gongzhi.core.service.notify.InboxSignals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live case events of this node, read from the journal (V13). One thread holds its own
 * connection, LISTENs to district mode switches, and every {@value #POLL_MILLIS} ms reads the events
 * that became final since its position and hands them to the subscribers. (The journal no longer
 * sends a NOTIFY at commit, V38: PostgreSQL serialises the commits of notifying transactions, fsync
 * included, which cost intake more than polling costs the feed.) Subscriptions are added and
 * replayed on that thread, so a resumed subscriber gets each event once, in order. Every node runs its own feed on the shared
 * database: an event written through any node reaches the subscribers of all. The same connection
 * listens to the inbox's signals (V21, ADR 0031) and passes them to {@link InboxWatchers}; after each
 * (re)connection every inbox watcher is called once, for signals sent while nobody listened.
 */
@Component(service = {CaseEvents.class, InboxSignals.class})
public final class CaseEventFeed implements CaseEvents, InboxSignals {

    static final String MODE_CHANNEL = "gongzhi_district_mode";
    static final int POLL_MILLIS = 100;
    /** Events read per query; a larger backlog is read in several. */
    static final int BATCH = 500;
    /** Events a resumed subscription gets at most; beyond that it is told of the gap. */
    static final int REPLAY_LIMIT = 2_000;
    private static final Duration RECONNECT_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(CaseEventFeed.class);

    private final DataSource dataSource;
    private final Database database;
    private final BlockingQueue<FeedTask> tasks = new LinkedBlockingQueue<>();
    private final InboxWatchers inboxes = new InboxWatchers();
    /** Only touched on the feed thread. */
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** The newest event handed out; written by the feed thread only. */
    private volatile EventCursor position;

    @Activate
    public CaseEventFeed(@Reference(target = "(gongzhi.datasource=main)") DataSource dataSource,
                         @Reference PersistenceRuntime runtime) {
        this(dataSource, runtime.database());
    }

    /** A feed reading through its own connection of {@code dataSource}; {@code database} answers {@link #recent}. */
    CaseEventFeed(DataSource dataSource, Database database) {
        this.dataSource = dataSource;
        this.database = database;
        // the position is known before anyone can subscribe: a subscriber then gets every event committed
        // after its call, even one committed before the feed's thread first reads
        try (Connection c = dataSource.getConnection()) {
            position = JournalEvents.head(c);
        } catch (SQLException e) {
            LOG.warn("Case event feed cannot read the journal yet; it starts once the database answers: {}", e.toString());
        }
        this.thread = new Thread(this::run, "gongzhi-case-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    @Override
    public Subscription subscribe(String tenant, String after, CaseEventListener listener) {
        Subscriber s = new Subscriber(tenant, Objects.requireNonNull(listener, "listener"));
        // without a cursor: every event not yet handed out when this call returns (a null position
        // means the feed has not read the head yet, and will start from it)
        EventCursor from = EventCursor.parse(after).orElse(position);
        tasks.add(c -> add(c, s, from));
        return () -> tasks.add(c -> subscribers.remove(s));
    }

    @Override
    public List<CaseEvent> recent(String tenant, int limit) {
        int n = Math.max(0, Math.min(limit, 200));
        return database.inTenant(tenant, session -> session.doReturningWork(c -> JournalEvents.recent(c, tenant, n)));
    }

    @Override
    public Watch watch(String tenantId, String username, Runnable changed) {
        return inboxes.watch(tenantId, username, changed);
    }

    /** Number of live subscriptions (for health and tests). */
    int subscriptions() {
        return subscribers.size();
    }

    private void run() {
        long backOff = 500;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + MODE_CHANNEL);
                    st.execute("listen " + InboxWatchers.CHANNEL);
                }
                if (position == null) {
                    position = JournalEvents.head(c);
                }
                inboxes.all();
                backOff = 500;
                serve(c, c.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Case event feed lost its database connection; reconnecting in {} ms: {}", backOff, e.toString());
                sleep(backOff);
                backOff = Math.min(backOff * 2, 10_000);
            }
        }
    }

    private void serve(Connection c, PGConnection pg) throws SQLException {
        long until = System.nanoTime() + RECONNECT_EVERY.toNanos();
        while (running && System.nanoTime() < until) {
            PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
            for (FeedTask task; (task = tasks.poll()) != null; ) {
                task.run(c);
            }
            if (notes != null) {
                for (PGNotification n : notes) {
                    if (MODE_CHANNEL.equals(n.getName())) {
                        modeChanged(n.getParameter());
                    } else if (InboxWatchers.CHANNEL.equals(n.getName())) {
                        inboxes.signal(n.getParameter());
                    }
                }
            }
            List<CaseEvent> events;
            do {
                events = JournalEvents.after(c, position, BATCH);
                for (CaseEvent e : events) {
                    deliver(e);
                }
                if (!events.isEmpty()) {
                    position = EventCursor.parse(events.get(events.size() - 1).id()).orElseThrow();
                }
            } while (events.size() == BATCH && running);
        }
    }

    private void add(Connection c, Subscriber s, EventCursor from) throws SQLException {
        if (from != null && from.compareTo(position) < 0) {
            List<CaseEvent> missed = JournalEvents.between(c, s.tenant, from, position, REPLAY_LIMIT + 1);
            if (missed.size() > REPLAY_LIMIT) {
                s.gap();
            } else {
                missed.forEach(s::deliver);
            }
        }
        if (!s.failed) {
            subscribers.add(s);
        }
    }

    private void deliver(CaseEvent e) {
        subscribers.removeIf(s -> (s.tenant == null || s.tenant.equals(e.tenant())) && !s.deliver(e));
    }

    private void modeChanged(String tenant) {
        subscribers.removeIf(s -> (s.tenant == null || s.tenant.equals(tenant)) && !s.modeChanged(tenant));
    }

    private void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Work done on the feed thread with its connection. */
    private interface FeedTask {
        void run(Connection c) throws SQLException;
    }

    /** One subscription; a listener that throws is dropped. */
    private static final class Subscriber {
        final String tenant;
        final CaseEventListener listener;
        boolean failed;

        Subscriber(String tenant, CaseEventListener listener) {
            this.tenant = tenant;
            this.listener = listener;
        }

        boolean deliver(CaseEvent e) {
            return call(() -> listener.onCase(e));
        }

        boolean modeChanged(String t) {
            return call(() -> listener.onModeChange(t));
        }

        boolean gap() {
            return call(listener::onGap);
        }

        private boolean call(Runnable r) {
            if (failed) {
                return false;
            }
            try {
                r.run();
                return true;
            } catch (RuntimeException ex) {
                LOG.debug("Dropping a case event subscriber that failed: {}", ex.toString());
                failed = true;
                return false;
            }
        }
    }
}
