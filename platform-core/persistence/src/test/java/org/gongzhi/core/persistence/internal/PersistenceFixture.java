package org.gongzhi.core.persistence.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
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
    TenantDirectory tenants;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
    HibernateCaseService cases;
    HibernateKpiService kpis;

    @Override
    protected void before() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        db = new Database(postgres.getPostgresDatabase(), 4);
        List<TenantDefinition> definitions = new TenantDefinitionReader().readAll(TENANTS);
        tenants = new TenantDirectory() {
            @Override
            public List<TenantDefinition> tenants() {
                return definitions;
            }

            @Override
            public Optional<TenantDefinition> find(String id) {
                return definitions.stream().filter(t -> t.id().equals(id)).findFirst();
            }
        };
        for (TenantDefinition t : definitions) {
            db.inTenant(t.id(), s -> {
                TenantEntity row = new TenantEntity(t.id(), clock.instant());
                row.describe(t.name(), t.nameEn(), t.city(), t.adminCode());
                s.persist(row);
                return row;
            });
        }
        cases = new HibernateCaseService(db, tenants, new TriagePolicies(), clock);
        kpis = new HibernateKpiService(db, tenants, clock);
    }

    @Override
    protected void after() {
        db.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
