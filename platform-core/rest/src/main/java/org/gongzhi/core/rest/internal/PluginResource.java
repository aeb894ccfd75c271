package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.Optional;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.gongzhi.core.service.ModelInfo;
import org.gongzhi.core.service.PluginCatalog;
import org.gongzhi.core.service.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * District models (plugins): which are deployed, which a district enabled, and — for city
 * administrators — enabling and disabling them per district while the platform runs.
 */
@Component(service = PluginResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginResource {

    private final PluginCatalog catalog;
    private final TenantDirectory tenants;

    @Activate
    public PluginResource(@Reference PluginCatalog catalog, @Reference TenantDirectory tenants) {
        this.catalog = catalog;
        this.tenants = tenants;
    }

    /** A model as a district sees it: enabled for it, and deployed (its bundle running) or not. */
    record TenantModelJson(String id, boolean enabled, boolean deployed, String nameZh, String nameEn, String version) {
        static TenantModelJson of(String id, Optional<ModelInfo> info) {
            return new TenantModelJson(id, true, info.isPresent(), info.map(ModelInfo::nameZh).orElse(null),
                    info.map(ModelInfo::nameEn).orElse(null), info.map(ModelInfo::version).orElse(null));
        }
    }

    @GET
    @Path("plugins")
    public List<ModelInfo> deployed() {
        return catalog.deployed();
    }

    @GET
    @Path("tenants/{tenant}/plugins")
    public List<TenantModelJson> enabled(@PathParam("tenant") String tenant) {
        tenants.require(tenant);
        return tenants.enabledModels(tenant).stream().sorted()
                .map(id -> TenantModelJson.of(id, catalog.find(id))).toList();
    }

    /** Enables a model for a district (idempotent). */
    @PUT
    @Path("tenants/{tenant}/plugins/{model}")
    public TenantModelJson enable(@PathParam("tenant") String tenant, @PathParam("model") String model) {
        tenants.setModelEnabled(tenant, model, true);
        return TenantModelJson.of(model, catalog.find(model));
    }

    /** Disables a model for a district (idempotent); its records are kept. */
    @DELETE
    @Path("tenants/{tenant}/plugins/{model}")
    public TenantModelJson disable(@PathParam("tenant") String tenant, @PathParam("model") String model) {
        tenants.setModelEnabled(tenant, model, false);
        Optional<ModelInfo> info = catalog.find(model);
        return new TenantModelJson(model, false, info.isPresent(), info.map(ModelInfo::nameZh).orElse(null),
                info.map(ModelInfo::nameEn).orElse(null), info.map(ModelInfo::version).orElse(null));
    }
}
