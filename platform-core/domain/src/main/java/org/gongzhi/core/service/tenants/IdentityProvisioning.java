package org.gongzhi.core.service.tenants;

import java.util.List;

import org.gongzhi.core.service.IdentityUnavailableException;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates and maintains the identity realms of the city and its districts (Keycloak: one realm
 * per district named by the tenant id, the city's realm {@value #CITY_REALM}). Implemented by the
 * Keycloak bundle; called by the tenant lifecycle. Every method is idempotent and safe to re-run:
 * it creates what is missing and repairs what differs from the definition, and never deletes
 * accounts or roles it did not create. Blocking network calls; thread-safe.
 */
@ProviderType
public interface IdentityProvisioning {

    /** Realm of the city administrators. */
    String CITY_REALM = "gongzhi-city";

    /**
     * Makes the district's realm match its definition: the realm (enabled), the district roles,
     * the people's public client, one confidential client with a service account per department,
     * the {@code gongzhi-api} audience and the {@code department}/{@code grids} claims, and the
     * definition's people (created if missing; existing accounts keep their passwords).
     *
     * @throws IdentityUnavailableException when the identity server cannot be reached or refuses
     */
    ProvisioningReport provisionDistrict(TenantDefinition tenant);

    /** The same for the city realm with role {@code city-admin} and the given administrators. */
    ProvisioningReport provisionCity(List<PersonDefinition> cityAdmins);

    /**
     * Enables or disables logins to the district's realm (a suspended district's people get no
     * new tokens). No effect when the realm does not exist.
     */
    void setDistrictEnabled(String tenantId, boolean enabled);

    /** Deletes the district's realm with every account in it; false when there was none. */
    boolean removeDistrict(String tenantId);
}
