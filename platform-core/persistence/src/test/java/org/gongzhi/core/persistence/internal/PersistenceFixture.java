package org.gongzhi.core.persistence.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.rules.ExternalResource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL with the core schema migrated and the shipped demo districts loaded, for
 * tests of the persistence bundle outside OSGi.
 */
final class PersistenceFixture extends ExternalResource {

    private static final Path TENANTS = Path.of("../../tenants");

    private EmbeddedPostgres postgres;
    Database db;
    HibernateEvidenceRecords evidence;
    TenantDirectory tenants;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
    HibernateCaseService cases;
    final PluginWhiteboard whiteboard = new PluginWhiteboard();
    PluginHooks hooks;
    HibernatePluginStorage storage;
    HibernateKpiService kpis;
    HibernateScreenFigures screen;
    final DispatchSignals signals = new DispatchSignals();
    HibernateDispatchOutbox outbox;
    HibernateDepartmentUpdates updates;
    HibernateDistrictModes modes;
    HibernateNotificationOutbox notifications;
    HibernateNotificationInbox inbox;
    HibernateNotificationSettings notificationSettings;
    HibernateResponsibilityLists lists;

    @Override
    protected void before() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        db = new Database(postgres.getPostgresDatabase(), 4);
        tenants = new TenantCatalog(db, TENANTS);
        hooks = new PluginHooks(whiteboard);
        cases = new HibernateCaseService(db, tenants, hooks, signals, clock);
        outbox = new HibernateDispatchOutbox(db, tenants, signals, clock);
        updates = new HibernateDepartmentUpdates(db, tenants, hooks, clock);
        storage = new HibernatePluginStorage(db, tenants, clock);
        kpis = new HibernateKpiService(db, tenants, clock);
        screen = new HibernateScreenFigures(db, tenants, clock);
        evidence = new HibernateEvidenceRecords(db, clock);
        modes = new HibernateDistrictModes(db, tenants, clock);
        notifications = new HibernateNotificationOutbox(db, tenants, clock);
        inbox = new HibernateNotificationInbox(db, tenants, clock);
        notificationSettings = new HibernateNotificationSettings(db, tenants, clock);
        lists = new HibernateResponsibilityLists(db, tenants, clock);
    }

    /** The database without the pool, as the platform's data source service gives it. */
    javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    protected void after() {
        try {
            hooks.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
