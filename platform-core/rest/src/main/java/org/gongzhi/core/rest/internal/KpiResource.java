package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.gongzhi.core.service.KpiFigures;
import org.gongzhi.core.service.KpiService;
import org.gongzhi.core.service.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/tenants/{tenant}/kpis?from=yyyy-MM-dd&to=yyyy-MM-dd}: figures for cases
 * reported from {@code from} (inclusive) to {@code to} (exclusive) in the district's time zone;
 * default the current month.
 */
@Component(service = KpiResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/kpis")
@Produces(MediaType.APPLICATION_JSON)
public final class KpiResource {

    private final KpiService kpis;
    private final TenantDirectory tenants;

    @Activate
    public KpiResource(@Reference KpiService kpis, @Reference TenantDirectory tenants) {
        this.kpis = kpis;
        this.tenants = tenants;
    }

    @GET
    public KpiFigures figures(@PathParam("tenant") String tenant, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        ZoneId zone = tenants.require(tenant).timeZone();
        LocalDate monthStart = LocalDate.now(zone).withDayOfMonth(1);
        Instant start = Params.dayStart("from", from, zone);
        Instant end = Params.dayStart("to", to, zone);
        return kpis.figures(tenant,
                start != null ? start : monthStart.atStartOfDay(zone).toInstant(),
                end != null ? end : monthStart.plusMonths(1).atStartOfDay(zone).toInstant());
    }
}
