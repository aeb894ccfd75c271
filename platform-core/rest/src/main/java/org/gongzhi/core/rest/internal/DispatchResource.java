package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The district's dispatches to department systems (派遣外发): list them by state (the dead letters
 * with {@code state=dead}), look at one, replay a dead or unrouted one. For the district
 * administrator and dispatchers.
 */
@Component(service = DispatchResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/dispatches")
@Produces(MediaType.APPLICATION_JSON)
public final class DispatchResource {

    static final Role[] OPERATORS = {Role.DISTRICT_ADMIN, Role.DISPATCHER};

    private final DispatchOutbox outbox;
    private final TenantDirectory tenants;

    @Activate
    public DispatchResource(@Reference DispatchOutbox outbox, @Reference TenantDirectory tenants) {
        this.outbox = outbox;
        this.tenants = tenants;
    }

    /** One dispatch as the operators see it (the payload is not repeated). */
    record DispatchJson(String dispatchId, String caseId, String caseNumber, String department, boolean lead,
                        String state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                        String lastError, String receipt) {
        static DispatchJson of(OutboundDispatch d) {
            return new DispatchJson(d.dispatchId().toString(), d.caseId().toString(), d.caseNumber(), d.department(),
                    d.lead(), d.state().wireName(), d.attempts(), d.createdAt(),
                    d.state() == DispatchState.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(), d.lastError(), d.receipt());
        }
    }

    record PageJson(List<DispatchJson> items, long total, int offset, int limit) {
    }

    @GET
    public PageJson list(@PathParam("tenant") String tenant, @QueryParam("state") String state,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        Access.districtCentre(security, tenants, tenant, OPERATORS);
        DispatchState s = state == null || state.isBlank() ? null : DispatchState.fromWireName(state)
                .orElseThrow(() -> new ValidationException("state", "须为 pending、delivered、dead、unrouted 或 cancelled "
                        + "(must be pending, delivered, dead, unrouted or cancelled): " + state));
        int off = Params.integer("offset", offset, 0);
        int lim = Params.integer("limit", limit, 50);
        if (off < 0 || lim < 1 || lim > 500) {
            throw new ValidationException(off < 0 ? "offset" : "limit", "offset ≥ 0，limit 1–500 (offset ≥ 0, limit 1–500)");
        }
        Page<OutboundDispatch> page = outbox.list(tenant, s, off, lim);
        return new PageJson(page.items().stream().map(DispatchJson::of).toList(), page.total(), off, lim);
    }

    @GET
    @Path("{id}")
    public DispatchJson get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                            @Context SecurityContext security) {
        Access.districtCentre(security, tenants, tenant, OPERATORS);
        return DispatchJson.of(outbox.get(tenant, Params.uuid("id", id)));
    }

    /** Sends a dead letter (or an unrouted dispatch) again under the same dispatch id. */
    @POST
    @Path("{id}/replay")
    public DispatchJson replay(@PathParam("tenant") String tenant, @PathParam("id") String id,
                               @Context SecurityContext security) {
        Access.districtCentre(security, tenants, tenant, OPERATORS);
        return DispatchJson.of(outbox.replay(tenant, Params.uuid("id", id), Access.actor(security)));
    }
}
