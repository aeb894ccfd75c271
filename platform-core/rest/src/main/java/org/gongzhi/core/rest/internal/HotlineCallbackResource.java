package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.Consumes;
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
import org.gongzhi.core.service.hotline.CallbackAttempt;
import org.gongzhi.core.service.hotline.CallbackResult;
import org.gongzhi.core.service.hotline.CallbackState;
import org.gongzhi.core.service.hotline.CallbackTask;
import org.gongzhi.core.service.hotline.HotlineCallbacks;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * 12345 回访: the district's closed hotline cases to call back (with the caller's phone: staff of these roles
 * only) and the recording of one attempt, through {@link HotlineCallbacks}. Roles: district-admin, dispatcher.
 */
@Component(service = HotlineCallbackResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/hotline/callbacks")
@Produces(MediaType.APPLICATION_JSON)
public final class HotlineCallbackResource {

    /** Roles that call callers back. */
    static final Role[] SEATS = {Role.DISTRICT_ADMIN, Role.DISPATCHER};

    private final HotlineCallbacks callbacks;
    private final TenantDirectory tenants;

    @Activate
    public HotlineCallbackResource(@Reference HotlineCallbacks callbacks, @Reference TenantDirectory tenants) {
        this.callbacks = callbacks;
        this.tenants = tenants;
    }

    record TaskJson(String caseId, String caseNumber, String ticketNumber, String title, String callerName,
                    String callerPhone, Instant closedAt, String leadDepartment, int failedAttempts,
                    Instant lastAttemptAt, int maxAttempts, String state) {
        static TaskJson of(CallbackTask t) {
            return new TaskJson(t.caseId().toString(), t.caseNumber(), t.ticketNumber(), t.title(), t.callerName(),
                    t.callerPhone(), t.closedAt(), t.leadDepartment(), t.failedAttempts(), t.lastAttemptAt(),
                    t.maxAttempts(), t.state().wireName());
        }
    }

    record PageJson(List<TaskJson> items, long total, int offset, int limit) {
    }

    /** Body of an attempt. */
    record AttemptRequest(Boolean reached, Integer satisfaction, String note) {
    }

    record ResultJson(String caseId, String caseNumber, boolean reached, Integer satisfaction, int failedAttempts,
                      int maxAttempts, String state) {
        static ResultJson of(CallbackResult r) {
            return new ResultJson(r.caseId().toString(), r.caseNumber(), r.reached(), r.satisfaction(),
                    r.failedAttempts(), r.maxAttempts(), r.state().wireName());
        }
    }

    @GET
    public PageJson list(@PathParam("tenant") String tenant, @QueryParam("state") String state,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        Access.district(security, tenants, tenant, SEATS);
        CallbackState s = state == null || state.isBlank() ? CallbackState.DUE : CallbackState.fromWireName(state)
                .filter(x -> x != CallbackState.EVALUATED)
                .orElseThrow(() -> new ValidationException("state", "须为 due 或 unreachable (must be due or unreachable): "
                        + state));
        int off = Params.integer("offset", offset, 0);
        int lim = Params.integer("limit", limit, 50);
        if (off < 0 || lim < 1 || lim > 500) {
            throw new ValidationException(off < 0 ? "offset" : "limit", "offset ≥ 0，limit 1–500 (offset ≥ 0, limit 1–500)");
        }
        Page<CallbackTask> page = callbacks.list(tenant, s, off, lim);
        return new PageJson(page.items().stream().map(TaskJson::of).toList(), page.total(), off, lim);
    }

    /** Records one call: reached with a satisfaction (the case's evaluation), or not reached (journaled). */
    @POST
    @Path("{id}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResultJson attempt(@PathParam("tenant") String tenant, @PathParam("id") String caseId,
                              AttemptRequest body, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, SEATS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        if (body.reached() == null) {
            throw new ValidationException("reached", "必填项 (required): reached");
        }
        return ResultJson.of(callbacks.record(tenant, Params.caseId(caseId),
                new CallbackAttempt(body.reached(), body.satisfaction(), body.note()), Access.actor(security)));
    }
}
