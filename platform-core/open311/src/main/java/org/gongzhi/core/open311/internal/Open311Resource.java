package org.gongzhi.core.open311.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The Open311 GeoReport v2 endpoint on the JAX-RS whiteboard, {@code /open311/v2/…}: public (the
 * authentication seam lets {@code /open311/} through; writes check an {@code api_key}). Maps the
 * HTTP call to {@link Open311Api} and its {@link Open311Api.Reply} to the response; every answer,
 * errors included, is bytes in the format of the extension, so the platform's JSON provider and
 * problem mapper never touch it. Parameters are decoded here, strictly ({@link FormCodec}), from the
 * raw query string and the raw form body; PUT, DELETE and PATCH answer 405 in Open311's format.
 * Configuration (PID {@code org.gongzhi.open311}): {@code trustedProxies}, see {@link PublicUrl}.
 */
@Component(service = Open311Resource.class, configurationPid = ApiKeys.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JaxrsResource
@Path("/open311/v2")
public final class Open311Resource {

    private final Open311Api api;
    private final PublicMedia media;
    private volatile PublicUrl publicUrl;

    @Activate
    public Open311Resource(@Reference TenantDirectory tenants, @Reference CaseService cases, @Reference ApiKeys keys,
                           @Reference EvidenceRecords evidence, @Reference EvidenceStore store, ApiKeys.Config config) {
        this.api = new Open311Api(tenants, cases, keys, Clock.systemUTC());
        this.media = new PublicMedia(tenants, cases, evidence, store);
        this.publicUrl = PublicUrl.trusting(config.trustedProxies());
    }

    @Modified
    void modified(ApiKeys.Config config) {
        publicUrl = PublicUrl.trusting(config.trustedProxies());
    }

    @GET
    @Path("discovery.{format}")
    public Response discovery(@PathParam("format") String format, @Context UriInfo uri,
                              @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return respond(api.discovery(format, base(uri, request, headers).resolve("open311/v2").toString()));
    }

    /** The platform's address as the client reached it (see {@link PublicUrl}). */
    private URI base(UriInfo uri, HttpServletRequest request, HttpHeaders headers) {
        return publicUrl.resolve(uri.getBaseUri(), request.getRemoteAddr(),
                headers.getRequestHeader("X-Forwarded-Proto"), headers.getRequestHeader("X-Forwarded-Host"));
    }

    private MediaLinks links(UriInfo uri, HttpServletRequest request, HttpHeaders headers) {
        return new MediaLinks(base(uri, request, headers).resolve("open311/v2/").toString());
    }

    /**
     * The public copy of a photo of a public request (what {@code media_url} points at): the served copy
     * without EXIF/GPS, while the case is public and the photo came with the report or with a public note;
     * anything else is 404.
     */
    @GET
    @Path("media/{district}/{id}")
    public Response media(@PathParam("district") String district, @PathParam("id") String id) {
        return media.serve(district, id);
    }

    @GET
    @Path("services.{format}")
    public Response services(@PathParam("format") String format, @Context UriInfo uri,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return call(format, () -> query(uri), form -> api.services(format, form, english(language)));
    }

    @GET
    @Path("services/{code}.{format}")
    public Response definition(@PathParam("code") String code, @PathParam("format") String format, @Context UriInfo uri) {
        return call(format, () -> query(uri), form -> api.definition(code, format, form));
    }

    @POST
    @Path("requests.{format}")
    @Consumes(MediaType.WILDCARD)
    public Response post(@PathParam("format") String format, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                         InputStream body, @Context UriInfo uri) {
        return call(format, () -> form(uri, type, body), form -> api.post(format, form));
    }

    @GET
    @Path("requests.{format}")
    public Response requests(@PathParam("format") String format, @Context UriInfo uri,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                             @Context HttpServletRequest request, @Context HttpHeaders headers) {
        MediaLinks links = links(uri, request, headers);
        return call(format, () -> query(uri), form -> api.requests(format, form, english(language), links));
    }

    @GET
    @Path("requests/{id}.{format}")
    public Response request(@PathParam("id") String id, @PathParam("format") String format, @Context UriInfo uri,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        MediaLinks links = links(uri, request, headers);
        return call(format, () -> query(uri), form -> api.request(id, format, form, english(language), links));
    }

    @GET
    @Path("tokens/{token}.{format}")
    public Response token(@PathParam("token") String token, @PathParam("format") String format, @Context UriInfo uri) {
        return call(format, () -> query(uri), form -> api.token(token, format, form));
    }

    @GET
    @Path("servicerequestupdates.{format}")
    public Response updates(@PathParam("format") String format, @Context UriInfo uri,
                            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        MediaLinks links = links(uri, request, headers);
        return call(format, () -> query(uri), form -> api.updates(format, form, links));
    }

    @POST
    @Path("servicerequestupdates.{format}")
    @Consumes(MediaType.WILDCARD)
    public Response postUpdate(@PathParam("format") String format, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                               InputStream body, @Context UriInfo uri) {
        return call(format, () -> form(uri, type, body), form -> api.postUpdate(format, form));
    }

    @GET
    @Path("{any: .*}")
    public Response unknown(@PathParam("any") String path) {
        return respond(api.unknown(path));
    }

    @POST
    @Path("{any: .*}")
    public Response unknownPost(@PathParam("any") String path) {
        return respond(api.unknown(path));
    }

    @PUT
    @Path("{any: .*}")
    public Response put(@PathParam("any") String path) {
        return notAllowed(HttpMethod.PUT, path);
    }

    @DELETE
    @Path("{any: .*}")
    public Response delete(@PathParam("any") String path) {
        return notAllowed(HttpMethod.DELETE, path);
    }

    @PATCH
    @Path("{any: .*}")
    public Response patch(@PathParam("any") String path) {
        return notAllowed(HttpMethod.PATCH, path);
    }

    private Response notAllowed(String method, String path) {
        return Response.fromResponse(respond(api.methodNotAllowed(method, path))).allow("GET", "POST").build();
    }

    /** Decodes the parameters, then runs the method; a parameter that cannot be decoded is the answer. */
    private Response call(String format, Supplier<Form> parameters, Function<Form, Open311Api.Reply> method) {
        Form form;
        try {
            form = parameters.get();
        } catch (Open311Exception e) {
            return respond(api.refused(format, e));
        }
        return respond(method.apply(form));
    }

    private static Form query(UriInfo uri) {
        return new Form(FormCodec.decodeQuery(uri.getRequestUri().getRawQuery()));
    }

    /** The query string overridden by the form body, which must be UTF-8 form encoding. */
    private static Form form(UriInfo uri, String contentType, InputStream body) {
        FormCodec.requireForm(contentType);
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(FormCodec.MAX_BODY + 1);
        } catch (IOException e) {
            throw Open311Exception.badRequest("the request body could not be read (请求体读取失败)");
        }
        if (bytes.length > FormCodec.MAX_BODY) {
            throw new Open311Exception(413, "the request body is larger than " + FormCodec.MAX_BODY
                    + " bytes (请求体过大)");
        }
        return Form.of(FormCodec.decodeQuery(uri.getRequestUri().getRawQuery()), FormCodec.decode(bytes));
    }

    /** Whether the first language the client accepts is English. */
    static boolean english(String acceptLanguage) {
        if (acceptLanguage == null) {
            return false;
        }
        String first = acceptLanguage.split(",")[0].split(";")[0].trim().toLowerCase(Locale.ROOT);
        return first.equals("en") || first.startsWith("en-");
    }

    private static Response respond(Open311Api.Reply reply) {
        return Response.status(reply.status()).type(reply.format().contentType()).entity(reply.bytes()).build();
    }
}
