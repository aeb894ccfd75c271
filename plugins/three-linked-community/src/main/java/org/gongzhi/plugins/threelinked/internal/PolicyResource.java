package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

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
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 联资源: the catalogue of published policies for residents (惠民政策), by category. */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
public final class PolicyResource implements PluginEndpoint {

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public PolicyResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    PolicyResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Body of {@code POST policies}. */
    public record NewPolicy(String category, String title, String summary, String issuingBody, String effectiveOn) {
    }

    /** One category of the catalogue and how many policies it holds. */
    public record Category(String category, int policies) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("tenant") String tenant, NewPolicy body) {
        NewPolicy b = Web.body(body);
        Policy draft = new Policy(null, 0, Fields.text("category", b.category(), 40),
                Fields.text("title", b.title(), 200),
                Fields.text("summary", b.summary(), 2000), Fields.text("issuingBody", b.issuingBody(), 100),
                Fields.date("effectiveOn", b.effectiveOn()));
        Policy p = Web.answer(() -> registry(tenant).publish(draft));
        return Web.created(tenant, "policies/" + p.id(), p);
    }

    /** Policies, oldest first; {@code category} keeps one category. */
    @GET
    public List<Policy> list(@PathParam("tenant") String tenant, @QueryParam("category") String category) {
        return registry(tenant).policies(Fields.optionalText("category", category, 40));
    }

    /** The categories with their number of policies (e.g. 29 categories, 233 policies). */
    @GET
    @Path("categories")
    public List<Category> categories(@PathParam("tenant") String tenant) {
        Map<String, Integer> counts = registry(tenant).policyCategories();
        return counts.entrySet().stream().map(e -> new Category(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("{id}")
    public Policy get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return registry(tenant).policy(id)
                .orElseThrow(() -> new NotFoundException("政策不存在 (no such policy): " + id));
    }

    private ResourceRegistry registry(String tenant) {
        return new Books(storage, tenant, clock).registry();
    }
}
