package org.gongzhi.core.rest.internal;

import java.io.InputStream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/openapi.yaml}: the OpenAPI 3.1 description of this API, public. */
@Component(service = OpenApiResource.class)
@JaxrsResource
@Path("/api/v1/openapi.yaml")
public final class OpenApiResource {

    static final String DOCUMENT = "/openapi/gongzhi-api.yaml";

    @GET
    @Produces("application/yaml")
    public Response document() {
        InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT);
        if (in == null) {
            throw new IllegalStateException("OpenAPI document missing from the bundle: " + DOCUMENT);
        }
        return Response.ok(in, "application/yaml; charset=utf-8").build();
    }
}
