package org.gongzhi.core.keycloak.internal;

import java.time.Duration;
import java.util.List;

import org.gongzhi.core.service.tenants.ProvisioningReport;

/**
 * One provisioning run of one realm: the realm with its scope and user profile
 * ({@link RealmSetup}), everything missing in one partial import ({@link MissingImport}), then
 * repairs of what existed ({@link ClientRepair}, {@link PeopleRepair}). A new realm thus costs a
 * handful of requests; a re-run a few reads per client and person.
 */
final class RealmProvisioner {

    private final RealmSetup setup;
    private final MissingImport missing;
    private final ClientRepair clients;
    private final PeopleRepair people;
    private final List<String> redirectUris;
    private final List<String> webOrigins;

    RealmProvisioner(AdminConnection admin, List<String> redirectUris, List<String> webOrigins) {
        this.setup = new RealmSetup(admin);
        this.missing = new MissingImport(admin);
        this.clients = new ClientRepair(admin);
        this.people = new PeopleRepair(admin);
        this.redirectUris = List.copyOf(redirectUris);
        this.webOrigins = List.copyOf(webOrigins);
    }

    ProvisioningReport provision(RealmPlan plan) {
        long start = System.nanoTime();
        Created created = new Created();
        RealmSetup.State state = setup.ensure(plan, created);
        MissingImport.Outcome outcome = missing.run(plan, state, redirectUris, webOrigins, created);
        clients.repair(plan, state, outcome.existingClients(), redirectUris, webOrigins, created);
        people.repair(plan, outcome.existingUsers(), created);
        return new ProvisioningReport(plan.realm(), created.items(), Duration.ofNanos(System.nanoTime() - start));
    }
}
