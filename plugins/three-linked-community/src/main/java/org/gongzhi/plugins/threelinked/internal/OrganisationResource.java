package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

/** 联资源: registered social organisations and social-work agencies that take service orders. */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
public final class OrganisationResource implements PluginEndpoint {

    /** 统一社会信用代码: 18 characters, digits and capital letters except I, O, S, V, Z. */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    static final int MAX_AREAS = 20;

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public OrganisationResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    OrganisationResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Body of {@code POST organisations}. */
    public record NewOrganisation(String name, String registrationNo, List<String> serviceAreas) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("tenant") String tenant, NewOrganisation body) {
        Organisation draft = validate(Web.body(body));
        Organisation o = Web.answer(() -> registry(tenant).register(draft));
        return Web.created(tenant, "organisations/" + o.id(), o);
    }

    /** Organisations, oldest registration first; {@code area} keeps those offering that service area. */
    @GET
    public List<Organisation> list(@PathParam("tenant") String tenant, @QueryParam("area") String area) {
        return registry(tenant).organisations(Fields.optionalText("area", area, 40));
    }

    @GET
    @Path("{id}")
    public Organisation get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return registry(tenant).organisation(id)
                .orElseThrow(() -> new javax.ws.rs.NotFoundException("社会组织不存在 (no such organisation): " + id));
    }

    Organisation validate(NewOrganisation b) {
        String name = Fields.text("name", b.name(), 100);
        String number = Fields.text("registrationNo", b.registrationNo(), 18).toUpperCase(Locale.ROOT);
        if (!CREDIT_CODE.matcher(number).matches()) {
            throw new InvalidInputException("registrationNo",
                    "登记证号应为 18 位统一社会信用代码 (must be an 18-character unified social credit code): " + number);
        }
        List<String> areas = new ArrayList<>();
        List<String> in = b.serviceAreas() == null ? List.of() : b.serviceAreas();
        if (in.isEmpty() || in.size() > MAX_AREAS) {
            throw new InvalidInputException("serviceAreas", "须填写 1–" + MAX_AREAS + " 个服务领域 (1 to " + MAX_AREAS
                    + " service areas)");
        }
        for (int i = 0; i < in.size(); i++) {
            String a = Fields.text("serviceAreas[" + i + "]", in.get(i), 40);
            if (!areas.contains(a)) {
                areas.add(a);
            }
        }
        return new Organisation(number, 0, name, number, areas, clock.instant());
    }

    private ResourceRegistry registry(String tenant) {
        return new Books(storage, tenant, clock).registry();
    }
}
