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

/** 第三方调解组织 taking the disputes of urban streets, each with its speciality (a dispute type). */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
public final class OrganisationResource implements PluginEndpoint {

    private final Registry organisations;

    @Activate
    public OrganisationResource(@Reference PluginStorage storage) {
        this.organisations = Registry.organisations(storage);
    }

    /** All organisations, or those of one speciality, e.g. {@code property}. */
    @GET
    public Map<String, Object> list(@PathParam("tenant") String tenant, @QueryParam("speciality") String speciality) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("speciality", speciality == null ? null : speciality.trim().toLowerCase(java.util.Locale.ROOT));
        return Rest.items(organisations.list(tenant, Rest.ref(filters)));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Records.json(organisations.get(tenant, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, RegistryBodies.Organisation body) {
        if (body == null) {
            throw Problems.required("body");
        }
        return Rest.created(tenant, Records.ORGANISATIONS, Records.json(organisations.create(tenant, body.validate())));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replace(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                       RegistryBodies.Organisation body) {
        if (body == null) {
            throw Problems.required("body");
        }
        return Records.json(organisations.replace(tenant, id, body.validate()));
    }
}
