package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.service.transfer.CaseTransfer;
import org.gongzhi.core.service.transfer.CaseTransfers;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Transfer of one case to another district (转办, ADR 0037), by the sending district's dispatchers and
 * administrators: the rule's proposal, the reporter's districts (personal data: staff only, never logged) and
 * the transfer. The case's stored files are copied into the receiving district's store when it is sent.
 */
@Component(service = CaseTransferResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/cases/{id}/transfer")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseTransferResource {

    static final Role[] SENDERS = {Role.DISPATCHER, Role.DISTRICT_ADMIN};

    private final CaseTransfers transfers;
    private final CaseService cases;
    private final EvidenceRecords evidence;
    private final EvidenceUploads uploads;
    private final TenantDirectory tenants;

    @Activate
    public CaseTransferResource(@Reference CaseTransfers transfers, @Reference CaseService cases,
                                @Reference EvidenceRecords evidence, @Reference EvidenceStore store,
                                @Reference TenantDirectory tenants) {
        this.transfers = transfers;
        this.cases = cases;
        this.evidence = evidence;
        this.uploads = new EvidenceUploads(store, evidence);
        this.tenants = tenants;
    }

    private UUID visible(String tenant, String id, Caller caller) {
        CaseView v = cases.get(tenant, Params.caseId(id));
        if (!Access.scope(caller).permits(v, tenants.require(tenant))) {
            throw new NotFoundException("案件不存在 (no such case): " + id);
        }
        return v.id();
    }

    private TransferJson.Proposal proposal(String tenant, UUID caseId,
                                           org.gongzhi.core.service.transfer.TransferProposal p) {
        List<TransferJson> history = transfers.ofCase(tenant, caseId).stream()
                .map(t -> TransferJson.of(t, tenants)).toList();
        List<TransferJson.District> districts = tenants.tenants().stream()
                .filter(d -> !d.id().equals(tenant) && tenants.status(d.id()).orElse(null) == TenantStatus.ACTIVE)
                .map(d -> new TransferJson.District(d.id(), d.name())).toList();
        return TransferJson.Proposal.of(p, history, districts, tenants);
    }

    @GET
    public TransferJson.Proposal get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                     @Context SecurityContext security) {
        UUID caseId = visible(tenant, id, Access.district(security, tenants, tenant, SENDERS));
        return proposal(tenant, caseId, transfers.proposal(tenant, caseId));
    }

    /** The reporter's districts; 400 naming {@code residenceDistrict} or {@code householdDistrict}. */
    @PUT
    @Path("origin")
    @Consumes(MediaType.APPLICATION_JSON)
    public TransferJson.Proposal origin(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                        TransferJson.OriginRequest body, @Context SecurityContext security) {
        UUID caseId = visible(tenant, id, Access.district(security, tenants, tenant, SENDERS));
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        return proposal(tenant, caseId, transfers.setOrigin(tenant, caseId, body.residenceDistrict(),
                body.householdDistrict(), Access.actor(security)));
    }

    /** 201 with the pending transfer; 400 naming {@code toDistrict} or {@code note}; 409 once dispatched or pending. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transfer(@PathParam("tenant") String tenant, @PathParam("id") String id,
                             TransferJson.TransferRequest body, @Context SecurityContext security) {
        UUID caseId = visible(tenant, id, Access.district(security, tenants, tenant, SENDERS));
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        String to = body.toDistrict();
        if (to != null && Set.copyOf(tenants.tenants().stream().map(d -> d.id()).toList()).contains(to)
                && !to.equals(tenant)) {
            uploads.copyFiles(tenant, to, evidence.ofCase(tenant, caseId));
        }
        CaseTransfer t = transfers.transfer(tenant, caseId, to, body.note(), Access.actor(security));
        return Response.status(Response.Status.CREATED).entity(TransferJson.of(t, tenants)).build();
    }
}
