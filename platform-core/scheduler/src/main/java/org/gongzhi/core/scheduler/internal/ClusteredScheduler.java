package org.gongzhi.core.scheduler.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * One node's Quartz scheduler on the shared job store: {@code JobStoreTX} with the PostgreSQL delegate,
 * clustered, on the platform database (tables {@code qrtz_*}, migration V19). All nodes use the same
 * scheduler name, so they share the triggers; each has its own instance id (AUTO: host name and start
 * time). Whichever node acquires a trigger (under the row lock {@code TRIGGER_ACCESS}) runs the firing;
 * a node that stops checking in is taken over by the others after the check-in interval, and the
 * firings it had in hand are run again by them.
 */
final class ClusteredScheduler implements AutoCloseable {

    /** The scheduler name of every node: the {@code sched_name} of the rows. */
    static final String NAME = "gongzhi";
    private static final AtomicInteger PROVIDERS = new AtomicInteger();

    /** What may differ between deployments. */
    record Settings(String instanceId, int threads, long checkinIntervalMillis, long misfireThresholdMillis) {
    }

    private final Scheduler scheduler;
    private final String provider;

    ClusteredScheduler(DataSource dataSource, Settings settings) throws SchedulerException {
        this.provider = "gongzhi-scheduler-" + PROVIDERS.incrementAndGet();
        // the cluster manager and the misfire handler hold a connection each besides the workers
        PooledConnections connections = new PooledConnections(dataSource, provider, settings.threads() + 3);
        DBConnectionManager.getInstance().addConnectionProvider(provider, connections);
        try {
            ensureLockRows(connections);
            Properties p = new Properties();
            p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, NAME);
            p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, settings.instanceId());
            p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
            // a node that found nothing to take looks again after at most this long (Quartz: 30 s), so
            // it takes a firing another node handed back when it stopped well within the misfire threshold
            p.setProperty("org.quartz.scheduler.idleWaitTime", "2000");
            p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
            p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
            p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
            p.setProperty("org.quartz.threadPool.threadNamePrefix", "gongzhi-scheduler");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", provider);
            p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.checkinIntervalMillis()));
            p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThresholdMillis()));
            p.setProperty("org.quartz.jobStore.useProperties", "true");
            // take triggers only under the row lock: no two nodes acquire the same firing
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(ClusteredScheduler.class.getClassLoader());
            try {
                this.scheduler = new StdSchedulerFactory(p).getScheduler();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            // Quartz keeps schedulers in a JVM-wide table by name; we hold ours ourselves, and the
            // table would refuse a second node of the same cluster in one JVM (the two-node test)
            SchedulerRepository.getInstance().remove(NAME);
        } catch (SchedulerException | RuntimeException e) {
            connections.shutdown();
            throw e;
        }
    }

    /**
     * Quartz inserts its two lock rows on first use; two nodes starting together on an empty table
     * would collide on that insert, so they are made here first, idempotently.
     */
    private static void ensureLockRows(PooledConnections connections) throws SchedulerException {
        try (Connection c = connections.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into qrtz_locks (sched_name, lock_name) values (?, ?) on conflict do nothing")) {
            for (String lock : new String[] {"TRIGGER_ACCESS", "STATE_ACCESS"}) {
                insert.setString(1, NAME);
                insert.setString(2, lock);
                insert.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new SchedulerException("Quartz's tables are not usable (migration V19)", e);
        }
    }

    /** Waits (at most 2 s) until this node holds no acquired firing in the shared store. */
    private void awaitReleased(String instanceId) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        try {
            while (System.nanoTime() < deadline && acquired(instanceId) > 0) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // the others take the firing over when they count this node as failed
        }
    }

    private int acquired(String instanceId) throws SQLException {
        try (Connection c = DBConnectionManager.getInstance().getConnection(provider);
                PreparedStatement count = c.prepareStatement("select count(*) from qrtz_fired_triggers"
                        + " where sched_name = ? and instance_name = ? and state = 'ACQUIRED'")) {
            count.setString(1, NAME);
            count.setString(2, instanceId);
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }

    String instanceId() throws SchedulerException {
        return scheduler.getSchedulerInstanceId();
    }

    void start() throws SchedulerException {
        scheduler.start();
    }

    /**
     * Stops taking firings, hands back the one it had taken ahead of its time, waits for the running
     * ones; the pool closes with it. Without the hand-back the other nodes would get that firing only
     * when they count this node as failed (check-in interval + 7.5 s), then as a missed firing.
     */
    @Override
    public void close() throws SchedulerException {
        try {
            // standby wakes the scheduler thread, which releases the trigger it holds for its next firing;
            // shutdown right away could halt the thread before it does (seen with two containers)
            scheduler.standby();
            awaitReleased(scheduler.getSchedulerInstanceId());
            scheduler.shutdown(true);
        } finally {
            try {
                DBConnectionManager.getInstance().shutdown(provider);
            } catch (java.sql.SQLException e) {
                throw new SchedulerException("Closing the scheduler's connections failed", e);
            }
        }
    }
}
