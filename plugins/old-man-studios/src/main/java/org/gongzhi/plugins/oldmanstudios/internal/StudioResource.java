package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 老倌俚工作室 of the villages, each with its elder mediators. */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
@Path("studios")
@Produces(MediaType.APPLICATION_JSON)
public final class StudioResource implements PluginEndpoint {

    private final Registry studios;
    private final PluginTenants tenants;

    @Activate
    public StudioResource(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.studios = Registry.studios(storage);
        this.tenants = tenants;
    }

    /** All studios, or those of one village or one street/town (at most one filter). */
    @GET
    public Map<String, Object> list(@PathParam("tenant") String tenant, @QueryParam("village") String village,
                                    @QueryParam("street") String street) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("village", village);
        filters.put("street", street);
        return Rest.items(studios.list(tenant, Rest.ref(filters)));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Records.json(studios.get(tenant, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, RegistryBodies.Studio body) {
        if (body == null) {
            throw Problems.required("body");
        }
        return Rest.created(tenant, Records.STUDIOS, Records.json(studios.create(tenant, body.validate(Places.district(tenants, tenant)))));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replace(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                       RegistryBodies.Studio body) {
        if (body == null) {
            throw Problems.required("body");
        }
        return Records.json(studios.replace(tenant, id, body.validate(Places.district(tenants, tenant))));
    }
}
