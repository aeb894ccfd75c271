package org.gongzhi.core.resident.internal;

import java.net.URI;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.grid.GeoJson;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.residents.ResidentSessions;
import org.gongzhi.core.service.residents.SmsGateway;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.locationtech.jts.geom.Envelope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The resident page's district and sign-in (居民上报: 区信息、网格、短信验证码登录), {@code /api/v1/resident/{tenant}}:
 * public (the authentication seam lets the prefix through); the session endpoint checks the resident's
 * own token. An unknown or suspended district is not found. Phone numbers and codes are never logged.
 */
@Component(service = ResidentDistrictResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/resident/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public final class ResidentDistrictResource {

    private static final Logger LOG = LoggerFactory.getLogger(ResidentDistrictResource.class);
    static final List<String> CHANNELS = List.of(Channel.RESIDENT_APP.wireName(), Channel.QR_CODE.wireName());

    private final ResidentRuntime runtime;

    @Activate
    public ResidentDistrictResource(@Reference ResidentRuntime runtime) {
        this.runtime = runtime;
    }

    /** What the page needs to start: the district, its map centre, the leaf categories with icons, the channels. */
    @GET
    public ResidentJson.District district(@PathParam("tenant") String tenant) {
        TenantDefinition t = runtime.district(tenant);
        List<ResidentJson.Category> categories = t.leafCategories().stream().map(ResidentDistrictResource::category)
                .toList();
        return new ResidentJson.District(t.id(), t.name(), center(t), (int) runtime.settings().reopenWindow().toDays(),
                categories, CHANNELS);
    }

    private static ResidentJson.Category category(CategoryDefinition c) {
        return new ResidentJson.Category(c.code(), c.name(), c.family().name(), c.family().labelZh(), CategoryIcons.of(c));
    }

    /** The middle of the bounding box of the district's grid boundaries; null when none has a boundary. */
    static ResidentJson.Point center(TenantDefinition t) {
        Envelope box = new Envelope();
        for (GridNode n : t.grids().all()) {
            n.boundary().ifPresent(b -> box.expandToInclude(b.getEnvelopeInternal()));
        }
        return box.isNull() ? null : new ResidentJson.Point(box.centre().x, box.centre().y);
    }

    /** The district's grid boundaries as GeoJSON, the same shape as the staff API's map. */
    @GET
    @Path("grids/map")
    public ObjectNode map(@PathParam("tenant") String tenant, @QueryParam("level") String level) {
        TenantDefinition t = runtime.district(tenant);
        GridLevel wanted = level == null ? null : WireNames.lookup(GridLevel.values(), WireNames::of, level)
                .orElseThrow(() -> new ValidationException("level", "未知的网格层级 (unknown grid level)"));
        return GeoJson.gridMap(t.grids(), wanted);
    }

    /** A grid (as a QR code names it) with its path from the district. */
    @GET
    @Path("grids/{code}")
    public ResidentJson.Grid grid(@PathParam("tenant") String tenant, @PathParam("code") String code) {
        TenantDefinition t = runtime.district(tenant);
        GridNode grid = t.grids().find(code).orElseThrow(() -> new NotFoundException("本区没有该网格 (no such grid)"));
        List<ResidentJson.GridStep> path = t.grids().pathTo(grid.code()).stream()
                .map(n -> new ResidentJson.GridStep(n.code(), n.name(), WireNames.of(n.level()))).toList();
        return new ResidentJson.Grid(grid.code(), grid.name(), WireNames.of(grid.level()), path);
    }

    /**
     * Sends a one-time code to the phone (202). Limits: per phone, per client address (429 with
     * {@code Retry-After}); no SMS provider or one that fails: 503.
     */
    @POST
    @Path("codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response code(@PathParam("tenant") String tenant, ResidentJson.CodeRequest body,
                         @Context HttpServletRequest request, @Context HttpHeaders headers)
            throws SmsGateway.SmsUnavailableException {
        TenantDefinition t = runtime.district(tenant);
        String phone = Input.phone(Input.body(body).phone());
        String address = runtime.settings().proxies().clientAddress(request.getRemoteAddr(),
                headers.getRequestHeader("X-Forwarded-For"));
        SmsGateway sms = runtime.sms(); // none configured: 503 before anything is counted
        runtime.limits().code(t.id(), ResidentAccounts.phoneHash(t.id(), phone), address);
        String code = runtime.accounts().issue(t.id(), phone);
        try {
            sms.send(t.id(), phone, "您的验证码为 " + code + "，" + ResidentAccounts.CODE_MINUTES
                    + " 分钟内有效，请勿告诉他人。如非本人操作，请忽略本短信。（" + t.name() + "居民上报）");
        } catch (SmsGateway.SmsUnavailableException | RuntimeException e) {
            runtime.accounts().withdraw(t.id(), phone);
            throw e;
        }
        LOG.debug("One-time code sent for district {}", t.id());
        return Response.accepted(new ResidentJson.CodeSent((int) ResidentAccounts.CODE_LIFETIME.toSeconds(),
                (int) ResidentAccounts.RESEND_AFTER.toSeconds())).build();
    }

    /** Signs in with the code: 201 with the session token (shown only here). */
    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@PathParam("tenant") String tenant, ResidentJson.SignIn body) {
        TenantDefinition t = runtime.district(tenant);
        Input.body(body);
        String phone = Input.phone(body.phone());
        String code = Input.code(body.code());
        ResidentAccounts.Issued session = runtime.accounts().signIn(t.id(), phone, code);
        return Response.created(URI.create("/api/v1/resident/" + t.id() + "/sessions/current"))
                .entity(new ResidentJson.Session(session.token(), session.expiresAt())).build();
    }

    /** Signs out: the token is revoked (204). */
    @DELETE
    @Path("sessions/current")
    public Response signOut(@PathParam("tenant") String tenant, @Context HttpHeaders headers) {
        TenantDefinition t = runtime.district(tenant);
        List<String> authorization = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        runtime.resident(t.id(), authorization); // 401 unless signed in here
        runtime.accounts().revoke(t.id(), ResidentSessions.bearer(authorization.get(0)).orElseThrow());
        LOG.debug("Resident session of district {} ended", t.id());
        return Response.noContent().build();
    }
}
