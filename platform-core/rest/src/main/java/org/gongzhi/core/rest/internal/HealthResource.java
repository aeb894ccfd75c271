package org.gongzhi.core.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.core.service.CaseService;
import org.gongzhi.core.service.KpiService;
import org.gongzhi.core.service.TenantDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/health}: 200 once the database is migrated, the districts are loaded and the
 * case and KPI services run; 503 before that. Public.
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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        TenantDirectory t = tenants;
        boolean ready = t != null && cases != null && kpis != null;
        Map<String, Object> body = ready
                ? Map.of("status", "UP", "tenants", t.tenants().size())
                : Map.of("status", "STARTING", "tenantsLoaded", t != null, "caseService", cases != null);
        return Response.status(ready ? 200 : 503).entity(body).build();
    }
}
