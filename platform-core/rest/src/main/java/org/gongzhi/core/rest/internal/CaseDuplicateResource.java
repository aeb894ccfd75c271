package org.gongzhi.core.rest.internal;

import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseDuplicates;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A case's duplicate flag (疑似重复件, ADR 0034): read it, merge the case into a master (合并), dismiss the
 * flag (不是重复). A case outside the caller's scope answers 404 like a missing one.
 */
@Component(service = CaseDuplicateResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/cases/{id}/duplicate")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseDuplicateResource {

    /** Who merges and dismisses: the centre. */
    static final Role[] DECIDERS = {Role.DISPATCHER, Role.DISTRICT_ADMIN};

    private final CaseDuplicates duplicates;
    private final CaseService cases;
    private final TenantDirectory tenants;

    @Activate
    public CaseDuplicateResource(@Reference CaseDuplicates duplicates, @Reference CaseService cases,
                                 @Reference TenantDirectory tenants) {
        this.duplicates = duplicates;
        this.cases = cases;
        this.tenants = tenants;
    }

    private UUID visible(String tenant, String id, Caller caller) {
        return VisibleCases.of(cases, tenants, tenant, id, caller).id();
    }

    @GET
    public DuplicateJson get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                             @Context SecurityContext security) {
        UUID caseId = visible(tenant, id, Access.district(security, tenants, tenant, CaseSupervisionResource.READERS));
        return DuplicateJson.of(duplicates.of(tenant, caseId));
    }

    /** 200 with the flag; 400 naming {@code master} or {@code note}; 409 when merged already or registered. */
    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public DuplicateJson merge(@PathParam("tenant") String tenant, @PathParam("id") String id,
                               DuplicateJson.MergeRequest body, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, DECIDERS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        if (body.master() == null || body.master().isBlank()) {
            throw new ValidationException("master", "必填项 (required): master");
        }
        UUID master;
        try {
            master = UUID.fromString(body.master());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("master", "master 须为案件标识 (must be a case id)");
        }
        UUID caseId = visible(tenant, id, caller);
        return DuplicateJson.of(duplicates.merge(tenant, caseId, master, Access.actor(security), body.note()));
    }

    /** 200 with the flag; 400 naming {@code note}; 409 when the case has no open flag. */
    @POST
    @Path("dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    public DuplicateJson dismiss(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                 DuplicateJson.DismissRequest body, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, DECIDERS);
        UUID caseId = visible(tenant, id, caller);
        return DuplicateJson.of(duplicates.dismiss(tenant, caseId, Access.actor(security), body == null ? null : body.note()));
    }
}
