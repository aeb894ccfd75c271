package org.gongzhi.core.open311.internal;

import java.time.Clock;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.gongzhi.core.service.CaseService;
import org.gongzhi.core.service.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The Open311 GeoReport v2 endpoint on the JAX-RS whiteboard, {@code /open311/v2/…}: public (the
 * authentication seam lets {@code /open311/} through; writes check an {@code api_key}). Maps the
 * HTTP call to {@link Open311Api} and its {@link Open311Api.Reply} to the response; every answer is
 * bytes in the format of the extension, so the platform's JSON provider and problem mapper never
 * touch it.
 */
@Component(service = Open311Resource.class)
@JaxrsResource
@Path("/open311/v2")
public final class Open311Resource {

    private final Open311Api api;

    @Activate
    public Open311Resource(@Reference TenantDirectory tenants, @Reference CaseService cases, @Reference ApiKeys keys) {
        this.api = new Open311Api(tenants, cases, keys, Clock.systemUTC());
    }

    @GET
    @Path("discovery.{format}")
    public Response discovery(@PathParam("format") String format, @Context UriInfo uri) {
        return respond(api.discovery(format, uri.getBaseUri().resolve("open311/v2").toString()));
    }

    @GET
    @Path("services.{format}")
    public Response services(@PathParam("format") String format, @Context UriInfo uri,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return respond(api.services(format, query(uri), english(language)));
    }

    @GET
    @Path("services/{code}.{format}")
    public Response definition(@PathParam("code") String code, @PathParam("format") String format, @Context UriInfo uri) {
        return respond(api.definition(code, format, query(uri)));
    }

    @POST
    @Path("requests.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("format") String format, MultivaluedMap<String, String> body, @Context UriInfo uri) {
        return respond(api.post(format, Form.of(uri.getQueryParameters(), body)));
    }

    @POST
    @Path("requests.{format}")
    @Consumes(MediaType.WILDCARD)
    public Response postOther(@PathParam("format") String format) {
        return respond(api.notForm(format));
    }

    @GET
    @Path("requests.{format}")
    public Response requests(@PathParam("format") String format, @Context UriInfo uri,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return respond(api.requests(format, query(uri), english(language)));
    }

    @GET
    @Path("requests/{id}.{format}")
    public Response request(@PathParam("id") String id, @PathParam("format") String format, @Context UriInfo uri,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return respond(api.request(id, format, query(uri), english(language)));
    }

    @GET
    @Path("tokens/{token}.{format}")
    public Response token(@PathParam("token") String token, @PathParam("format") String format, @Context UriInfo uri) {
        return respond(api.token(token, format, query(uri)));
    }

    @GET
    @Path("servicerequestupdates.{format}")
    public Response updates(@PathParam("format") String format, @Context UriInfo uri) {
        return respond(api.updates(format, query(uri)));
    }

    @POST
    @Path("servicerequestupdates.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postUpdate(@PathParam("format") String format, MultivaluedMap<String, String> body,
                               @Context UriInfo uri) {
        return respond(api.postUpdate(format, Form.of(uri.getQueryParameters(), body)));
    }

    @POST
    @Path("servicerequestupdates.{format}")
    @Consumes(MediaType.WILDCARD)
    public Response postUpdateOther(@PathParam("format") String format) {
        return respond(api.notForm(format));
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

    private static Form query(UriInfo uri) {
        return new Form(uri.getQueryParameters());
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
