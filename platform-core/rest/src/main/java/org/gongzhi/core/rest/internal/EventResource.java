package org.gongzhi.core.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.CaseEvent;
import org.gongzhi.core.service.CaseEventListener;
import org.gongzhi.core.service.CaseEvents;
import org.gongzhi.core.service.CaseScope;
import org.gongzhi.core.service.DistrictModes;
import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.service.TenantStatus;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The live event streams (server-sent events): {@code GET /api/v1/tenants/{tenant}/events} for one
 * district, {@code GET /api/v1/city/events} for every district. Frames: {@code event: case} with the
 * event's cursor as {@code id}, {@code event: mode} (each district's mode at connect and at every
 * switch), {@code event: reset} (a resumed stream was too far behind: read everything afresh) and a
 * keep-alive comment every {@value #KEEP_ALIVE_SECONDS} s. A client resumes with {@code Last-Event-ID}.
 *
 * <p>A district stream carries the events of the cases its caller may see (grid workers: their grids;
 * department handlers: cases their department leads); events never carry personal data.
 */
@Component(service = EventResource.class)
@JaxrsResource
@Path("/api/v1")
public final class EventResource {

    static final long KEEP_ALIVE_SECONDS = 15;
    /** Open streams per node at most; more get 503 and retry. */
    static final int MAX_STREAMS = 2_000;
    private static final Role[] WATCHERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.SCREEN_VIEWER, Role.MEDIATOR,
            Role.SOCIAL_WORKER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER, Role.CITY_ADMIN};
    private static final ObjectMapper JSON = Json.mapper();

    private final CaseEvents events;
    private final TenantDirectory tenants;
    private final DistrictModes modes;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gongzhi-sse-keep-alive");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public EventResource(@Reference CaseEvents events, @Reference TenantDirectory tenants,
                         @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
                         DistrictModes modes) {
        this.events = events;
        this.tenants = tenants;
        this.modes = modes;
        keepAlive.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        keepAlive.shutdownNow();
        open.forEach(Stream::close);
    }

    @GET
    @Path("tenants/{tenant}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void district(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                         @Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = Access.district(security, tenants, tenant, WATCHERS);
        CaseScope scope = Access.roles(caller).contains(Role.SCREEN_VIEWER) || Access.isCityAdmin(caller)
                ? CaseScope.district() : Access.scope(caller);
        start(new Stream(sink, sse, visibleIn(tenants.require(tenant), scope)), tenant, lastEventId, List.of(tenant));
    }

    @GET
    @Path("city/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void city(@HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId, @Context SecurityContext security,
                     @Context SseEventSink sink, @Context Sse sse) {
        Access.cityViewer(security);
        List<String> active = tenants.tenants().stream().map(TenantDefinition::id)
                .filter(t -> tenants.status(t).orElse(null) == TenantStatus.ACTIVE).toList();
        start(new Stream(sink, sse, e -> true), null, lastEventId, active);
    }

    private void start(Stream stream, String tenant, String lastEventId, List<String> modesOf) {
        if (open.size() >= MAX_STREAMS) {
            throw new WebApplicationException(Problem.response(503, "streams-exhausted", "实时事件连接已满 (too many live event streams)",
                    "请稍后重试 (retry later)", null));
        }
        open.add(stream);
        stream.send(stream.sse.newEventBuilder().comment("gongzhi live events").reconnectDelay(3_000).build());
        modesOf.forEach(stream::onModeChange);
        stream.subscription = events.subscribe(tenant, lastEventId, stream);
    }

    private void keepAlive() {
        for (Stream s : open) {
            s.send(s.sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    /** The events a caller of {@code scope} may see in {@code district}. */
    static Predicate<CaseEvent> visibleIn(TenantDefinition district, CaseScope scope) {
        if (scope.wholeDistrict()) {
            return e -> true;
        }
        return e -> {
            if (scope.department() != null && scope.department().equals(e.leadDepartment())) {
                return true;
            }
            if (e.grid() == null || scope.grids().isEmpty()) {
                return false;
            }
            return district.grids().pathTo(e.grid()).stream().map(GridNode::code).anyMatch(scope.grids()::contains);
        };
    }

    /** One open stream: a subscriber of the feed writing to its sink. */
    private final class Stream implements CaseEventListener {
        final SseEventSink sink;
        final Sse sse;
        final Predicate<CaseEvent> visible;
        volatile CaseEvents.Subscription subscription;

        Stream(SseEventSink sink, Sse sse, Predicate<CaseEvent> visible) {
            this.sink = sink;
            this.sse = sse;
            this.visible = visible;
        }

        @Override
        public void onCase(CaseEvent e) {
            if (visible.test(e)) {
                send(sse.newEventBuilder().name("case").id(e.id()).data(String.class, json(EventJson.Case.of(e))).build());
            }
        }

        @Override
        public void onModeChange(String tenant) {
            if (modes != null) {
                send(sse.newEventBuilder().name("mode").data(String.class, json(EventJson.Mode.of(modes.current(tenant))))
                        .build());
            }
        }

        @Override
        public void onGap() {
            send(sse.newEventBuilder().name("reset").data(String.class, "{}").build());
        }

        /** Sends a frame; a closed or failing sink ends the stream (the feed drops a listener that throws). */
        void send(OutboundSseEvent frame) {
            if (sink.isClosed()) {
                close();
                throw new IllegalStateException("stream closed");
            }
            sink.send(frame).whenComplete((ok, failure) -> {
                if (failure != null) {
                    close();
                }
            });
        }

        void close() {
            open.remove(this);
            CaseEvents.Subscription s = subscription;
            if (s != null) {
                s.close();
            }
            if (!sink.isClosed()) {
                sink.close();
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }
}
