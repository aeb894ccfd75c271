package org.gongzhi.core.keycloak.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gongzhi.core.service.IdentityUnavailableException;
import org.gongzhi.core.service.tenants.IdentityProvisioning;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;

/**
 * At start, provisions the city's realm and every district's in the background, a few realms at a time, once
 * the platform is ready (the {@link TenantDirectory} is registered only then), and enables or disables
 * each district's realm as its status says (a suspended district's people get no tokens). Keycloak may still be
 * starting: each realm is retried with exponential back-off (1 s doubling to 30 s) while Keycloak
 * is unreachable or answers 5xx, for at most {@code startupWaitSeconds}; after that the realms not
 * provisioned yet are left for the next start. Refusals (wrong credentials, missing rights, a rejected
 * request) are logged once per realm, not retried. One INFO line per realm.
 */
@Component(service = {}, configurationPid = ProvisioningConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class StartupProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(StartupProvisioning.class);
    /** How many realms are provisioned at once. */
    static final int PARALLEL_REALMS = 4;

    private final IdentityProvisioning provisioning;
    private final TenantDirectory tenants;
    private final Path tenantsDirectory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gongzhi-keycloak-provisioning");
        thread.setDaemon(true);
        return thread;
    });
    private final FailsafeExecutor<ProvisioningReport> retrying;
    private final IdentityReadiness readiness;
    private volatile boolean stopping;

    @Activate
    public StartupProvisioning(@Reference IdentityProvisioning provisioning, @Reference TenantDirectory tenants,
                               @Reference IdentityReadiness readiness, ProvisioningConfig config) {
        this(provisioning, tenants, readiness, ProvisioningSettings.of(config, System.getProperty("karaf.home")),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    StartupProvisioning(IdentityProvisioning provisioning, TenantDirectory tenants, IdentityReadiness readiness,
                        ProvisioningSettings settings, Duration firstDelay, Duration maxDelay) {
        this.provisioning = provisioning;
        this.tenants = tenants;
        this.readiness = readiness;
        this.tenantsDirectory = settings.tenantsDirectory();
        RetryPolicyBuilder<ProvisioningReport> builder = RetryPolicy.<ProvisioningReport>builder()
                .handleIf(StartupProvisioning::worthRetrying);
        if (maxDelay.compareTo(firstDelay) > 0) {
            builder.withBackoff(firstDelay, maxDelay);
        } else {
            builder.withDelay(firstDelay);
        }
        RetryPolicy<ProvisioningReport> retry = builder
                .withMaxRetries(-1)
                .withMaxDuration(settings.startupWait())
                .onFailedAttempt(e -> {
                    if (e.getAttemptCount() == 1 || e.getAttemptCount() % 10 == 0) {
                        LOG.warn("Keycloak not reachable yet (attempt {}, retrying for up to {} s): {}",
                                e.getAttemptCount(), settings.startupWait().toSeconds(),
                                e.getLastException() == null ? "?" : e.getLastException().getMessage());
                    }
                })
                .build();
        this.retrying = Failsafe.with(retry);
        if (settings.provisionAtStart()) {
            worker.execute(this::provisionAll);
        } else {
            LOG.info("provisionAtStart is false: the Keycloak realms are not provisioned at start");
            readiness.markReady();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        worker.shutdownNow();
        if (!worker.awaitTermination(AdminConnection.CONNECT_TIMEOUT_SECONDS + 5L, TimeUnit.SECONDS)) {
            LOG.warn("The start-up provisioning did not stop within {} s", AdminConnection.CONNECT_TIMEOUT_SECONDS + 5);
        }
    }

    /** Waits for the background run (tests). */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        worker.shutdown();
        return worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void provisionAll() {
        long start = System.nanoTime();
        List<PersonDefinition> cityAdmins;
        try {
            cityAdmins = new TenantDefinitionReader().readCityPeople(tenantsDirectory);
        } catch (RuntimeException e) {
            LOG.error("Cannot read the city's accounts under {}; the city realm is provisioned without them: {}",
                    tenantsDirectory, e.getMessage());
            cityAdmins = List.of();
        }
        List<PersonDefinition> admins = cityAdmins;
        List<Callable<Outcome>> realms = new ArrayList<>();
        realms.add(() -> provisionOne(IdentityProvisioning.CITY_REALM, () -> provisioning.provisionCity(admins)));
        for (TenantDefinition tenant : tenants.tenants()) {
            boolean active = tenants.status(tenant.id()).orElse(TenantStatus.ACTIVE) != TenantStatus.SUSPENDED;
            realms.add(() -> provisionOne(tenant.id(), () -> {
                ProvisioningReport report = provisioning.provisionDistrict(tenant);
                // the platform's status is the truth: a suspended district's realm stays (or becomes) disabled
                provisioning.setDistrictEnabled(tenant.id(), active);
                return report;
            }));
        }
        List<Outcome> outcomes = inParallel(realms);
        if (outcomes.contains(Outcome.STOP)) {
            return;
        }
        LOG.info("Keycloak realms provisioned: city and {} districts in {} ms", tenants.tenants().size(),
                (System.nanoTime() - start) / 1_000_000);
        if (outcomes.stream().allMatch(o -> o == Outcome.DONE)) {
            readiness.markReady();
        } else {
            LOG.error("Sign-in is not ready: some realms were refused (see above); health stays 503 until a restart "
                    + "provisions them");
        }
    }

    /**
     * Runs the realms' jobs {@value #PARALLEL_REALMS} at a time (each realm is a few dozen admin calls that mostly
     * wait for Keycloak) and answers their outcomes; STOP for every job when this one is interrupted (deactivated).
     */
    private List<Outcome> inParallel(List<Callable<Outcome>> realms) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_REALMS, realms.size()), task -> {
            Thread thread = new Thread(task, "gongzhi-keycloak-realm");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> done : pool.invokeAll(realms)) {
                outcomes.add(done.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Outcome.STOP);
        } catch (ExecutionException e) {
            LOG.error("Realm provisioning failed", e.getCause());
            return List.of(Outcome.REFUSED);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How provisioning one realm ended. */
    private enum Outcome { DONE, REFUSED, STOP }

    /** Provisions one realm, retrying; STOP when the job must stop (Keycloak gone, or stopping). */
    private Outcome provisionOne(String realm, Supplier<ProvisioningReport> run) {
        if (stopping) {
            return Outcome.STOP;
        }
        try {
            ProvisioningReport report = retrying.get(run::get);
            LOG.info("Realm {} provisioned in {} ms: {}", report.realm(), report.took().toMillis(),
                    report.created().isEmpty() ? "nothing to create"
                            : report.created().size() + " created or repaired");
            return Outcome.DONE;
        } catch (IdentityUnavailableException e) {
            if (stopping) {
                return Outcome.STOP;
            }
            if (worthRetrying(e)) {
                LOG.error("Keycloak is still unreachable; realm {} is not provisioned (next chance: the next start): {}",
                        realm, e.getMessage());
                return Outcome.STOP;
            }
            LOG.error("Realm {} not provisioned: {}", realm, e.getMessage());
            return Outcome.REFUSED;
        } catch (FailsafeException e) {
            // interrupted while waiting for the next attempt: deactivated
            return Outcome.STOP;
        } catch (RuntimeException e) {
            if (stopping) {
                return Outcome.STOP;
            }
            LOG.error("Realm {} not provisioned", realm, e);
            return Outcome.REFUSED;
        }
    }

    /** Transient failures; an implementation other than ours only says "unavailable": retried too. */
    static boolean worthRetrying(Throwable e) {
        if (e instanceof KeycloakFailure failure) {
            return failure.transientFailure();
        }
        return e instanceof IdentityUnavailableException;
    }
}
