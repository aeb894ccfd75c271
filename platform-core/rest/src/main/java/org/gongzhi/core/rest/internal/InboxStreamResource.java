package org.gongzhi.core.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/tenants/{tenant}/me/notifications/events}: the caller's own inbox as server-sent
 * events ({@link LiveStreams#inbox}): {@code event: inbox} with {@code {"unread": n}} at connect and each
 * time a notification is written for them or one of theirs is read, whichever node did it (ADR 0031). No
 * text, no ids of other people. For the district's staff, like the rest of {@code me/notifications}.
 */
@Component(service = InboxStreamResource.class)
@JaxrsResource
@Path("/api/v1/tenants/{tenant}/me/notifications/events")
public final class InboxStreamResource {

    private final LiveStreams streams;
    private final TenantDirectory tenants;

    @Activate
    public InboxStreamResource(@Reference LiveStreams streams, @Reference TenantDirectory tenants) {
        this.streams = streams;
        this.tenants = tenants;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("tenant") String tenant, @Context SecurityContext security,
                       @Context SseEventSink sink, @Context Sse sse) {
        Access.district(security, tenants, tenant, MyNotificationResource.STAFF);
        streams.inbox(tenant, Access.actor(security), sink, sse);
    }
}
