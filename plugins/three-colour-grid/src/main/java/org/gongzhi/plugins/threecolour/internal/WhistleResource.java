package org.gongzhi.plugins.threecolour.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 网格吹哨、各方响应: blow the whistle from a grid, answer it, see who responded. */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
@Path("whistles")
@Produces(MediaType.APPLICATION_JSON)
public final class WhistleResource implements PluginEndpoint {

    static final Set<String> URGENCIES = Set.of("normal", "urgent", "critical");

    /** Body of POST /whistles; {@code caseId} optional (an issue without a case), urgency normal/urgent/critical. */
    public record WhistleBody(String gridCode, String caseId, String summary, String urgency, String blownBy,
                              List<String> departments) {
    }

    /** Body of POST /whistles/{id}/responses. */
    public record ResponseBody(String responderId, String status, String note) {
    }

    /** A page of whistles. */
    public record WhistlePage(List<WhistleView> items, long total, int offset, int limit) {
    }

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public WhistleResource(@Reference PluginStorage storage) {
        this.storage = storage;
        this.clock = Clock.systemUTC();
    }

    /** Blows the whistle: 201 with the whistle and its responders. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response blow(@PathParam("tenant") String tenant, WhistleBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "请求体不能为空 (a JSON body is required)");
        }
        String urgency = body.urgency() == null ? "normal" : body.urgency().trim().toLowerCase(Locale.ROOT);
        if (!URGENCIES.contains(urgency)) {
            throw new InvalidInputException("urgency", "紧急程度须为 normal、urgent 或 critical (urgency must be normal, urgent or critical)");
        }
        WhistleDesk.Whistle w = new WhistleDesk.Whistle(Check.grid("gridCode", body.gridCode()),
                body.caseId() == null ? null : Check.uuid("caseId", body.caseId()),
                Check.required("summary", body.summary(), 500), urgency, Check.optional("blownBy", body.blownBy(), 40),
                Check.departments("departments", body.departments(), 20));
        PluginRecord r = desk(tenant).blow(w);
        return Response.created(URI.create(ThreeColourGridModel.PATH.replace("{tenant}", tenant) + "/whistles/" + r.id()))
                .entity(WhistleView.of(r)).build();
    }

    /** Whistles, oldest first, of one grid or one case when asked. */
    @GET
    public WhistlePage list(@PathParam("tenant") String tenant, @QueryParam("grid") String grid,
                            @QueryParam("caseId") String caseId, @QueryParam("offset") String offset,
                            @QueryParam("limit") String limit) {
        if (grid != null && caseId != null) {
            throw new InvalidInputException("caseId", "grid 与 caseId 只能选一 (give grid or caseId, not both)");
        }
        String ref = grid != null ? "grid=" + Check.grid("grid", grid)
                : caseId != null ? "caseId=" + Check.uuid("caseId", caseId) : null;
        int from = Check.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = Check.integer("limit", limit, 50, 1, RecordCollection.MAX_LIMIT);
        RecordCollection c = whistles(tenant);
        return new WhistlePage(c.find(ref, from, size).stream().map(WhistleView::of).toList(), c.count(ref), from, size);
    }

    @GET
    @Path("{id}")
    public WhistleView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return desk(tenant).get(Check.uuid("id", id)).map(WhistleView::of).orElseThrow(WhistleResource::notFound);
    }

    /** A responder answers: 200 with the whistle; 409 when the status does not move forward. */
    @POST
    @Path("{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public WhistleView respond(@PathParam("tenant") String tenant, @PathParam("id") String id, ResponseBody body) {
        String whistleId = Check.uuid("id", id);
        if (body == null) {
            throw new InvalidInputException("body", "请求体不能为空 (a JSON body is required)");
        }
        String responder = Check.required("responderId", body.responderId(), 60);
        ResponseStatus status = ResponseStatus.answer("status", body.status());
        String note = Check.optional("note", body.note(), 500);
        try {
            return desk(tenant).respond(whistleId, responder, status, note).map(WhistleView::of)
                    .orElseThrow(WhistleResource::notFound);
        } catch (WhistleDesk.Conflict e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("没有这次吹哨 (no such whistle)");
    }

    private RecordCollection whistles(String tenant) {
        return storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.WHISTLES);
    }

    private WhistleDesk desk(String tenant) {
        RosterBook roster = new RosterBook(storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.ROSTER));
        TallyBook tallies = new TallyBook(storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.TALLIES));
        return new WhistleDesk(whistles(tenant), roster, tallies, clock);
    }
}
