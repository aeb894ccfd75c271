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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The district's mediator expert pool (调解专家库), shared by all studios and organisations. */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
@Path("experts")
@Produces(MediaType.APPLICATION_JSON)
public final class ExpertResource implements PluginEndpoint {

    private final Registry experts;

    @Activate
    public ExpertResource(@Reference PluginStorage storage) {
        this.experts = Registry.experts(storage);
    }

    /** The whole pool, or the experts of one field, e.g. {@code law}. */
    @GET
    public Map<String, Object> list(@PathParam("tenant") String tenant, @QueryParam("field") String field) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("field", field == null ? null : field.trim().toLowerCase(java.util.Locale.ROOT));
        return Rest.items(experts.list(tenant, Rest.ref(filters)));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Records.json(experts.get(tenant, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, RegistryBodies.Expert body) {
        if (body == null) {
            throw Problems.required("body");
        }
        return Rest.created(tenant, Records.EXPERTS, Records.json(experts.create(tenant, body.validate())));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replace(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                       RegistryBodies.Expert body) {
        if (body == null) {
            throw Problems.required("body");
        }
        return Records.json(experts.replace(tenant, id, body.validate()));
    }
}
