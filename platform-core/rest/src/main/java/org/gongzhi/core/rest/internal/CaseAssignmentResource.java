package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.people.AssignCommand;
import org.gongzhi.core.service.people.Assigned;
import org.gongzhi.core.service.people.AssignmentService;
import org.gongzhi.core.service.people.Person;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The person who holds one case (承办人, ADR 0035): {@code POST …/assignment} assigns or reassigns it,
 * {@code GET …/assignment/candidates} lists whom the caller may name. Who may assign: {@link CasePermissions#assigner};
 * a case outside the caller's scope answers 404 like a missing one.
 */
@Component(service = CaseAssignmentResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/cases/{id}/assignment")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseAssignmentResource {

    /** Roles that may assign at all (each on the cases {@link CasePermissions#assigner} allows). */
    static final Role[] ASSIGNERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.DEPARTMENT_HANDLER, Role.GRID_WORKER};

    /** The body of an assignment: whom, why (required for a reassignment), the case version seen (optional). */
    record AssignRequest(String assignee, String reason, Long expectedVersion) {
    }

    private final AssignmentService assignments;
    private final CaseService cases;
    private final TenantDirectory tenants;

    @Activate
    public CaseAssignmentResource(@Reference AssignmentService assignments, @Reference CaseService cases,
                                  @Reference TenantDirectory tenants) {
        this.assignments = assignments;
        this.cases = cases;
        this.tenants = tenants;
    }

    /** 200 with the case as it is now; 400 naming {@code assignee} or {@code reason}; 403 not the holder's; 409 closed or same. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("tenant") String tenant, @PathParam("id") String id, AssignRequest body,
                           @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, ASSIGNERS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        TenantDefinition district = tenants.require(tenant);
        Set<Role> roles = Access.roles(caller);
        UUID caseId = Params.caseId(id);
        Assigned done = assignments.assign(tenant, caseId,
                new AssignCommand(body.assignee(), body.reason(), Access.actor(security), body.expectedVersion()),
                v -> admit(caller, roles, district, v, id, body.assignee()));
        CaseView v = done.kase();
        return Response.ok(CaseJson.of(v)).tag(new EntityTag(Long.toString(v.version()))).build();
    }

    /** Whom the caller may name on this case: the people who may hold it, within the caller's side. */
    @GET
    @Path("candidates")
    public List<Person> candidates(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                   @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, ASSIGNERS);
        TenantDefinition district = tenants.require(tenant);
        CaseView v = cases.get(tenant, Params.caseId(id));
        Role as = side(caller, Access.roles(caller), district, v, id);
        return assignments.candidates(tenant, v.id()).stream()
                .filter(p -> district.people().stream().filter(d -> d.username().equals(p.username())).findFirst()
                        .map(d -> CasePermissions.mayName(as, caller, d)).orElse(false))
                .toList();
    }

    /** The caller's checks on one case before it is assigned (also the bulk's): scope, side, whom they may name. */
    static void admit(Caller caller, Set<Role> roles, TenantDefinition district, CaseView v, String id,
                              String assignee) {
        Role as = side(caller, roles, district, v, id);
        if (as == Role.DISPATCHER || assignee == null) {
            return; // the service names the missing or wrong assignee
        }
        PersonDefinition person = district.people().stream().filter(p -> p.username().equals(assignee.strip()))
                .findFirst().orElse(null);
        if (person != null && !CasePermissions.mayName(as, caller, person)) {
            throw new ValidationException("assignee", as == Role.DEPARTMENT_HANDLER
                    ? "部门只能指派本部门的处置人员 (a department assigns its own handlers): " + assignee
                    : "网格只能指派网格员 (a grid assigns grid workers): " + assignee);
        }
    }

    /** The caller's side on the case, after checking they see it (404) and may assign it (403). */
    private static Role side(Caller caller, Set<Role> roles, TenantDefinition district, CaseView v, String id) {
        if (!Access.scope(caller).permits(v, district)) {
            throw new NotFoundException("案件不存在 (no such case): " + id);
        }
        Role as = CasePermissions.assigner(caller, roles, v, district);
        if (as == null) {
            throw new Access.AccessDeniedException("只有案件的牵头部门、所在网格或调度中心可以指派承办人 "
                    + "(only the case's lead department, its grid or the centre assign it)");
        }
        return as;
    }
}
