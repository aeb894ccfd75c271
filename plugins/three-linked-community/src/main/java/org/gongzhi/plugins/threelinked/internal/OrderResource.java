package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

/** 联服务: service orders published from decided needs, taken (接单), delivered and rated. */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public final class OrderResource implements PluginEndpoint {

    static final int MAX_NEEDS = 100;
    private static final Set<String> STATUSES = Set.of(ServiceOrder.PUBLISHED, ServiceOrder.TAKEN,
            ServiceOrder.DELIVERED, ServiceOrder.RATED);

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public OrderResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    OrderResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Body of {@code POST orders}; {@code serviceArea} defaults to the category of the first need. */
    public record NewOrder(List<String> needIds, String title, String description, String serviceArea) {
    }

    /** Body of {@code POST orders/{id}/take}: {@code takerType} is organisation or social-worker. */
    public record Take(String takerType, String takerId) {
    }

    /** Body of {@code POST orders/{id}/delivery}. */
    public record Delivery(String note, Integer beneficiaries) {
    }

    /** Body of {@code POST orders/{id}/rating}: {@code score} 1–5, {@code by} resident or community. */
    public record NewRating(Integer score, String by, String comment) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("tenant") String tenant, NewOrder body) {
        NewOrder b = Web.body(body);
        if (b.needIds() == null || b.needIds().isEmpty() || b.needIds().size() > MAX_NEEDS) {
            throw new InvalidInputException("needIds", "须包含 1–" + MAX_NEEDS + " 条需求 (1 to " + MAX_NEEDS + " needs)");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : b.needIds()) {
            if (id == null || !ids.add(id)) {
                throw new InvalidInputException("needIds", "需求编号为空或重复 (a need id is empty or repeated): " + id);
            }
        }
        String title = Fields.text("title", b.title(), 100);
        String description = Fields.optionalText("description", b.description(), 2000);
        String area = Fields.optionalText("serviceArea", b.serviceArea(), 40);
        ServiceOrder o = Web.answer(() -> books(tenant).orders().publish(List.copyOf(ids), title, description, area));
        return Web.created(tenant, "orders/" + o.id(), o);
    }

    /** Orders oldest first; filters combine. */
    @GET
    public Page<ServiceOrder> list(@PathParam("tenant") String tenant, @QueryParam("community") String community,
                                   @QueryParam("status") String status, @QueryParam("offset") String offset,
                                   @QueryParam("limit") String limit) {
        String c = community == null ? null : Fields.community("community", community);
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status",
                    "取值无效 (must be one of published, taken, delivered, rated): " + status);
        }
        int from = Fields.param("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = Fields.param("limit", limit, 50, 1, 500);
        return Records.page(books(tenant).orders().list(c, status), from, size);
    }

    @GET
    @Path("{id}")
    public ServiceOrder get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Web.answer(() -> books(tenant).orders().require(id));
    }

    /** 接单: one taker per order, first come; a second taker gets 409. */
    @POST
    @Path("{id}/take")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceOrder take(@PathParam("tenant") String tenant, @PathParam("id") String id, Take body) {
        Take b = Web.body(body);
        String type = Fields.text("takerType", b.takerType(), 20);
        if (!type.equals("organisation") && !type.equals("social-worker")) {
            throw new InvalidInputException("takerType", "取值无效 (must be organisation or social-worker): " + type);
        }
        String takerId = Fields.text("takerId", b.takerId(), 100);
        return Web.answer(() -> books(tenant).orders().take(id, type, takerId));
    }

    @POST
    @Path("{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceOrder deliver(@PathParam("tenant") String tenant, @PathParam("id") String id, Delivery body) {
        Delivery b = Web.body(body);
        String note = Fields.text("note", b.note(), 2000);
        int people = Fields.integer("beneficiaries", b.beneficiaries(), 1, 100_000);
        return Web.answer(() -> books(tenant).orders().deliver(id, note, people));
    }

    @POST
    @Path("{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceOrder rate(@PathParam("tenant") String tenant, @PathParam("id") String id, NewRating body) {
        NewRating b = Web.body(body);
        int score = rating(b.score());
        String by = Fields.text("by", b.by(), 20);
        if (!by.equals("resident") && !by.equals("community")) {
            throw new InvalidInputException("by", "取值无效 (must be resident or community): " + by);
        }
        String comment = Fields.optionalText("comment", b.comment(), 500);
        return Web.answer(() -> books(tenant).orders().rate(id, score, by, comment));
    }

    /** A rating's score: a whole number from 1 to 5 (满意度评价). */
    static int rating(Integer score) {
        return Fields.integer("score", score, 1, 5);
    }

    private Books books(String tenant) {
        return new Books(storage, tenant, clock);
    }
}
