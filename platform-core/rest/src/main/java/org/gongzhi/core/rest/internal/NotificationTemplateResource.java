package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.notify.NotificationSettings;
import org.gongzhi.core.service.notify.ShippedTemplate;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The district's notification templates (通知模板) for its administrator: every shipped event with the text in
 * force (shipped or the district's own), the shipped text and the variables; override one event's texts or
 * reset it to the shipped ones. Events are the shipped ones; any other is a 400 naming {@code event}.
 */
@Component(service = NotificationTemplateResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/notification-templates")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationTemplateResource {

    private final NotificationSettings settings;
    private final TenantDirectory tenants;

    @Activate
    public NotificationTemplateResource(@Reference NotificationSettings settings, @Reference TenantDirectory tenants) {
        this.settings = settings;
        this.tenants = tenants;
    }

    @GET
    public List<NotificationTemplateJson.Template> list(@PathParam("tenant") String tenant,
                                                        @Context SecurityContext security) {
        Access.district(security, tenants, tenant, Role.DISTRICT_ADMIN);
        var inForce = settings.templates(tenant);
        return settings.shippedTemplates().entrySet().stream()
                .map(e -> NotificationTemplateJson.Template.of(e.getKey(), inForce.get(e.getKey()), e.getValue()))
                .toList();
    }

    @PUT
    @Path("{event}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NotificationTemplateJson.Template set(@PathParam("tenant") String tenant, @PathParam("event") String event,
                                                 NotificationTemplateJson.Edit body, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, Role.DISTRICT_ADMIN);
        ShippedTemplate shipped = shipped(event);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        var stored = settings.setTemplate(tenant, event, body.parsed(Set.copyOf(shipped.variables())),
                Access.actor(security));
        return NotificationTemplateJson.Template.of(event, stored, shipped);
    }

    /** Removes the district's own texts (none is fine); answers the shipped template now in force. */
    @DELETE
    @Path("{event}")
    public NotificationTemplateJson.Template reset(@PathParam("tenant") String tenant, @PathParam("event") String event,
                                                   @Context SecurityContext security) {
        Access.district(security, tenants, tenant, Role.DISTRICT_ADMIN);
        ShippedTemplate shipped = shipped(event);
        settings.resetTemplate(tenant, event);
        return NotificationTemplateJson.Template.of(event, shipped.template(), shipped);
    }

    private ShippedTemplate shipped(String event) {
        Map<String, ShippedTemplate> shipped = settings.shippedTemplates();
        ShippedTemplate t = event == null ? null : shipped.get(event);
        if (t == null) {
            throw new ValidationException("event", "没有此通知事件 (no such notification event): "
                    + InboxParams.shown(event));
        }
        return t;
    }
}
