package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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
import org.gongzhi.plugin.api.PluginStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 联需求: residents' needs, collected online and offline and through the 困难群众直通车. */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("needs")
@Produces(MediaType.APPLICATION_JSON)
public final class NeedResource implements PluginEndpoint {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public NeedResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    NeedResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Body of {@code POST needs}; {@code urgency} defaults to normal, {@code collectedAt} to now. */
    public record NewNeed(String community, String residentName, String residentPhone, String category,
                          String description, String channel, String urgency, String collectedAt) {
    }

    /** Body of {@code POST needs/{id}/decline}. */
    public record Reason(String reason) {
    }

    /** Body of {@code POST needs/{id}/community}. */
    public record Relocation(String community) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response collect(@PathParam("tenant") String tenant, NewNeed body) {
        Need draft = validate(Web.body(body));
        Need need = Web.answer(() -> books(tenant).needs().create(draft));
        return Web.created(tenant, "needs/" + need.id(), need);
    }

    /** Needs oldest first, resident's name and phone masked; filters combine. */
    @GET
    public Page<Need> list(@PathParam("tenant") String tenant, @QueryParam("community") String community,
                                   @QueryParam("status") String status, @QueryParam("quarter") String quarter,
                                   @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        String c = community == null || NeedBook.UNLOCATED.equals(community) ? community
                : Fields.community("community", community);
        NeedStatus s = status == null ? null : Fields.wire(NeedStatus.class, "status", status);
        Quarter q = quarter == null ? null : Quarter.parse("quarter", quarter);
        int from = Fields.param("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = Fields.param("limit", limit, 50, 1, 500);
        return Records.page(books(tenant).needs().list(c, s, q).stream().map(Need::masked).toList(), from, size);
    }

    /** One need in full, personal data included (for the community that handles it). */
    @GET
    @Path("{id}")
    public Need get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Web.answer(() -> books(tenant).needs().require(id));
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Need decline(@PathParam("tenant") String tenant, @PathParam("id") String id, Reason body) {
        String reason = Fields.text("reason", Web.body(body).reason(), 500);
        return Web.answer(() -> books(tenant).needs().decline(id, reason));
    }

    @POST
    @Path("{id}/community")
    @Consumes(MediaType.APPLICATION_JSON)
    public Need relocate(@PathParam("tenant") String tenant, @PathParam("id") String id, Relocation body) {
        String community = Fields.community("community", Web.body(body).community());
        return Web.answer(() -> books(tenant).needs().relocate(id, community));
    }

    Need validate(NewNeed b) {
        String community = Fields.community("community", b.community());
        String name = Fields.optionalText("residentName", b.residentName(), 40);
        String phone = Fields.phone("residentPhone", b.residentPhone());
        String category = Fields.text("category", b.category(), 40);
        String description = Fields.text("description", b.description(), 2000);
        NeedChannel channel = Fields.wire(NeedChannel.class, "channel", b.channel());
        Urgency urgency = b.urgency() == null ? Urgency.NORMAL : Fields.wire(Urgency.class, "urgency", b.urgency());
        Instant now = clock.instant();
        Instant at = b.collectedAt() == null ? now : Fields.instant("collectedAt", b.collectedAt());
        if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(EARLIEST)) {
            throw new InvalidInputException("collectedAt",
                    "收集时间须在 2000 年之后且不在将来 (collectedAt must be after 2000 and not in the future): " + at);
        }
        return Need.collected("need-" + UUID.randomUUID(), community, name, phone, category, description, channel,
                urgency, at, null);
    }

    private Books books(String tenant) {
        return new Books(storage, tenant, clock);
    }
}
