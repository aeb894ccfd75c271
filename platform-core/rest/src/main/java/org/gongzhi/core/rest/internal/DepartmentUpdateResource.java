package org.gongzhi.core.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.gongzhi.core.service.dispatch.DepartmentUpdates;
import org.gongzhi.core.service.dispatch.UpdateOutcome;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Progress reported by a department's system (部门回报): {@code POST} one update about a dispatch.
 * Only the department itself may report: a department handler (usually its system's service
 * account {@code dept-<code>}) whose {@code department} claim is the department in the path.
 * 200 with the outcome (also for a repeated update id: {@code duplicate} true, nothing changed);
 * 404 unknown dispatch or case; 403 another department's dispatch; 409 out of order; 400 bad input.
 */
@Component(service = DepartmentUpdateResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/departments/{department}/updates")
@Produces(MediaType.APPLICATION_JSON)
public final class DepartmentUpdateResource {

    private final DepartmentUpdates updates;
    private final TenantDirectory tenants;

    @Activate
    public DepartmentUpdateResource(@Reference DepartmentUpdates updates, @Reference TenantDirectory tenants) {
        this.updates = updates;
        this.tenants = tenants;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("tenant") String tenant, @PathParam("department") String department,
                           byte[] body, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, Role.DEPARTMENT_HANDLER);
        if (!department.equals(caller.department())) {
            throw new Access.AccessDeniedException("只能回报本部门的派遣 (a department reports only on its own dispatches; "
                    + "you are " + (caller.department() == null ? "of no department" : caller.department()) + ")");
        }
        UpdateOutcome o = updates.apply(tenant, department, DepartmentUpdate.fromJson(body, Access.actor(security)));
        return Response.ok(o).build();
    }
}
