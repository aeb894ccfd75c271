package org.gongzhi.core.keycloak.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.StreamMessageBodyReader;

import jakarta.ws.rs.core.Response;

/**
 * The logged-in Keycloak admin client. Every call goes through {@link #call}, which runs it with the
 * bundle's class loader as context class loader (RESTEasy and JAX-RS find their providers through
 * it; inside OSGi the caller's loader knows none of the embedded jars) and turns what the client
 * throws into {@link KeycloakFailure}. Thread-safe; one HTTP connection pool per instance.
 */
final class AdminConnection implements AutoCloseable {

    static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** Creating a realm with its clients and users takes a few seconds; allow for a slow server. */
    static final int READ_TIMEOUT_SECONDS = 120;
    static final int POOL_SIZE = 8;

    private final String url;
    private final Keycloak keycloak;

    AdminConnection(ProvisioningSettings settings) {
        this.url = settings.keycloakUrl();
        this.keycloak = withBundleLoader(() -> {
            ResteasyClient client = new ResteasyClientBuilderImpl()
                    .connectionPoolSize(POOL_SIZE)
                    .maxPooledPerRoute(POOL_SIZE)
                    .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .register(JacksonProvider.class, 100)
                    .register(StreamMessageBodyReader.class)
                    .build();
            KeycloakBuilder builder = KeycloakBuilder.builder()
                    .serverUrl(settings.keycloakUrl())
                    .realm(settings.adminRealm())
                    .clientId(settings.adminClientId())
                    .resteasyClient(client);
            if (settings.serviceAccountLogin()) {
                builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientSecret(settings.adminClientSecret());
            } else {
                builder.grantType(OAuth2Constants.PASSWORD).username(settings.adminUser())
                        .password(settings.adminPassword());
            }
            return builder.build();
        });
    }

    /** Keycloak's base URL. */
    String url() {
        return url;
    }

    /** The admin API of one realm (a proxy: no request until a method is called). */
    RealmResource realm(String name) {
        return withBundleLoader(() -> keycloak.realm(name));
    }

    /** Runs one or more admin calls; {@code what} names them in error messages. */
    <T> T call(String what, Supplier<T> call) {
        return withBundleLoader(() -> {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw KeycloakFailure.translate(what, url, e);
            }
        });
    }

    /** {@link #call} without a result. */
    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    /** The admin client itself (realm creation); use it inside {@link #call}. */
    Keycloak keycloak() {
        return keycloak;
    }

    /**
     * Checks a {@link Response} of a create/import call and closes it: a status of 300 or more
     * becomes a {@link KeycloakFailure}; 409 Conflict answers {@code false} (it exists already).
     */
    boolean created(String what, Response response) {
        try (response) {
            int status = response.getStatus();
            if (status == 409) {
                return false;
            }
            if (status >= 300) {
                throw KeycloakFailure.status(what, url, status, KeycloakFailure.body(response), null);
            }
            return true;
        }
    }

    @Override
    public void close() {
        withBundleLoader(() -> {
            keycloak.close();
            return null;
        });
    }

    /** Runs {@code action} with this bundle's class loader as the thread's context class loader. */
    static <T> T withBundleLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AdminConnection.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
