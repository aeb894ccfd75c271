package org.gongzhi.core.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.core.service.Readiness;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/health}: 200 once the database is migrated, the districts are loaded, the
 * case and KPI services run and every {@link Readiness} part is ready (the identity realms are
 * provisioned, so sign-in works); 503 before that, naming what is still starting. Public.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/health")
public final class HealthResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TenantDirectory tenants;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CaseService cases;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiService kpis;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<Readiness> parts = new CopyOnWriteArrayList<>();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        TenantDirectory t = tenants;
        List<String> starting = parts.stream().filter(p -> !p.ready()).map(Readiness::part).sorted().toList();
        boolean ready = t != null && cases != null && kpis != null && starting.isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        if (ready) {
            body.put("status", "UP");
            body.put("tenants", t.tenants().size());
        } else {
            body.put("status", "STARTING");
            body.put("tenantsLoaded", t != null);
            body.put("caseService", cases != null);
            body.put("waitingFor", starting);
        }
        return Response.status(ready ? 200 : 503).entity(body).build();
    }
}
