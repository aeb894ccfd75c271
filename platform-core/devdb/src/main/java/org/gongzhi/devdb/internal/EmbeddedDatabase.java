package org.gongzhi.devdb.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded development database of the run command: starts PostgreSQL ({@link DevPostgres}) on a dedicated thread
 * and, once it accepts connections, registers a {@link DataSource} service with {@code gongzhi.datasource=main} and
 * {@code osgi.jndi.service.name=gongzhi}; it connects as the platform's role (not superuser) with a password. Only active when {@code etc/org.gongzhi.devdb.cfg} exists and does not say {@code enabled = false}.
 */
@Component(configurationPid = EmbeddedDatabase.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = EmbeddedDatabase.Config.class)
public final class EmbeddedDatabase {

    public static final String PID = "org.gongzhi.devdb";
    /** Service property naming the platform's data source; the persistence layer selects {@code (gongzhi.datasource=main)}. */
    public static final String DATASOURCE_PROPERTY = "gongzhi.datasource";
    public static final String DATASOURCE_MAIN = "main";
    public static final String JNDI_NAME_PROPERTY = "osgi.jndi.service.name";
    public static final String JNDI_NAME = "gongzhi";

    /** Upper bound for deactivate: a start in progress (initdb + up to 60 s) followed by the stop (up to 65 s). */
    private static final long STOP_TIMEOUT_SECONDS = 180;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @ObjectClassDefinition(
            name = "Gongzhi development database (embedded PostgreSQL)",
            description = "Embedded PostgreSQL for the run command only. Production configures "
                    + "org.gongzhi.datasource for a real PostgreSQL and has no org.gongzhi.devdb configuration.")
    public @interface Config {

        @AttributeDefinition(name = "Port", description = "TCP port on 127.0.0.1; 0 picks a free port", min = "0", max = "65535")
        int port() default 15432;

        @AttributeDefinition(name = "Data directory",
                description = "PostgreSQL data directory, kept across restarts; empty = ${karaf.data}/gongzhi-postgres")
        String dataDirectory() default "";

        @AttributeDefinition(name = "Database", description = "Database created if missing; the DataSource points at it")
        String database() default "gongzhi";

        @AttributeDefinition(name = "Role",
                description = "Login role the platform connects as: created if missing, not superuser, owner of the database;"
                        + " its generated password is in <data directory>-secrets/<role>.password")
        String user() default DevPostgres.DEFAULT_ROLE;

        @AttributeDefinition(name = "Enabled",
                description = "false keeps PostgreSQL stopped, e.g. while org.gongzhi.datasource points at an existing server")
        boolean enabled() default true;
    }

    private final BundleContext bundleContext;
    private final DevPostgres postgres;
    private final ExecutorService worker;
    /** Read and written on the worker thread only. */
    private ServiceRegistration<DataSource> registration;
    private volatile boolean deactivated;

    @Activate
    public EmbeddedDatabase(BundleContext bundleContext, Config config) {
        this.bundleContext = bundleContext;
        this.postgres = new DevPostgres(DevPostgres.resolveDataDirectory(config.dataDirectory()),
                config.port(), config.database(), config.user());
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gongzhi-devdb");
            thread.setDaemon(true);
            return thread;
        });
        if (!config.enabled()) {
            LOG.info("Embedded PostgreSQL disabled by configuration ({}.cfg: enabled = false)", PID);
            return;
        }
        // SCR must not wait for initdb/startup: start on our own thread, register the service when ready
        worker.execute(this::startAndRegister);
    }

    @Deactivate
    void deactivate() {
        deactivated = true;
        // same single thread: runs after a start still in progress, so start and stop never overlap
        Future<?> stopped = worker.submit(this::unregisterAndStop);
        worker.shutdown();
        try {
            stopped.get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the embedded PostgreSQL in {}", postgres.dataDirectory());
        } catch (ExecutionException e) {
            LOG.error("Stopping the embedded PostgreSQL in {} failed", postgres.dataDirectory(), e.getCause());
        } catch (TimeoutException e) {
            LOG.error("The embedded PostgreSQL in {} did not stop within {} s", postgres.dataDirectory(), STOP_TIMEOUT_SECONDS);
        }
    }

    private void startAndRegister() {
        if (deactivated) {
            return;
        }
        long begin = System.nanoTime();
        try {
            postgres.start();
        } catch (Exception | LinkageError e) {
            LOG.error("Embedded PostgreSQL (data directory {}, binaries {}) failed to start; no DataSource is registered.{}",
                    postgres.dataDirectory(), postgres.binariesDirectory(), rootHint(), e);
            return;
        }
        if (deactivated) {
            return; // unregisterAndStop runs next on this thread and stops it again
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DATASOURCE_PROPERTY, DATASOURCE_MAIN);
        properties.put(JNDI_NAME_PROPERTY, JNDI_NAME);
        registration = bundleContext.registerService(DataSource.class, postgres.dataSource(), properties);
        LOG.info("Embedded PostgreSQL ready in {} ms: {} (data directory {})",
                (System.nanoTime() - begin) / 1_000_000, postgres.jdbcUrl(), postgres.dataDirectory());
    }

    private void unregisterAndStop() {
        ServiceRegistration<DataSource> current = registration;
        registration = null;
        if (current != null) {
            try {
                current.unregister();
            } catch (IllegalStateException alreadyUnregistered) {
                // bundle stopped underneath us: the framework has already removed the service
            }
        }
        if (postgres.isRunning()) {
            postgres.stop();
            LOG.info("Embedded PostgreSQL stopped (data directory {})", postgres.dataDirectory());
        }
    }

    private static String rootHint() {
        return "root".equals(System.getProperty("user.name"))
                ? " Running as root: PostgreSQL refuses to run as root unless 'unshare -U' works here;"
                        + " run Karaf as an unprivileged user."
                : "";
    }
}
