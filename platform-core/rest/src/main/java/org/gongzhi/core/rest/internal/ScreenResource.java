package org.gongzhi.core.rest.internal;

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
 * {@code GET /api/v1/tenants/{tenant}/screen}: the figures of a district's big screen (大屏), at most
 * {@link ScreenBoard#MAX_AGE} old, for the district's administrators, dispatchers and wall screens
 * ({@code screen-viewer}). Another district's token answers 404 like an unknown district.
 */
@Component(service = ScreenResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/screen")
@Produces(MediaType.APPLICATION_JSON)
public final class ScreenResource {

    /** Counts, rates and codes only: the centre's staff and the read-only wall screens. */
    static final Role[] VIEWERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.SCREEN_VIEWER};

    private final ScreenBoard board;
    private final TenantDirectory tenants;

    @Activate
    public ScreenResource(@Reference ScreenBoard board, @Reference TenantDirectory tenants) {
        this.board = board;
        this.tenants = tenants;
    }

    @GET
    public ScreenJson.District screen(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, VIEWERS);
        return board.district(tenant);
    }
}
