package org.gongzhi.core.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/city/events}: every district's live events (server-sent events, {@link LiveStreams}),
 * for city administrators and the city's wall screens.
 */
@Component(service = CityEventResource.class)
@JaxrsResource
@Path("/api/v1/city/events")
public final class CityEventResource {

    private final LiveStreams streams;

    @Activate
    public CityEventResource(@Reference LiveStreams streams) {
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId, @Context SecurityContext security,
                       @Context SseEventSink sink, @Context Sse sse) {
        Access.cityViewer(security);
        streams.city(lastEventId, sink, sse);
    }
}
