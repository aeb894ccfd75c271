package org.gongzhi.core.keycloak.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.gongzhi.core.service.tenants.IdentityProvisioning;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers {@link KeycloakProvisioning} as the {@link IdentityProvisioning} service while
 * {@value ProvisioningConfig#PID} is configured. Registered by hand rather than by Declarative
 * Services because DS would publish every configuration property — the administrator's password
 * or client secret included — as a service property that any bundle (and {@code service:list})
 * can read; this registration carries only the Keycloak URL.
 */
@Component(service = {}, configurationPid = ProvisioningConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProvisioningConfig.class)
public final class ProvisioningRegistration {

    private final KeycloakProvisioning provisioning;
    private final ServiceRegistration<IdentityProvisioning> registration;

    @Activate
    public ProvisioningRegistration(BundleContext context, ProvisioningConfig config) {
        ProvisioningSettings settings = ProvisioningSettings.of(config, context.getProperty("karaf.home"));
        this.provisioning = new KeycloakProvisioning(settings);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("keycloakUrl", settings.keycloakUrl());
        properties.put(Constants.SERVICE_DESCRIPTION, "Keycloak realms of the city and its districts");
        this.registration = context.registerService(IdentityProvisioning.class, provisioning, properties);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping the bundle
        }
        provisioning.close();
    }
}
