package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.Optional;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.tenants.ModelInfo;
import org.gongzhi.core.service.tenants.PluginCatalog;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A district's models: which it enabled, enabling and disabling them (the district's administrator
 * or the city's), and the route to the plugins' own endpoints, which answer only for districts
 * that enabled them.
 */
@Component(service = TenantPluginResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantPluginResource {

    /** Staff who read a district model's records (residents and the city do not). */
    static final Role[] PLUGIN_READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER,
        Role.DEPARTMENT_HANDLER, Role.MEDIATOR, Role.SOCIAL_WORKER};
    /** Staff who write them: the model's workers (mediators, social workers, grid workers) and the centre. */
    static final Role[] PLUGIN_WRITERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.MEDIATOR,
        Role.SOCIAL_WORKER};
    /** Who switches models on and off: the district's administrator and the city. */
    static final Role[] MODEL_SWITCHERS = {Role.DISTRICT_ADMIN, Role.CITY_ADMIN};

    private final PluginCatalog catalog;
    private final TenantDirectory tenants;
    private final PluginEndpoints endpoints;

    @Activate
    public TenantPluginResource(@Reference PluginCatalog catalog, @Reference TenantDirectory tenants,
                                @Reference PluginEndpoints endpoints) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.endpoints = endpoints;
    }

    /** A model as a district has it: enabled or not, and deployed (its bundle running) or not. */
    record TenantModelJson(String id, boolean enabled, boolean deployed, String nameZh, String nameEn, String version) {
        static TenantModelJson of(String id, boolean enabled, Optional<ModelInfo> info) {
            return new TenantModelJson(id, enabled, info.isPresent(), info.map(ModelInfo::nameZh).orElse(null),
                    info.map(ModelInfo::nameEn).orElse(null), info.map(ModelInfo::version).orElse(null));
        }
    }

    @GET
    public List<TenantModelJson> enabled(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, Role.values());
        return tenants.enabledModels(tenant).stream().sorted()
                .map(id -> TenantModelJson.of(id, true, catalog.find(id))).toList();
    }

    /** Enables a model for a district (idempotent, kept across restarts). */
    @PUT
    @Path("{model}")
    public TenantModelJson enable(@PathParam("tenant") String tenant, @PathParam("model") String model,
                                  @Context SecurityContext security) {
        Access.district(security, tenants, tenant, MODEL_SWITCHERS);
        tenants.setModelEnabled(tenant, model, true);
        return TenantModelJson.of(model, true, catalog.find(model));
    }

    /** Disables a model for a district (idempotent); its records are kept. */
    @DELETE
    @Path("{model}")
    public TenantModelJson disable(@PathParam("tenant") String tenant, @PathParam("model") String model,
                                   @Context SecurityContext security) {
        Access.district(security, tenants, tenant, MODEL_SWITCHERS);
        tenants.setModelEnabled(tenant, model, false);
        return TenantModelJson.of(model, false, catalog.find(model));
    }

    /** Sub-resource locator: the plugin endpoint of {@code section}, for districts that enabled the model. */
    @Path("{model}/{section}")
    public PluginEndpoint endpoint(@PathParam("tenant") String tenant, @PathParam("model") String model,
                                   @PathParam("section") String section, @Context Request request,
                                   @Context SecurityContext security) {
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Access.district(security, tenants, tenant, reading ? PLUGIN_READERS : PLUGIN_WRITERS);
        if (tenants.find(tenant).isEmpty() || !tenants.enabledModels(tenant).contains(model)) {
            throw new NotFoundException("本区未启用该治理模式 (district " + tenant + " has no model " + model + ")");
        }
        return endpoints.find(model, section)
                .orElseThrow(() -> new NotFoundException("资源不存在 (no such resource): " + model + "/" + section));
    }
}
