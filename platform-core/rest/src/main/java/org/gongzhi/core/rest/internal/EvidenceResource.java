package org.gongzhi.core.rest.internal;

import java.io.InputStream;
import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Evidence of one district (证据材料): upload (raw body or multipart form), describe, and serve the copy
 * without metadata and the thumbnail — never the original. An upload belongs to its uploader until a step
 * attaches it ({@code evidence:<id>} among the attachments); then whoever may see the case may see it,
 * except that a resident sees only their own uploads and the result photos of the feedback. Anything else:
 * 404, as if it did not exist.
 */
@Component(service = EvidenceResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/evidence")
@Produces(MediaType.APPLICATION_JSON)
public final class EvidenceResource {

    private final TenantDirectory tenants;
    private final EvidenceUploads uploads;
    private final EvidenceAccess access;

    @Activate
    public EvidenceResource(@Reference CaseService cases, @Reference TenantDirectory tenants,
                            @Reference EvidenceStore store, @Reference EvidenceRecords records) {
        this.tenants = tenants;
        this.uploads = new EvidenceUploads(store, records);
        this.access = new EvidenceAccess(cases, tenants);
    }

    private static String base(String tenant) {
        return "/api/v1/tenants/" + tenant + "/evidence";
    }

    /** A multipart form with the file in its {@code file} part; {@code fileName} overrides the part's name. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@PathParam("tenant") String tenant, @QueryParam("fileName") String fileName,
                               @QueryParam("keepCaptureFacts") String keep, MultipartBody form,
                               @Context HttpHeaders headers, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.REPORTERS);
        uploads.checkLength(headers.getLength());
        return created(tenant, uploads.multipart(tenant, form, fileName,
                Boolean.TRUE.equals(Params.bool("keepCaptureFacts", keep)), Access.actor(security), caller.subject()));
    }

    /** The file as the body, any type (the type is sniffed from the bytes). */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("tenant") String tenant, @QueryParam("fileName") String fileName,
                           @QueryParam("keepCaptureFacts") String keep, InputStream body,
                           @Context HttpHeaders headers, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.REPORTERS);
        uploads.checkLength(headers.getLength());
        return created(tenant, uploads.raw(tenant, body, fileName,
                Boolean.TRUE.equals(Params.bool("keepCaptureFacts", keep)), Access.actor(security), caller.subject()));
    }

    private static Response created(String tenant, EvidenceView e) {
        return Response.created(URI.create(base(tenant) + "/" + e.id()))
                .entity(EvidenceUploads.EvidenceJson.of(e, base(tenant))).build();
    }

    @GET
    @Path("{id}")
    public EvidenceUploads.EvidenceJson get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                            @Context SecurityContext security) {
        return EvidenceUploads.EvidenceJson.of(visible(tenant, id, security), base(tenant));
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("tenant") String tenant, @PathParam("id") String id,
                            @Context SecurityContext security) {
        return uploads.serve(tenant, visible(tenant, id, security), Rendition.DISPLAY);
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces("image/jpeg")
    public Response thumbnail(@PathParam("tenant") String tenant, @PathParam("id") String id,
                              @Context SecurityContext security) {
        return uploads.serve(tenant, visible(tenant, id, security), Rendition.THUMBNAIL);
    }

    private EvidenceView visible(String tenant, String id, SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        EvidenceView e = uploads.find(tenant, id);
        if (!access.maySee(tenant, e, caller)) {
            throw new NotFoundException("证据不存在 (no such evidence): " + id);
        }
        return e;
    }
}
