package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

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
import org.gongzhi.plugin.api.PluginStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 联资源: certified social workers (持证社工) and their qualification level. */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("social-workers")
@Produces(MediaType.APPLICATION_JSON)
public final class SocialWorkerResource implements PluginEndpoint {

    private static final Pattern CERTIFICATE = Pattern.compile("[A-Za-z0-9-]{6,40}");

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public SocialWorkerResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    SocialWorkerResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Body of {@code POST social-workers}: {@code level} is assistant, intermediate or senior. */
    public record NewSocialWorker(String name, String level, String certificateNo, String organisationId,
                                  String certifiedOn) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("tenant") String tenant, NewSocialWorker body) {
        SocialWorker draft = validate(Web.body(body));
        SocialWorker w = Web.answer(() -> registry(tenant).register(draft));
        return Web.created(tenant, "social-workers/" + w.id(), w);
    }

    @GET
    public List<SocialWorker> list(@PathParam("tenant") String tenant,
                                   @QueryParam("organisation") String organisation,
                                   @QueryParam("level") String level) {
        CertificateLevel l = level == null ? null : Fields.wire(CertificateLevel.class, "level", level);
        return registry(tenant).workers(Fields.optionalText("organisation", organisation, 18), l);
    }

    @GET
    @Path("{id}")
    public SocialWorker get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return registry(tenant).worker(id)
                .orElseThrow(() -> new NotFoundException("社会工作者不存在 (no such social worker): " + id));
    }

    SocialWorker validate(NewSocialWorker b) {
        String name = Fields.text("name", b.name(), 40);
        CertificateLevel level = Fields.wire(CertificateLevel.class, "level", b.level());
        String number = Fields.text("certificateNo", b.certificateNo(), 40);
        if (!CERTIFICATE.matcher(number).matches()) {
            throw new InvalidInputException("certificateNo",
                    "证书编号为 6–40 位字母、数字或连字符 (6 to 40 letters, digits or hyphens): " + number);
        }
        String organisation = Fields.optionalText("organisationId", b.organisationId(), 18);
        LocalDate on = Fields.date("certifiedOn", b.certifiedOn());
        if (on.isAfter(LocalDate.ofInstant(clock.instant(), ThreeLinkedModel.ZONE))) {
            throw new InvalidInputException("certifiedOn", "发证日期不能在将来 (certifiedOn is in the future): " + on);
        }
        return new SocialWorker(number, 0, name, level.wire(), number, organisation, on);
    }

    private ResourceRegistry registry(String tenant) {
        return new Books(storage, tenant, clock).registry();
    }
}
