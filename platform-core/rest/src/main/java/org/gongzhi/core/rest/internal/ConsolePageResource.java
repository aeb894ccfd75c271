package org.gongzhi.core.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/tenants/{tenant}/console/pages}: the plugin pages of the web console that the
 * caller sees in a district — pages of the models the district enabled, for the caller's roles.
 */
@Component(service = ConsolePageResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/console")
@Produces(MediaType.APPLICATION_JSON)
public final class ConsolePageResource {

    /** Who may ask: the staff who read plugin endpoints, and the city (which sees no plugin page). */
    private static final Role[] ASKERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER,
        Role.DEPARTMENT_HANDLER, Role.MEDIATOR, Role.SOCIAL_WORKER, Role.CITY_ADMIN};

    private final TenantDirectory tenants;
    private final ConsolePages pages;

    @Activate
    public ConsolePageResource(@Reference TenantDirectory tenants, @Reference ConsolePages pages) {
        this.tenants = tenants;
        this.pages = pages;
    }

    /**
     * A page as the console shows it: labels by locale ({@code zh-CN}, {@code en}), the roles that see
     * it, and the URL of its module.
     */
    record PageJson(String model, String id, Map<String, String> labels, List<String> roles, int order,
                    String moduleUrl) {
        static PageJson of(ConsolePages.Page p) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("zh-CN", p.labelZh());
            labels.put("en", p.labelEn());
            return new PageJson(p.model(), p.id(), labels, p.roles().stream().map(Role::id).sorted().toList(),
                    p.order(), p.moduleUrl());
        }
    }

    @GET
    @Path("pages")
    public List<PageJson> pages(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        var caller = Access.district(security, tenants, tenant, ASKERS);
        return pages.visible(tenants.enabledModels(tenant), Access.roles(caller)).stream().map(PageJson::of).toList();
    }
}
