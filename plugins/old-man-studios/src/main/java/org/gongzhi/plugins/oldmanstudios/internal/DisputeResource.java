package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.gongzhi.plugin.api.RecordCollection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 矛盾纠纷: registration, assignment, mediation sessions, outcome and follow-up. */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
@Path("disputes")
@Produces(MediaType.APPLICATION_JSON)
public final class DisputeResource implements PluginEndpoint {

    private final DisputeDesk desk;
    private final MediationDesk mediation;

    @Activate
    public DisputeResource(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        Clock clock = Clock.system(OldManStudiosModel.ZONE);
        this.desk = new DisputeDesk(storage, tenants, clock);
        this.mediation = new MediationDesk(storage, clock);
    }

    /** One page, oldest first, filtered by at most one of the parameters. */
    @GET
    public Map<String, Object> list(@PathParam("tenant") String tenant, @QueryParam("status") String status,
                                    @QueryParam("studio") String studio, @QueryParam("organisation") String organisation,
                                    @QueryParam("caseId") String caseId, @QueryParam("grid") String grid,
                                    @QueryParam("village") String village, @QueryParam("type") String type,
                                    @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status == null ? null : Inputs.choice("status", DisputeStatus.class, status).wire());
        filters.put("studio", studio);
        filters.put("organisation", organisation);
        filters.put("caseId", caseId == null ? null : Inputs.caseId("caseId", caseId));
        filters.put("grid", grid);
        filters.put("village", village);
        filters.put("type", type == null ? null : Inputs.choice("type", DisputeType.class, type).wire());
        String ref = Rest.ref(filters);
        int from = Rest.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = Rest.integer("limit", limit, 50, 1, RecordCollection.MAX_LIMIT);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", desk.list(tenant, ref, from, size).stream().map(Rest::dispute).toList());
        page.put("total", desk.count(tenant, ref));
        page.put("offset", from);
        page.put("limit", size);
        return page;
    }

    /** 登记: 201 with the dispute; 409 when the case already has one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("tenant") String tenant, DisputeBodies.NewDispute body) {
        return Rest.created(tenant, Records.DISPUTES, Rest.dispute(desk.register(tenant, body)));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Rest.dispute(desk.get(tenant, id));
    }

    /** Completes a draft or corrects the details while the dispute is not yet decided. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}")
    public Map<String, Object> edit(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                    DisputeBodies.Details body) {
        return Rest.dispute(desk.edit(tenant, id, body));
    }

    /** 分派 by the rule (empty body or {@code {}}) or 改派 to a named studio or organisation. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/assignment")
    public Map<String, Object> assign(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                      DisputeBodies.Assignment body) {
        return Rest.dispute(desk.assign(tenant, id, body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/sessions")
    public Map<String, Object> session(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                       DisputeBodies.Session body) {
        return Rest.dispute(mediation.session(tenant, id, body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/agreement")
    public Map<String, Object> agree(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                     DisputeBodies.Agreement body) {
        return Rest.dispute(mediation.agree(tenant, id, body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/failure")
    public Map<String, Object> fail(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                    DisputeBodies.Failure body) {
        return Rest.dispute(mediation.fail(tenant, id, body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/escalations")
    public Map<String, Object> escalate(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                        DisputeBodies.Escalation body) {
        return Rest.dispute(mediation.escalate(tenant, id, body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/follow-up")
    public Map<String, Object> followUp(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                        DisputeBodies.FollowUp body) {
        return Rest.dispute(mediation.followUp(tenant, id, body));
    }

    /** Sessions of a dispute, in order. */
    @GET
    @Path("{id}/sessions")
    public List<Map<String, Object>> sessions(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Records.maps(desk.get(tenant, id).data(), "sessions");
    }
}
