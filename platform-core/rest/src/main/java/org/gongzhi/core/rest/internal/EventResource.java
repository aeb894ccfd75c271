package org.gongzhi.core.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/tenants/{tenant}/events}: the district's live event stream (server-sent events,
 * {@link LiveStreams}). Grid workers get the events of their grids' cases, department handlers those
 * their department leads; the others with a role here the whole district's. Resumes with
 * {@code Last-Event-ID}.
 */
@Component(service = EventResource.class)
@JaxrsResource
@Path("/api/v1/tenants/{tenant}/events")
public final class EventResource {

    private static final Role[] WATCHERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.SCREEN_VIEWER, Role.MEDIATOR,
            Role.SOCIAL_WORKER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER, Role.CITY_ADMIN};

    private final LiveStreams streams;
    private final TenantDirectory tenants;

    @Activate
    public EventResource(@Reference LiveStreams streams, @Reference TenantDirectory tenants) {
        this.streams = streams;
        this.tenants = tenants;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = Access.district(security, tenants, tenant, WATCHERS);
        CaseScope scope = Access.roles(caller).contains(Role.SCREEN_VIEWER) || Access.isCityAdmin(caller)
                ? CaseScope.district() : Access.scope(caller);
        streams.district(tenant, scope, lastEventId, sink, sse);
    }
}
