package org.gongzhi.core.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.supervision.Supervision;
import org.gongzhi.core.service.supervision.SupervisionService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Supervision of one case (督办): its records, orders issued by the district's leaders and
 * dispatchers, the handler's answer. A case outside the caller's scope answers 404 like a missing one
 * ({@link Access#scope}), so a department handler answers only the cases dispatched to their department.
 */
@Component(service = CaseSupervisionResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/cases/{id}/supervision")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseSupervisionResource {

    /** Who issues orders and lists major matters: the district's leaders (administrators) and dispatchers. */
    static final Role[] ISSUERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER};
    /** Who answers: whoever handles the case (within their scope), and the centre. */
    static final Role[] ANSWERERS = {Role.DEPARTMENT_HANDLER, Role.GRID_WORKER, Role.DISPATCHER, Role.DISTRICT_ADMIN};
    /** Who reads the records: staff who see the case (not residents). */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER,
        Role.MEDIATOR, Role.SOCIAL_WORKER};

    private final SupervisionService supervision;
    private final CaseService cases;
    private final TenantDirectory tenants;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public CaseSupervisionResource(@Reference SupervisionService supervision, @Reference CaseService cases,
                                   @Reference TenantDirectory tenants) {
        this.supervision = supervision;
        this.cases = cases;
        this.tenants = tenants;
    }

    /** The case if the caller may see it, else 404 as if it did not exist. */
    private UUID visible(String tenant, String id, Caller caller) {
        return VisibleCases.of(cases, tenants, tenant, id, caller).id();
    }

    @GET
    public List<SupervisionJson> list(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                      @Context SecurityContext security) {
        UUID caseId = visible(tenant, id, Access.district(security, tenants, tenant, READERS));
        Instant now = clock.instant();
        return supervision.ofCase(tenant, caseId).stream().map(s -> SupervisionJson.of(s, now)).toList();
    }

    /** 201 with the order; 400 naming {@code kind}, {@code reason} or {@code deadline}; 409 for a closed case. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response order(@PathParam("tenant") String tenant, @PathParam("id") String id,
                          SupervisionJson.OrderRequest body, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, ISSUERS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        UUID caseId = visible(tenant, id, caller);
        Supervision s = supervision.order(tenant, caseId, body.toOrder(tenants.require(tenant).timeZone()),
                Access.actor(security));
        return Response.status(Response.Status.CREATED).entity(SupervisionJson.of(s, clock.instant())).build();
    }

    /** 200 with the answered order; 400 naming {@code answer}; 409 when answered already or a reminder. */
    @POST
    @Path("{sid}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public SupervisionJson answer(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                  @PathParam("sid") String sid, SupervisionJson.AnswerRequest body,
                                  @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, ANSWERERS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        UUID caseId = visible(tenant, id, caller);
        Supervision s = supervision.answer(tenant, caseId, Params.uuid("supervision", sid), body.answer(),
                Access.actor(security));
        return SupervisionJson.of(s, clock.instant());
    }
}
