package org.gongzhi.plugin.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A JAX-RS resource of a plugin, served by the core under
 * {@code /api/v1/tenants/{tenant}/plugins/{model}/{section}/…}.
 *
 * <p>Implemented by plugins: a DS component registered as this service with the property
 * {@value DistrictModel#MODEL_PROPERTY}. Its class carries {@code @javax.ws.rs.Path("<section>")}
 * — one literal path segment such as {@code whistles}, unique within the model — and its methods
 * carry the HTTP method annotations and {@code @Path}s relative to the section
 * ({@code @Path("{id}/responses")}); {@code @PathParam("tenant")} gives the district.
 *
 * <p>The core routes to the endpoint only for districts that enabled the model (others get 404
 * before plugin code runs), authenticates the caller like every core call, reads and writes JSON
 * with the core's mapper and maps {@link InvalidInputException} to 400 problem details. Endpoints
 * join and leave without disturbing any other request. Methods run on request threads: they may
 * block on {@link PluginStorage} but must be thread-safe.
 *
 * @since 1.0
 */
@ConsumerType
public interface PluginEndpoint {
}
