package org.gongzhi.core.keycloak.internal;

import org.gongzhi.core.service.Readiness;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Readiness of sign-in: not ready while the start-up provisioning has realms to create, ready once
 * every realm was provisioned (or when provisioning at start is off). Present whenever the
 * provisioning is configured, before the platform's districts are loaded, so that health cannot
 * answer 200 in between.
 */
@Component(service = {Readiness.class, IdentityReadiness.class}, configurationPid = ProvisioningConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class IdentityReadiness implements Readiness {

    private volatile boolean ready;

    @Override
    public String part() {
        return "identity";
    }

    @Override
    public boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }
}
