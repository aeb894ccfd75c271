package org.gongzhi.core.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.supervision.SupervisionKind;
import org.gongzhi.core.service.supervision.SupervisionService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A district's listed matters (挂牌督办, Dazhou): the list as the centre keeps it, and publishing it.
 * Staff and the city read it; only the district's administrator publishes.
 */
@Component(service = SupervisionResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/supervision")
@Produces(MediaType.APPLICATION_JSON)
public final class SupervisionResource {

    /** Who reads the list. */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER,
        Role.MEDIATOR, Role.SOCIAL_WORKER, Role.CITY_ADMIN};

    private final SupervisionService supervision;
    private final TenantDirectory tenants;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public SupervisionResource(@Reference SupervisionService supervision, @Reference TenantDirectory tenants) {
        this.supervision = supervision;
        this.tenants = tenants;
    }

    /** {@code kind=listed} (the only kind listed here, and the default); {@code published=true} for the published list. */
    @GET
    public List<SupervisionJson> list(@PathParam("tenant") String tenant, @QueryParam("kind") String kind,
                                      @QueryParam("published") String published, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, READERS);
        if (kind != null && SupervisionKind.fromWireName(kind).filter(k -> k == SupervisionKind.LISTED).isEmpty()) {
            throw new ValidationException("kind", "仅支持 kind=listed（挂牌督办） (only kind=listed is listed here): " + kind);
        }
        Boolean publishedOnly = Params.bool("published", published);
        Instant now = clock.instant();
        return supervision.listed(tenant, Boolean.TRUE.equals(publishedOnly)).stream()
                .map(s -> SupervisionJson.of(s, now)).toList();
    }

    /** Publishes every listed matter not yet published; 200 with the published list. */
    @POST
    @Path("listed/publish")
    public List<SupervisionJson> publish(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, Role.DISTRICT_ADMIN);
        Instant now = clock.instant();
        return supervision.publishListed(tenant, Access.actor(security)).stream()
                .map(s -> SupervisionJson.of(s, now)).toList();
    }
}
