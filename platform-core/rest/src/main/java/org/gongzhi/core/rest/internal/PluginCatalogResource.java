package org.gongzhi.core.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.tenants.ModelInfo;
import org.gongzhi.core.service.tenants.PluginCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/plugins}: the district models deployed right now. */
@Component(service = PluginCatalogResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginCatalogResource {

    private final PluginCatalog catalog;

    @Activate
    public PluginCatalogResource(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<ModelInfo> deployed(@Context SecurityContext security) {
        Access.anyone(security);
        return catalog.deployed();
    }
}
