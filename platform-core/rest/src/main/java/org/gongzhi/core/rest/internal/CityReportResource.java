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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The city's half-year bulletins (半年一通报), for city administrators. */
@Component(service = CityReportResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/city/reports")
@Produces(MediaType.APPLICATION_JSON)
public final class CityReportResource {

    private final ReportService reports;
    private final ReportArchive archive;

    @Activate
    public CityReportResource(@Reference ReportService reports, @Reference ReportArchive archive) {
        this.reports = reports;
        this.archive = archive;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response produce(ReportResources.ReportRequest body, @Context SecurityContext security) {
        Access.city(security);
        return ReportResources.produce(reports, ReportArchive.CITY, "/api/v1/city/reports", body,
                Access.actor(security));
    }

    @GET
    public List<ArchivedReport> list(@Context SecurityContext security) {
        Access.city(security);
        return ReportResources.list(archive, ReportArchive.CITY);
    }

    @GET
    @Path("{id}")
    public ArchivedReport describe(@PathParam("id") String id, @Context SecurityContext security) {
        Access.city(security);
        return ReportResources.describe(archive, ReportArchive.CITY, id);
    }

    @GET
    @Path("{id}/content")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv",
        MediaType.APPLICATION_JSON})
    public Response content(@PathParam("id") String id, @Context SecurityContext security) {
        Access.city(security);
        return ReportResources.content(archive, ReportArchive.CITY, id);
    }
}
