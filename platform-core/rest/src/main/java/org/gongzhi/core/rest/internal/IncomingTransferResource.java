package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.transfer.CaseTransfer;
import org.gongzhi.core.service.transfer.CaseTransfers;
import org.gongzhi.core.service.transfer.TransferState;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Transfers addressed to a district (转入, ADR 0037): its dispatchers and administrators list them, read the
 * sending district's case with its journal and attachments while it is pending (the transfer addressed to this
 * district is the permission; no other district's case is readable here), and accept (接收) or refuse with a
 * reason (退回). A transfer addressed elsewhere answers 404.
 */
@Component(service = IncomingTransferResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/incoming-transfers")
@Produces(MediaType.APPLICATION_JSON)
public final class IncomingTransferResource {

    private final CaseTransfers transfers;
    private final CaseService cases;
    private final EvidenceRecords evidence;
    private final EvidenceUploads uploads;
    private final TenantDirectory tenants;

    @Activate
    public IncomingTransferResource(@Reference CaseTransfers transfers, @Reference CaseService cases,
                                    @Reference EvidenceRecords evidence, @Reference EvidenceStore store,
                                    @Reference TenantDirectory tenants) {
        this.transfers = transfers;
        this.cases = cases;
        this.evidence = evidence;
        this.uploads = new EvidenceUploads(store, evidence);
        this.tenants = tenants;
    }

    /** {@code state}: {@code pending} (default) or {@code all}; 400 naming {@code state} otherwise. */
    @GET
    public List<TransferJson> list(@PathParam("tenant") String tenant, @QueryParam("state") String state,
                                   @Context SecurityContext security) {
        Access.district(security, tenants, tenant, CaseTransferResource.SENDERS);
        boolean pendingOnly = state == null || state.equals("pending");
        if (!pendingOnly && !state.equals("all")) {
            throw new ValidationException("state", "须为 pending 或 all (state must be pending or all)");
        }
        return transfers.incoming(tenant, pendingOnly).stream().map(t -> TransferJson.of(t, tenants)).toList();
    }

    @GET
    @Path("{tid}")
    public TransferJson.Incoming get(@PathParam("tenant") String tenant, @PathParam("tid") String tid,
                                     @Context SecurityContext security) {
        Access.district(security, tenants, tenant, CaseTransferResource.SENDERS);
        CaseTransfer t = transfers.incoming(tenant, Params.uuid("transfer", tid));
        // read where the case is now: the sender's while pending or refused, this district's copy once accepted
        boolean here = t.state() == TransferState.ACCEPTED;
        String district = here ? tenant : t.fromDistrict();
        UUID caseId = here ? t.toCaseId() : t.fromCaseId();
        String base = here ? "/api/v1/tenants/" + tenant + "/evidence"
                : "/api/v1/tenants/" + tenant + "/incoming-transfers/" + t.id() + "/evidence";
        return new TransferJson.Incoming(TransferJson.of(t, tenants), CaseJson.of(cases.get(district, caseId)),
                cases.journal(district, caseId).stream().map(CaseJson.Entry::of).toList(),
                evidence.ofCase(district, caseId).stream().map(e -> EvidenceUploads.EvidenceJson.of(e, base)).toList());
    }

    /**
     * The served copy of an attachment of a transfer addressed here, from this district's own store (its files
     * were copied when the case was sent); 404 for evidence not on the transferred case.
     */
    @GET
    @Path("{tid}/evidence/{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("tenant") String tenant, @PathParam("tid") String tid,
                            @PathParam("id") String eid, @Context SecurityContext security) {
        return uploads.serve(tenant, attached(tenant, tid, eid, security), Rendition.DISPLAY);
    }

    @GET
    @Path("{tid}/evidence/{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    public Response thumbnail(@PathParam("tenant") String tenant, @PathParam("tid") String tid,
                              @PathParam("id") String eid, @Context SecurityContext security) {
        return uploads.serve(tenant, attached(tenant, tid, eid, security), Rendition.THUMBNAIL);
    }

    private EvidenceView attached(String tenant, String tid, String eid, SecurityContext security) {
        Access.district(security, tenants, tenant, CaseTransferResource.SENDERS);
        CaseTransfer t = transfers.incoming(tenant, Params.uuid("transfer", tid));
        UUID id = Params.uuid("evidence", eid);
        return evidence.ofCase(t.fromDistrict(), t.fromCaseId()).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("证据不存在 (no such evidence): " + eid));
    }

    /** The case enters this district's loop as reported; 409 when answered already. */
    @POST
    @Path("{tid}/accept")
    public TransferJson accept(@PathParam("tenant") String tenant, @PathParam("tid") String tid,
                               @Context SecurityContext security) {
        Access.district(security, tenants, tenant, CaseTransferResource.SENDERS);
        CaseTransfer t = transfers.incoming(tenant, Params.uuid("transfer", tid));
        // files attached while it was pending are copied too; a repeated copy writes nothing
        uploads.copyFiles(t.fromDistrict(), tenant, evidence.ofCase(t.fromDistrict(), t.fromCaseId()));
        return TransferJson.of(transfers.accept(tenant, t.id(), Access.actor(security)), tenants);
    }

    /** Back to the sender with a reason; 400 naming {@code reason}; 409 when answered already. */
    @POST
    @Path("{tid}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    public TransferJson refuse(@PathParam("tenant") String tenant, @PathParam("tid") String tid,
                               TransferJson.RefuseRequest body, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, CaseTransferResource.SENDERS);
        UUID id = Params.uuid("transfer", tid);
        if (body == null) {
            throw new ValidationException("reason", "必填项 (required): reason");
        }
        return TransferJson.of(transfers.refuse(tenant, id, body.reason(), Access.actor(security)), tenants);
    }
}
