package org.gongzhi.core.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.residents.GridPosters;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * QR posters of a district's grids (码上办) as an A4 PDF to print: the grid's own poster, or one
 * for every grid under it. For the people who run the district (the same as the reports).
 */
@Component(service = PosterResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/posters")
public final class PosterResource {

    /** Who may print posters: those who see the district's reports. */
    static final Role[] PRINTERS = KpiResource.OVERSEERS;

    private final GridPosters posters;
    private final TenantDirectory tenants;

    @Activate
    public PosterResource(@Reference GridPosters posters, @Reference TenantDirectory tenants) {
        this.posters = posters;
        this.tenants = tenants;
    }

    @GET
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response posters(@PathParam("tenant") String tenant, @QueryParam("grid") String grid,
                            @QueryParam("below") String below, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, PRINTERS);
        GridPosters.PosterFile file = posters.posters(tenant, grid, Boolean.TRUE.equals(Params.bool("below", below)));
        return Response.ok(file.pdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }
}
