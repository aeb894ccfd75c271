package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.kpi.CityKpis;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/city/kpis?from&to&minCases}: every district's figures side by side, ranked,
 * for city administrators. Dates are read in the districts' time zone (that of the first district
 * by administrative code when they differ); {@code minCases} defaults to {@value #DEFAULT_MIN_CASES}.
 * City administrators only.
 */
@Component(service = CityKpiResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/city/kpis")
@Produces(MediaType.APPLICATION_JSON)
public final class CityKpiResource {

    /** Cases due to close a district needs for a rank when the caller does not say. */
    static final int DEFAULT_MIN_CASES = 30;

    private final KpiService kpis;
    private final TenantDirectory tenants;

    @Activate
    public CityKpiResource(@Reference KpiService kpis, @Reference TenantDirectory tenants) {
        this.kpis = kpis;
        this.tenants = tenants;
    }

    @GET
    public CityKpis city(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("minCases") String minCases, @Context SecurityContext security) {
        Access.city(security);
        List<TenantDefinition> districts = tenants.tenants();
        ZoneId zone = districts.isEmpty() ? ZoneId.of("Asia/Shanghai") : districts.get(0).timeZone();
        Instant[] period = KpiResource.period(from, to, zone);
        return kpis.city(period[0], period[1], Params.integer("minCases", minCases, DEFAULT_MIN_CASES));
    }
}
