package org.gongzhi.core.keycloak.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@value #PID} of the provisioning and its start-up job (README.md has the table). */
@ObjectClassDefinition(name = "Gongzhi identity provisioning",
        description = "Creates and repairs the Keycloak realms of the city and its districts")
public @interface ProvisioningConfig {

    String PID = "org.gongzhi.provisioning";

    @AttributeDefinition(description = "Keycloak's base URL, e.g. http://127.0.0.1:18080")
    String keycloakUrl();

    @AttributeDefinition(description = "Realm the administrator logs in to")
    String adminRealm() default "master";

    @AttributeDefinition(description = "Client used to log in: admin-cli with adminUser/adminPassword, "
            + "or a confidential client with a service account and adminClientSecret")
    String adminClientId() default "admin-cli";

    @AttributeDefinition(required = false, description = "Administrator's user name (password grant)")
    String adminUser() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Administrator's password")
    String adminPassword() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD,
            description = "Secret of adminClientId when it logs in with its service account "
                    + "(client-credentials grant) instead of a user")
    String adminClientSecret() default "";

    @AttributeDefinition(description = "Redirect URIs of the people's client gongzhi-web (comma-separated); "
            + "added to an existing client, never removed")
    String[] publicClientRedirectUris() default { ProvisioningSettings.DEFAULT_REDIRECT_URIS };

    @AttributeDefinition(description = "Origins allowed to call Keycloak from a browser for gongzhi-web (CORS, "
            + "comma-separated), e.g. the web console's http://127.0.0.1:8181; + derives them from exact redirect "
            + "URIs; added to an existing client, never removed")
    String[] publicClientWebOrigins() default { "+" };

    @AttributeDefinition(description = "Provision the city and every district in the background at start")
    boolean provisionAtStart() default true;

    @AttributeDefinition(required = false,
            description = "Directory with common/city-people.yaml; empty = ${karaf.home}/tenants")
    String tenantsDirectory() default "";

    @AttributeDefinition(description = "How long the start-up provisioning waits for Keycloak to be reachable, "
            + "in seconds")
    int startupWaitSeconds() default 300;
}
