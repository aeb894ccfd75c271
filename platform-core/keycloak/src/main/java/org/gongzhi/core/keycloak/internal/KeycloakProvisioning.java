package org.gongzhi.core.keycloak.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.gongzhi.core.service.tenants.IdentityProvisioning;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.keycloak.representations.idm.RealmRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.NotFoundException;

/**
 * {@link IdentityProvisioning} with the Keycloak admin client: one realm per district, the city's
 * realm, as described in README.md. Registered as a service by {@link ProvisioningRegistration}
 * when {@code etc/org.gongzhi.provisioning.cfg} exists. Runs of the same realm are serialised;
 * different realms may be provisioned at once.
 */
final class KeycloakProvisioning implements IdentityProvisioning, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakProvisioning.class);

    private final ProvisioningSettings settings;
    private final AdminConnection admin;
    private final RealmProvisioner provisioner;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    KeycloakProvisioning(ProvisioningSettings settings) {
        this.settings = settings;
        this.admin = new AdminConnection(settings);
        this.provisioner = new RealmProvisioner(admin, settings.publicClientRedirectUris(), settings.publicClientWebOrigins());
        LOG.info("Provisioning Keycloak realms at {} as {}", settings.keycloakUrl(),
                settings.serviceAccountLogin() ? "service account of client " + settings.adminClientId()
                        : "user " + settings.adminUser());
    }

    /** Closes the HTTP connections; calls in progress fail. */
    @Override
    public void close() {
        admin.close();
    }

    ProvisioningSettings settings() {
        return settings;
    }

    @Override
    public ProvisioningReport provisionDistrict(TenantDefinition tenant) {
        RealmPlan plan = RealmPlan.district(tenant);
        return locked(plan.realm(), () -> logged(provisioner.provision(plan)));
    }

    @Override
    public ProvisioningReport provisionCity(List<PersonDefinition> cityAdmins) {
        RealmPlan plan = RealmPlan.city(cityAdmins);
        return locked(plan.realm(), () -> logged(provisioner.provision(plan)));
    }

    @Override
    public void setDistrictEnabled(String tenantId, boolean enabled) {
        RealmPlan.requireDistrict(tenantId);
        locked(tenantId, () -> admin.call((enabled ? "enabling" : "disabling") + " realm " + tenantId, () -> {
            try {
                RealmRepresentation current = admin.realm(tenantId).toRepresentation();
                if (!Boolean.valueOf(enabled).equals(current.isEnabled())) {
                    RealmRepresentation change = new RealmRepresentation();
                    change.setEnabled(enabled);
                    admin.realm(tenantId).update(change);
                    LOG.info("Realm {} {}", tenantId, enabled ? "enabled" : "disabled: its people get no new tokens");
                }
            } catch (NotFoundException e) {
                LOG.warn("Realm {} does not exist; nothing to {}", tenantId, enabled ? "enable" : "disable");
            }
            return null;
        }));
    }

    @Override
    public boolean removeDistrict(String tenantId) {
        RealmPlan.requireDistrict(tenantId);
        return locked(tenantId, () -> admin.call("deleting realm " + tenantId, () -> {
            try {
                admin.realm(tenantId).remove();
                LOG.info("Realm {} deleted with every account in it", tenantId);
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        }));
    }

    private static ProvisioningReport logged(ProvisioningReport report) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("Realm {} provisioned in {} ms: {}", report.realm(), report.took().toMillis(),
                    report.created().isEmpty() ? "nothing to do" : report.created());
        }
        return report;
    }

    private <T> T locked(String realm, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(realm, r -> new ReentrantLock());
        lock.lock();
        try {
            return AdminConnection.withBundleLoader(action);
        } finally {
            lock.unlock();
        }
    }
}
