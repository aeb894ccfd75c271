package org.gongzhi.core.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A district's operating mode (平时/战时, seed 004): read it with the emergency plan (and, in wartime,
 * the duty roster), switch it with a reason, read the journal of switches. Every staff role of the
 * district, the screen viewer and the city administrator read; only the district's administrator
 * switches (the city switches every district at once: {@link CityModeResource}).
 */
@Component(service = ModeResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/mode")
@Produces(MediaType.APPLICATION_JSON)
public final class ModeResource {

    /** Who reads the mode, the plan and the roster: staff, screen viewers, the city. */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER,
        Role.MEDIATOR, Role.SOCIAL_WORKER, Role.SCREEN_VIEWER, Role.CITY_ADMIN};

    private final DistrictModes modes;
    private final TenantDirectory tenants;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ModeResource(@Reference DistrictModes modes, @Reference TenantDirectory tenants) {
        this.modes = modes;
        this.tenants = tenants;
    }

    @GET
    public ModeJson.View get(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, READERS);
        return ModeJson.View.of(modes.current(tenant), tenants.require(tenant), clock.instant());
    }

    /** 200 with the new mode; 409 when it is in force already, 400 naming {@code mode} or {@code reason}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ModeJson.View switchTo(@PathParam("tenant") String tenant, ModeJson.Switch body,
                                  @Context SecurityContext security) {
        Access.district(security, tenants, tenant, Role.DISTRICT_ADMIN);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        return ModeJson.View.of(modes.switchTo(tenant, body.parsedMode(), body.checkedReason(), Access.actor(security)),
                tenants.require(tenant), clock.instant());
    }

    /** The switches made from {@code from} (inclusive) to {@code to} (exclusive), dates in the district's zone, oldest first. */
    @GET
    @Path("history")
    public List<ModeJson> history(@PathParam("tenant") String tenant, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, READERS);
        TenantDefinition t = tenants.require(tenant);
        ZoneId zone = t.timeZone();
        Instant start = Params.dayStart("from", from, zone);
        Instant end = Params.dayStart("to", to, zone);
        return modes.history(tenant, start == null ? Instant.EPOCH : start,
                        end == null ? clock.instant().plusSeconds(1) : end)
                .stream().map(ModeJson::of).toList();
    }
}
