package org.gongzhi.core.rest.internal;

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
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationOutbox;
import org.gongzhi.core.service.notify.NotificationState;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The district's notification outbox for the centre (通知外发): counts by state and channel, list by state
 * (dead letters with {@code state=dead}) and channel, and replay a dead or unrouted one. For the district administrator and dispatchers.
 */
@Component(service = NotificationResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationResource {

    private final NotificationOutbox outbox;
    private final TenantDirectory tenants;

    @Activate
    public NotificationResource(@Reference NotificationOutbox outbox, @Reference TenantDirectory tenants) {
        this.outbox = outbox;
        this.tenants = tenants;
    }

    @GET
    public NotificationJson.OutboundPage list(@PathParam("tenant") String tenant, @QueryParam("state") String state,
                                              @QueryParam("channel") String channel, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                              @Context SecurityContext security) {
        Access.districtCentre(security, tenants, tenant, DispatchResource.OPERATORS);
        NotificationState s = state == null || state.isBlank() ? null : NotificationState.fromWire(state)
                .orElseThrow(() -> new ValidationException("state", "须为 pending、delivered、dead 或 unrouted "
                        + "(must be pending, delivered, dead or unrouted): " + InboxParams.shown(state)));
        NotificationChannel c = channel == null || channel.isBlank() ? null : NotificationChannel.fromWire(channel)
                .orElseThrow(() -> new ValidationException("channel", "须为 inbox、sms、email 或 wecom "
                        + "(must be inbox, sms, email or wecom): " + InboxParams.shown(channel)));
        int off = Params.integer("offset", offset, 0);
        int lim = Params.integer("limit", limit, 50);
        if (off < 0 || lim < 1 || lim > 500) {
            throw new ValidationException(off < 0 ? "offset" : "limit", "offset ≥ 0，limit 1–500 (offset ≥ 0, limit 1–500)");
        }
        Page<Notification> page = outbox.list(tenant, s, c, off, lim);
        return new NotificationJson.OutboundPage(page.items().stream().map(NotificationJson.Outbound::of).toList(),
                page.total(), off, lim);
    }

    /** How many notifications the district has by state and channel (pairs without any are left out). */
    @GET
    @Path("counts")
    public NotificationJson.Counts counts(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.districtCentre(security, tenants, tenant, DispatchResource.OPERATORS);
        return NotificationJson.Counts.of(outbox.counts(tenant));
    }

    /** Sends a dead letter (or an unrouted notification) again under the same id. */
    @POST
    @Path("{id}/replay")
    public NotificationJson.Outbound replay(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                            @Context SecurityContext security) {
        Access.districtCentre(security, tenants, tenant, DispatchResource.OPERATORS);
        return NotificationJson.Outbound.of(outbox.replay(tenant, Params.uuid("id", id), Access.actor(security)));
    }
}
