package org.gongzhi.core.rest.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.service.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/sign-in}: what a browser needs before anyone signs in: the identity server's
 * address, the people's client and the districts to choose from (active ones, by name). Public; it
 * holds nothing that is not on a district's own sign-in page. The Keycloak address is the one the
 * platform trusts in tokens' {@code iss} (configuration {@code org.gongzhi.identity}, property
 * {@code keycloakUrl}); {@code publicKeycloakUrl} overrides it when browsers reach Keycloak by another
 * name. Without either, {@code keycloakUrl} is absent and sign-in is unavailable.
 */
@Component(service = SignInResource.class, configurationPid = SignInResource.IDENTITY_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JaxrsResource
@JSONRequired
@Path("/api/v1/sign-in")
public final class SignInResource {

    static final String IDENTITY_PID = "org.gongzhi.identity";
    /** The public client of people's logins, provisioned in every realm. */
    static final String CLIENT_ID = "gongzhi-web";
    /** The realm of the city administrators. */
    static final String CITY_REALM = "gongzhi-city";

    private final TenantDirectory tenants;
    private final String keycloakUrl;

    @Activate
    public SignInResource(@Reference TenantDirectory tenants, Map<String, Object> config) {
        this.tenants = tenants;
        this.keycloakUrl = keycloakUrl(config);
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

    record District(String id, String name, String nameEn, String city, String cityEn, String realm) {
    }

    record SignIn(String keycloakUrl, String clientId, String cityRealm, List<District> districts) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SignIn signIn() {
        List<District> districts = tenants.tenants().stream()
                .filter(t -> tenants.status(t.id()).orElse(null) == TenantStatus.ACTIVE)
                .sorted(Comparator.comparing(TenantDefinition::adminCode))
                .map(t -> new District(t.id(), t.name(), t.nameEn(), t.city(), t.cityEn(), t.id()))
                .toList();
        return new SignIn(keycloakUrl, CLIENT_ID, CITY_REALM, districts);
    }
}
