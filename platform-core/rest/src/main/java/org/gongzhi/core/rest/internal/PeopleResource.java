package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.people.Person;
import org.gongzhi.core.service.people.PersonFigures;
import org.gongzhi.core.service.people.PersonKpis;
import org.gongzhi.core.service.people.Workload;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Person-level figures of a district (ADR 0035): {@code GET …/people/workload} (open, overdue, closed this
 * month per person; the centre sees everyone, a department handler their department, a grid worker the grid
 * workers of their grids and below) and {@code GET …/people/ranking?from=&to=&role=} (the top-ten awards'
 * figures, administrators and dispatchers). Names and roles only, never phones or e-mail addresses.
 */
@Component(service = PeopleResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/people")
@Produces(MediaType.APPLICATION_JSON)
public final class PeopleResource {

    static final Role[] WORKLOAD_READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.DEPARTMENT_HANDLER,
        Role.GRID_WORKER};
    static final Role[] RANKING_READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER};

    /** The ranking over a period. */
    record RankingJson(Instant from, Instant to, String role, List<PersonFigures> rows) {
    }

    private final PersonKpis kpis;
    private final TenantDirectory tenants;

    @Activate
    public PeopleResource(@Reference PersonKpis kpis, @Reference TenantDirectory tenants) {
        this.kpis = kpis;
        this.tenants = tenants;
    }

    @GET
    @Path("workload")
    public List<Workload> workload(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, WORKLOAD_READERS);
        Set<Role> roles = Access.roles(caller);
        TenantDefinition district = tenants.require(tenant);
        return kpis.workload(tenant).stream().filter(w -> sees(caller, roles, district, w.person())).toList();
    }

    @GET
    @Path("ranking")
    public RankingJson ranking(@PathParam("tenant") String tenant, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("role") String role,
                               @Context SecurityContext security) {
        Access.district(security, tenants, tenant, RANKING_READERS);
        Instant[] period = KpiResource.period(from, to, tenants.require(tenant).timeZone());
        String r = role == null || role.isBlank() ? null : role.strip();
        return new RankingJson(period[0], period[1], r, kpis.ranking(tenant, period[0], period[1], r));
    }

    /** The centre sees everyone; a department handler their department; a grid worker the workers of their grids. */
    private static boolean sees(Caller caller, Set<Role> roles, TenantDefinition district, Person p) {
        if (CasePermissions.runsTheLoop(roles)) {
            return true;
        }
        if (roles.contains(Role.DEPARTMENT_HANDLER) && caller.department() != null
                && caller.department().equals(p.department())) {
            return true;
        }
        if (roles.contains(Role.GRID_WORKER) && Role.GRID_WORKER.id().equals(p.role())) {
            return p.grids().stream().anyMatch(g -> district.grids().pathTo(g).stream()
                    .anyMatch(n -> caller.grids().contains(n.code())));
        }
        return false;
    }
}
