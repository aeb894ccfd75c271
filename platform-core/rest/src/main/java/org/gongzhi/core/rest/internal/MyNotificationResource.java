package org.gongzhi.core.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.notify.InboxItem;
import org.gongzhi.core.service.notify.NotificationInbox;
import org.gongzhi.core.service.notify.NotificationSettings;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The caller's own notifications (站内信) and notification preferences: list (optionally unread only),
 * unread count, mark one or all read, get and replace the preferences. For the district's staff.
 */
@Component(service = MyNotificationResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MyNotificationResource {

    static final Role[] STAFF = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER,
            Role.MEDIATOR, Role.SOCIAL_WORKER};

    private final NotificationInbox inbox;
    private final NotificationSettings settings;
    private final TenantDirectory tenants;

    @Activate
    public MyNotificationResource(@Reference NotificationInbox inbox, @Reference NotificationSettings settings,
                                  @Reference TenantDirectory tenants) {
        this.inbox = inbox;
        this.settings = settings;
        this.tenants = tenants;
    }

    private String me(SecurityContext security, String tenant) {
        Access.district(security, tenants, tenant, STAFF);
        return Access.actor(security);
    }

    @GET
    @Path("notifications")
    public NotificationJson.ItemPage list(@PathParam("tenant") String tenant, @QueryParam("unread") String unread,
                                          @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                          @Context SecurityContext security) {
        String me = me(security, tenant);
        Boolean unreadOnly = Params.bool("unread", unread);
        int off = Params.integer("offset", offset, 0);
        int lim = Params.integer("limit", limit, 50);
        if (off < 0 || lim < 1 || lim > 200) {
            throw new ValidationException(off < 0 ? "offset" : "limit", "offset ≥ 0，limit 1–200 (offset ≥ 0, limit 1–200)");
        }
        Page<InboxItem> page = inbox.list(tenant, me, Boolean.TRUE.equals(unreadOnly), off, lim);
        return new NotificationJson.ItemPage(page.items().stream().map(NotificationJson.Item::of).toList(), page.total(),
                off, lim);
    }

    @GET
    @Path("notifications/unread-count")
    public NotificationJson.UnreadCount unreadCount(@PathParam("tenant") String tenant,
                                                    @Context SecurityContext security) {
        return new NotificationJson.UnreadCount(inbox.unreadCount(tenant, me(security, tenant)));
    }

    @POST
    @Path("notifications/{id}/read")
    public NotificationJson.Item read(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                      @Context SecurityContext security) {
        String me = me(security, tenant);
        return NotificationJson.Item.of(inbox.markRead(tenant, me, Params.uuid("id", id)));
    }

    @POST
    @Path("notifications/read-all")
    public NotificationJson.Marked readAll(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        return new NotificationJson.Marked(inbox.markAllRead(tenant, me(security, tenant)));
    }

    @GET
    @Path("notification-preferences")
    public NotificationJson.Preferences preferences(@PathParam("tenant") String tenant,
                                                    @Context SecurityContext security) {
        return NotificationJson.Preferences.of(settings.preferences(tenant, me(security, tenant)));
    }

    @PUT
    @Path("notification-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public NotificationJson.Preferences setPreferences(@PathParam("tenant") String tenant,
                                                       NotificationJson.Preferences body,
                                                       @Context SecurityContext security) {
        String me = me(security, tenant);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        return NotificationJson.Preferences.of(settings.setPreferences(tenant, me, body.parsed()));
    }
}
