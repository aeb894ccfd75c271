package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.kpi.KpiBreakdown;
import org.gongzhi.core.service.kpi.KpiDimension;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A district's key figures for cases reported from {@code from} (inclusive) to {@code to}
 * (exclusive), dates {@code yyyy-MM-dd} in the district's time zone, default the current month:
 * {@code GET /api/v1/tenants/{tenant}/kpis} and, split by one dimension,
 * {@code GET /api/v1/tenants/{tenant}/kpis/breakdown?dimension=grid|department|family|channel|month&level=street|community|grid}.
 */
@Component(service = KpiResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/kpis")
@Produces(MediaType.APPLICATION_JSON)
public final class KpiResource {

    /** Figures hold no personal data: the district's administrators and dispatchers, and the city. */
    static final Role[] OVERSEERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.CITY_ADMIN};

    private final KpiService kpis;
    private final TenantDirectory tenants;

    @Activate
    public KpiResource(@Reference KpiService kpis, @Reference TenantDirectory tenants) {
        this.kpis = kpis;
        this.tenants = tenants;
    }

    @GET
    public KpiFigures figures(@PathParam("tenant") String tenant, @QueryParam("from") String from,
                              @QueryParam("to") String to, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, OVERSEERS);
        Instant[] period = period(from, to, tenants.require(tenant).timeZone());
        return kpis.figures(tenant, period[0], period[1], Access.area(caller));
    }

    @GET
    @Path("breakdown")
    public KpiBreakdown breakdown(@PathParam("tenant") String tenant, @QueryParam("dimension") String dimension,
                                  @QueryParam("level") String level, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, OVERSEERS);
        Instant[] period = period(from, to, tenants.require(tenant).timeZone());
        KpiDimension d = KpiDimension.fromWireName(required("dimension", dimension)).orElseThrow(() ->
                new ValidationException("dimension", "dimension 须为 grid、department、family、channel 或 month "
                        + "(must be grid, department, family, channel or month): " + dimension));
        return kpis.breakdown(tenant, period[0], period[1], d, level(d, level), Access.area(caller));
    }

    /** The grid level to roll up to: street (default), community or grid; refused for other dimensions. */
    private static GridLevel level(KpiDimension dimension, String level) {
        if (level == null || level.isBlank()) {
            return dimension == KpiDimension.GRID ? GridLevel.STREET : null;
        }
        if (dimension != KpiDimension.GRID) {
            throw new ValidationException("level", "level 只用于 dimension=grid (level applies to dimension=grid only)");
        }
        return switch (level.trim().toLowerCase(Locale.ROOT)) {
            case "street" -> GridLevel.STREET;
            case "community" -> GridLevel.COMMUNITY;
            case "grid" -> GridLevel.GRID;
            default -> throw new ValidationException("level",
                    "level 须为 street、community 或 grid (must be street, community or grid): " + level);
        };
    }

    /** [from, to) from the query's dates in {@code zone}; each defaults to the current month's bounds. */
    static Instant[] period(String from, String to, ZoneId zone) {
        LocalDate monthStart = LocalDate.now(zone).withDayOfMonth(1);
        Instant start = Params.dayStart("from", from, zone);
        Instant end = Params.dayStart("to", to, zone);
        return new Instant[] {
                start != null ? start : monthStart.atStartOfDay(zone).toInstant(),
                end != null ? end : monthStart.plusMonths(1).atStartOfDay(zone).toInstant()};
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(name, "必填项 (required): " + name);
        }
        return value;
    }
}
