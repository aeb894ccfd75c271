package org.gongzhi.core.rest.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.gongzhi.core.identity.TokenValidator;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/sign-in}: what a browser needs before anyone signs in: the identity server's
 * address, the people's client and the districts to choose from (active ones, by name). Public; it
 * holds nothing that is not on a district's own sign-in page. The Keycloak address is the one the
 * token validator trusts in tokens' {@code iss} (its configuration {@code org.gongzhi.identity},
 * property {@code keycloakUrl}, read from the validator's service properties); {@code publicKeycloakUrl}
 * overrides it when browsers reach Keycloak by another name. Without either, {@code keycloakUrl} is
 * absent and sign-in is unavailable. A configuration change (the trusted realms change whenever a
 * district is created) updates the address in place: this resource is never re-registered, so the
 * JAX-RS whiteboard does not redeploy the API for it.
 */
@Component(service = SignInResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/sign-in")
public final class SignInResource {

    /** The public client of people's logins, provisioned in every realm. */
    static final String CLIENT_ID = "gongzhi-web";
    /** The realm of the city administrators. */
    static final String CITY_REALM = "gongzhi-city";

    private final TenantDirectory tenants;
    private volatile String keycloakUrl;

    @Activate
    public SignInResource(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "validatorUpdated")
    void bindValidator(TokenValidator validator, Map<String, Object> properties) {
        keycloakUrl = keycloakUrl(properties);
    }

    void validatorUpdated(TokenValidator validator, Map<String, Object> properties) {
        keycloakUrl = keycloakUrl(properties);
    }

    void unbindValidator(TokenValidator validator) {
        keycloakUrl = null;
    }

    static String keycloakUrl(Map<String, Object> config) {
        for (String key : List.of("publicKeycloakUrl", "keycloakUrl")) {
            Object value = config.get(key);
            if (value instanceof String s && !s.isBlank()) {
                return s.strip().replaceAll("/+$", "");
            }
        }
        return null;
    }

    record District(String id, String name, String nameEn, String city, String cityEn, String realm, String timeZone) {
    }

    record SignIn(String keycloakUrl, String clientId, String cityRealm, List<District> districts) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SignIn signIn() {
        List<District> districts = tenants.tenants().stream()
                .filter(t -> tenants.status(t.id()).orElse(null) == TenantStatus.ACTIVE)
                .sorted(Comparator.comparing(TenantDefinition::adminCode))
                .map(t -> new District(t.id(), t.name(), t.nameEn(), t.city(), t.cityEn(), t.id(),
                        t.timeZone().getId()))
                .toList();
        return new SignIn(keycloakUrl, CLIENT_ID, CITY_REALM, districts);
    }
}
