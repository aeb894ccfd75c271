package org.gongzhi.core.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.residents.ResidentSession;
import org.gongzhi.core.service.residents.ResidentSessions;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Photos of residents on the reporting page (随手拍 / 码上办): the same uploads and served copies as
 * {@link EvidenceResource}, for a resident signed in with a phone and a one-time code
 * ({@link ResidentSessions}) instead of a Keycloak token. The resident is a caller with the resident role
 * only, so {@link EvidenceAccess} lets them see their own uploads and the feedback's photos of their own
 * reports (feedback, verification, closing); anything else is 404. No or a dead session: 401. The photo
 * itself is {@code …/evidence/{id}} (no JSON description), its thumbnail {@code …/evidence/{id}/thumbnail}.
 */
@Component(service = ResidentEvidenceResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/resident/{tenant}/evidence")
@Produces(MediaType.APPLICATION_JSON)
public final class ResidentEvidenceResource {

    /** The resident page's challenge, as the resident API answers it. */
    static final String CHALLENGE = "Bearer realm=\"gongzhi-resident\"";

    private final TenantDirectory tenants;
    private final ResidentSessions sessions;
    private final EvidenceUploads uploads;
    private final EvidenceAccess access;

    @Activate
    public ResidentEvidenceResource(@Reference CaseService cases, @Reference TenantDirectory tenants,
                                    @Reference EvidenceStore store, @Reference EvidenceRecords records,
                                    @Reference ResidentSessions sessions) {
        this.tenants = tenants;
        this.sessions = sessions;
        this.uploads = new EvidenceUploads(store, records);
        this.access = new EvidenceAccess(cases, tenants);
    }

    private static String base(String tenant) {
        return "/api/v1/resident/" + tenant + "/evidence";
    }

    /**
     * The signed-in resident of {@code tenant} as a caller with the resident role only; 404 for an unknown or
     * suspended district, 401 (challenge {@value #CHALLENGE}) without a live session of the district.
     */
    private Caller resident(String tenant, String authorization) {
        if (tenants.status(tenant).orElse(null) != TenantStatus.ACTIVE) {
            throw new NotFoundException("没有该区或该区暂停服务 (no such district): " + tenant);
        }
        String subject = ResidentSessions.bearer(authorization).flatMap(token -> sessions.find(tenant, token))
                .map(ResidentSession::subject)
                .orElseThrow(() -> new NotAuthorizedException("请先用手机验证码登录 (sign in with a code sent to your phone)",
                        CHALLENGE));
        return new Caller(tenant, subject, null, Set.of(Role.RESIDENT.id()), null, null, Set.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@PathParam("tenant") String tenant, @QueryParam("fileName") String fileName,
                               @QueryParam("keepCaptureFacts") String keep, MultipartBody form,
                               @Context HttpHeaders headers) {
        Caller resident = resident(tenant, headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        uploads.checkLength(headers.getLength());
        return created(tenant, uploads.multipart(tenant, form, fileName,
                Boolean.TRUE.equals(Params.bool("keepCaptureFacts", keep)), resident.subject(), resident.subject()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("tenant") String tenant, @QueryParam("fileName") String fileName,
                           @QueryParam("keepCaptureFacts") String keep, InputStream body, @Context HttpHeaders headers) {
        Caller resident = resident(tenant, headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        uploads.checkLength(headers.getLength());
        return created(tenant, uploads.raw(tenant, body, fileName,
                Boolean.TRUE.equals(Params.bool("keepCaptureFacts", keep)), resident.subject(), resident.subject()));
    }

    private static Response created(String tenant, EvidenceView e) {
        return Response.created(URI.create(base(tenant) + "/" + e.id()))
                .entity(EvidenceUploads.EvidenceJson.of(e, base(tenant), "")).build();
    }

    /** The photo itself (the copy without EXIF/GPS): what the resident page shows. */
    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("tenant") String tenant, @PathParam("id") String id,
                            @Context HttpHeaders headers) {
        return uploads.serve(tenant, visible(tenant, id, headers.getHeaderString(HttpHeaders.AUTHORIZATION)), Rendition.DISPLAY);
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces("image/jpeg")
    public Response thumbnail(@PathParam("tenant") String tenant, @PathParam("id") String id,
                              @Context HttpHeaders headers) {
        return uploads.serve(tenant, visible(tenant, id, headers.getHeaderString(HttpHeaders.AUTHORIZATION)), Rendition.THUMBNAIL);
    }

    private EvidenceView visible(String tenant, String id, String authorization) {
        Caller resident = resident(tenant, authorization);
        EvidenceView e = uploads.find(tenant, id);
        if (!access.maySee(tenant, e, resident)) {
            throw new NotFoundException("证据不存在 (no such evidence): " + id);
        }
        return e;
    }
}
