package org.gongzhi.core.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.supervision.SupervisionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The escalations (提级督办) of every active district, for the city's administrators. */
@Component(service = CityEscalationResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/city/escalations")
@Produces(MediaType.APPLICATION_JSON)
public final class CityEscalationResource {

    /** The city's dates are Beijing time. */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    /** Without {@code from}: the last 90 days. */
    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    private final SupervisionService supervision;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public CityEscalationResource(@Reference SupervisionService supervision) {
        this.supervision = supervision;
    }

    @GET
    public List<SupervisionJson> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("open") String open, @Context SecurityContext security) {
        Access.city(security);
        Instant now = clock.instant();
        Instant end = Params.dayStart("to", to, CITY_ZONE);
        Instant start = Params.dayStart("from", from, CITY_ZONE);
        end = end == null ? now.plusSeconds(1) : end;
        start = start == null ? end.minus(DEFAULT_SPAN) : start;
        if (!start.isBefore(end)) {
            throw new ValidationException("from", "起始日期须早于截止日期 (from must be before to)");
        }
        Boolean openOnly = Params.bool("open", open);
        return supervision.escalations(start, end, Boolean.TRUE.equals(openOnly)).stream()
                .map(s -> SupervisionJson.of(s, now)).toList();
    }
}
