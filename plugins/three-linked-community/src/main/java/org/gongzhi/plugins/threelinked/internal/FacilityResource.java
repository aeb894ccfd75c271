package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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

/** 联资源: community service facilities lent to social organisations (社区综合服务设施). */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("facilities")
@Produces(MediaType.APPLICATION_JSON)
public final class FacilityResource implements PluginEndpoint {

    static final double MAX_AREA_M2 = 100_000;

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public FacilityResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    FacilityResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Body of {@code POST facilities}: one loan; {@code from} and {@code to} are inclusive days. */
    public record NewLoan(String facility, String community, Double areaM2, String lentTo, String from, String to) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response lend(@PathParam("tenant") String tenant, NewLoan body) {
        FacilityLoan draft = validate(Web.body(body));
        FacilityLoan loan = Web.answer(() -> registry(tenant).lend(draft));
        return Web.created(tenant, "facilities/" + loan.id(), loan);
    }

    @GET
    public List<FacilityLoan> list(@PathParam("tenant") String tenant, @QueryParam("community") String community) {
        return registry(tenant).loans(community == null ? null : Fields.community("community", community));
    }

    static FacilityLoan validate(NewLoan b) {
        String facility = Fields.text("facility", b.facility(), 100);
        String community = Fields.community("community", b.community());
        if (b.areaM2() == null || b.areaM2().isNaN() || b.areaM2() <= 0 || b.areaM2() > MAX_AREA_M2) {
            throw new InvalidInputException("areaM2", "面积须大于 0 且不超过 " + (int) MAX_AREA_M2
                    + " 平方米 (area must be above 0 and at most 100000 m²)");
        }
        String lentTo = Fields.text("lentTo", b.lentTo(), 18);
        LocalDate from = Fields.date("from", b.from());
        LocalDate to = Fields.date("to", b.to());
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "结束日期不能早于开始日期 (to is before from): " + to);
        }
        return new FacilityLoan(null, 0, facility, community, b.areaM2(), lentTo, from, to);
    }

    private ResourceRegistry registry(String tenant) {
        return new Books(storage, tenant, clock).registry();
    }
}
