package org.gongzhi.core.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.StandardBasicTypes;
import org.postgresql.ds.common.BaseDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The database as the core uses it: a connection pool over the configured data source, the
 * schema migrated by Flyway, and a Hibernate session factory whose sessions are bound to one
 * tenant each. Construction blocks until all three are ready.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** HQL function: {@code json_text_contains(text column, json text)} (see {@link #functions}). */
    static final String JSON_TEXT_CONTAINS = "json_text_contains";
    /** HQL function: {@code text_may_contain(textBigrams, text)} (see {@link #functions}). */
    static final String TEXT_MAY_CONTAIN = "text_may_contain";
    /** HQL function: {@code phone_key(text)}, a phone as V28 keys it (see {@link #functions}). */
    static final String PHONE_KEY = "phone_key";
    private static final Class<?>[] ENTITIES = {TenantEntity.class, CaseEntity.class, JournalEntity.class,
            TenantPluginEntity.class, PluginRecordEntity.class, ReportEntity.class, EvidenceEntity.class};

    private final HikariDataSource pool;
    private final SessionFactory sessionFactory;
    /** Whether transactions skip waiting for their commit record to reach the disk. */
    private final boolean asynchronousCommit;

    Database(DataSource dataSource, int maxPoolSize) {
        if (dataSource instanceof BaseDataSource pg) {
            // PostgreSQL's error details quote the row ("Failing row contains (…)"): residents' names and
            // phones must not reach exception messages and from there the log
            pg.setLogServerErrorDetail(false);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("gongzhi");
        config.setMaximumPoolSize(maxPoolSize);
        config.setAutoCommit(false);
        this.pool = new HikariDataSource(config);
        this.asynchronousCommit = false;
        ClassLoader loader = Database.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            migrate(loader);
            this.sessionFactory = buildSessionFactory(loader);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Database(Database shared, boolean asynchronousCommit) {
        this.pool = shared.pool;
        this.sessionFactory = shared.sessionFactory;
        this.asynchronousCommit = asynchronousCommit;
    }

    /**
     * The same database, but its transactions do not wait until their commit is on disk
     * ({@code synchronous_commit = off} for each transaction): a crash may lose the last few
     * commits, never consistency. Only for bulk work that can be done again, such as the demo
     * history; not to be closed (it shares this database's pool).
     */
    Database withAsynchronousCommit() {
        return new Database(this, true);
    }

    /**
     * A connection of the pool in auto-commit, held by the caller until it closes it (for session-level
     * advisory locks, {@link DistrictFill}); the pool restores its settings when it comes back.
     */
    Connection dedicatedConnection() throws SQLException {
        Connection c = pool.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private void migrate(ClassLoader loader) {
        Flyway flyway = Flyway.configure(loader)
                .dataSource(pool)
                .locations("classpath:db/migration")
                // V19: Quartz's tables from the script Quartz ships (ADR 0027)
                .javaMigrations(new SchedulerTables())
                .table("flyway_core_history")
                .load();
        if (java.util.Arrays.stream(flyway.info().all()).noneMatch(m -> m.getType() == CoreMigrationType.SQL)) {
            // seen once during a framework refresh: Flyway finds no scripts and "succeeds" (the Java
            // migration V19 is always there, so only the scripts count)
            throw new IllegalStateException("Flyway found no migrations in db/migration: refusing to start");
        }
        MigrateResult result = flyway.migrate();
        LOG.info("Database schema at version {} ({} migrations applied now)",
                flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                result.migrationsExecuted);
    }

    private SessionFactory buildSessionFactory(ClassLoader loader) {
        var bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        var registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 20)
                .applySetting(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new RootTenantResolver())
                .build();
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> entity : ENTITIES) {
            sources.addAnnotatedClass(entity);
        }
        return sources.getMetadataBuilder().applyFunctions(Database::functions).build().buildSessionFactory();
    }

    /**
     * HQL functions of our own, both served by an index (V9, V10): {@code json_text_contains(text, json)},
     * whether a text column holding a JSON object contains the given JSON object (PostgreSQL's
     * {@code jsonb @>}); {@code text_may_contain(textBigrams, text)}, whether a case's title and
     * address hold every two-character piece of {@code text} (a pre-filter: true for every case whose
     * title or address contains {@code text}, and for some others); {@code phone_key(text)}, a phone
     * reduced as V28's {@code reporter_phone_key} column is, so that one rule serves column and search.
     */
    private static void functions(FunctionContributions contributions) {
        var bool = contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN);
        contributions.getFunctionRegistry().registerPattern(JSON_TEXT_CONTAINS, "(cast(?1 as jsonb) @> cast(?2 as jsonb))",
                bool);
        contributions.getFunctionRegistry().registerPattern(TEXT_MAY_CONTAIN, "(?1 @> gongzhi_bigrams(?2))", bool);
        var text = contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.STRING);
        contributions.getFunctionRegistry().registerPattern(PHONE_KEY, "gongzhi_phone_key(?1)", text);
    }

    /** Hibernate's counters (off unless a test turns them on). */
    org.hibernate.stat.Statistics statistics() {
        return sessionFactory.getStatistics();
    }

    /**
     * Runs {@code work} in one transaction of a session bound to {@code tenantId}. When the work fails, the
     * transaction is rolled back and the work's failure is thrown; a rollback that fails too (the connection
     * died with the database, as in a restart) is added to it as suppressed, so that callers still see why
     * the work failed.
     */
    <T> T inTenant(String tenantId, Function<Session, T> work) {
        try (Session session = sessionFactory.withOptions().tenantIdentifier((Object) tenantId).openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                if (asynchronousCommit) {
                    session.doWork(c -> {
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute("set local synchronous_commit = off");
                        }
                    });
                }
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    try {
                        tx.rollback();
                    } catch (RuntimeException rollbackFailed) {
                        e.addSuppressed(rollbackFailed);
                    }
                }
                throw e;
            }
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
        pool.close();
    }
}
