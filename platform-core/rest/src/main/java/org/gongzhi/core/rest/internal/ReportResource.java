package org.gongzhi.core.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.reports.ArchivedReport;
import org.gongzhi.core.service.reports.ReportArchive;
import org.gongzhi.core.service.reports.ReportService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** A district's monthly and quarterly reports: produce now, list the archive, download. */
@Component(service = ReportResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/reports")
@Produces(MediaType.APPLICATION_JSON)
public final class ReportResource {

    private final ReportService reports;
    private final ReportArchive archive;
    private final TenantDirectory tenants;

    @Activate
    public ReportResource(@Reference ReportService reports, @Reference ReportArchive archive,
                          @Reference TenantDirectory tenants) {
        this.reports = reports;
        this.archive = archive;
        this.tenants = tenants;
    }

    /** Produces a report now (seconds) and archives it: 201 with its description. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response produce(@PathParam("tenant") String tenant, ReportResources.ReportRequest body,
                            @Context SecurityContext security) {
        Access.district(security, tenants, tenant, KpiResource.OVERSEERS);
        return ReportResources.produce(reports, tenant, "/api/v1/tenants/" + tenant + "/reports", body,
                Access.actor(security));
    }

    @GET
    public List<ArchivedReport> list(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, KpiResource.OVERSEERS);
        return ReportResources.list(archive, tenant);
    }

    @GET
    @Path("{id}")
    public ArchivedReport describe(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                   @Context SecurityContext security) {
        Access.district(security, tenants, tenant, KpiResource.OVERSEERS);
        return ReportResources.describe(archive, tenant, id);
    }

    /** The file: PDF, XLSX or CSV as produced. */
    @GET
    @Path("{id}/content")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv",
        MediaType.APPLICATION_JSON})
    public Response content(@PathParam("tenant") String tenant, @PathParam("id") String id,
                            @Context SecurityContext security) {
        Access.district(security, tenants, tenant, KpiResource.OVERSEERS);
        return ReportResources.content(archive, tenant, id);
    }
}
