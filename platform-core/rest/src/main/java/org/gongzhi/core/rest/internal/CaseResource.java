package org.gongzhi.core.rest.internal;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.CaseQuery;
import org.gongzhi.core.service.CaseService;
import org.gongzhi.core.service.CaseView;
import org.gongzhi.core.service.IntakeResult;
import org.gongzhi.core.service.NewCase;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Cases of one district: intake, queries, the closed-loop transitions and the journal. */
@Component(service = CaseResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/cases")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseService cases;
    private final TenantDirectory tenants;

    @Activate
    public CaseResource(@Reference CaseService cases, @Reference TenantDirectory tenants) {
        this.cases = cases;
        this.tenants = tenants;
    }

    record PageJson(List<CaseJson> items, long total, int offset, int limit) {
    }

    /** Intake (上报): 201 with the new case, or 200 with the earlier one for a repeated idempotency key. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("tenant") String tenant, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           NewCase body, @Context SecurityContext security) {
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        NewCase withKey = key == null || body.idempotencyKey() != null ? body
                : new NewCase(body.title(), body.description(), body.categoryCode(), body.channel(), body.longitude(),
                body.latitude(), body.address(), body.gridCode(), body.reporterName(), body.reporterPhone(),
                body.attachments(), key);
        IntakeResult result = cases.report(tenant, withKey, AuthenticationSeam.caller(security));
        CaseView v = result.kase();
        Response.ResponseBuilder answer = result.created()
                ? Response.created(URI.create("/api/v1/tenants/" + tenant + "/cases/" + v.id()))
                : Response.ok();
        return answer.tag(etag(v)).entity(CaseJson.of(v)).build();
    }

    @GET
    public PageJson list(@PathParam("tenant") String tenant, @QueryParam("status") String status,
                         @QueryParam("grid") String grid, @QueryParam("department") String department,
                         @QueryParam("category") String category, @QueryParam("channel") String channel,
                         @QueryParam("overdue") String overdue, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit) {
        ZoneId zone = tenants.require(tenant).timeZone();
        CaseQuery query = new CaseQuery(status(status), grid, department, category, channel, Params.bool("overdue", overdue),
                Params.dayStart("from", from, zone), Params.dayStart("to", to, zone),
                Params.integer("offset", offset, 0), Params.integer("limit", limit, 50));
        Page<CaseView> page = cases.list(tenant, query);
        return new PageJson(page.items().stream().map(CaseJson::of).toList(), page.total(), page.offset(), page.limit());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        CaseView v = cases.get(tenant, Params.caseId(id));
        return Response.ok(CaseJson.of(v)).tag(etag(v)).build();
    }

    /** One step of the loop; {@code If-Match: "<version>"} or {@code expectedVersion} guards concurrent edits. */
    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transition(@PathParam("tenant") String tenant, @PathParam("id") String id,
                               @HeaderParam("If-Match") String ifMatch, TransitionRequest body,
                               @Context SecurityContext security) {
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        CaseView v = cases.transition(tenant, Params.caseId(id),
                body.toCommand(AuthenticationSeam.caller(security), version(ifMatch)));
        return Response.ok(CaseJson.of(v)).tag(etag(v)).build();
    }

    @GET
    @Path("{id}/journal")
    public List<CaseJson.Entry> journal(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return cases.journal(tenant, Params.caseId(id)).stream().map(CaseJson.Entry::of).toList();
    }

    private static EntityTag etag(CaseView v) {
        return new EntityTag(Long.toString(v.version()));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new ValidationException("If-Match", "If-Match 须为案件版本号 (must be the case version): " + ifMatch);
        }
    }

    private static CaseStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("status", "未知的案件状态 (unknown status): " + value);
        }
    }
}
