package org.gongzhi.core.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/city/screen}: every active district's headline figures side by side with their
 * totals, for the city's big screen: city administrators and the city realm's {@code screen-viewer}.
 */
@Component(service = CityScreenResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/city/screen")
@Produces(MediaType.APPLICATION_JSON)
public final class CityScreenResource {

    private final ScreenBoard board;

    @Activate
    public CityScreenResource(@Reference ScreenBoard board) {
        this.board = board;
    }

    @GET
    public ScreenJson.City screen(@Context SecurityContext security) {
        Access.cityViewer(security);
        return board.city();
    }
}
