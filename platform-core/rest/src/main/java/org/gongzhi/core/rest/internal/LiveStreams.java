package org.gongzhi.core.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.events.CaseEventListener;
import org.gongzhi.core.service.events.CaseEvents;
import org.gongzhi.core.service.notify.InboxSignals;
import org.gongzhi.core.service.notify.NotificationInbox;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open live event streams of this node (server-sent events): subscribes each to the feed with its
 * caller's visibility, sends each district's mode at connect and at every switch, the {@code reset} frame
 * when a resumed stream was too far behind, and a keep-alive comment every {@value #KEEP_ALIVE_SECONDS} s
 * to all. A person's inbox stream sends {@code inbox} frames with their unread count, at connect and
 * whenever {@link InboxSignals} says their inbox changed (ADR 0031). At most {@value #MAX_STREAMS} streams
 * of both kinds at once (503 beyond). Used by {@link EventResource}, {@link CityEventResource} and
 * {@link InboxStreamResource}.
 */
@Component(service = LiveStreams.class)
public final class LiveStreams {

    static final long KEEP_ALIVE_SECONDS = 15;
    /** Open streams per node at most; more get 503 and retry. */
    static final int MAX_STREAMS = 2_000;
    private static final ObjectMapper JSON = Json.mapper();
    /** The form of the cursors the feed hands out ({@code <txid>-<id>}); anything else in Last-Event-ID is refused. */
    private static final Pattern CURSOR = Pattern.compile("\\d{1,19}-\\d{1,19}");

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    private final CaseEvents events;
    private final TenantDirectory tenants;
    private final DistrictModes modes;
    private final InboxSignals signals;
    private final NotificationInbox inbox;
    /** Reads unread counts off the signal thread; one thread, each stream's requests folded while one waits. */
    private final ExecutorService counts = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongzhi-inbox-counts");
        t.setDaemon(true);
        return t;
    });
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    /** The frame of the event the feed is handing out: written once, sent to every stream that may see it. */
    private final AtomicReference<CaseFrame> current = new AtomicReference<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gongzhi-sse-keep-alive");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public LiveStreams(@Reference CaseEvents events, @Reference TenantDirectory tenants,
                       @Reference DistrictModes modes, @Reference InboxSignals signals,
                       @Reference NotificationInbox inbox) {
        this.events = events;
        this.tenants = tenants;
        this.modes = modes;
        this.signals = signals;
        this.inbox = inbox;
        keepAlive.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        keepAlive.shutdownNow();
        counts.shutdownNow();
        open.forEach(Stream::close);
    }

    /** Opens a district's stream for a caller who may see the cases of {@code scope}. */
    void district(String tenant, CaseScope scope, String lastEventId, SseEventSink sink, Sse sse) {
        start(new Stream(sink, sse, visibleIn(tenants.require(tenant), scope)), tenant, lastEventId, List.of(tenant));
    }

    /** Opens the city's stream: every district's events and modes. */
    void city(String lastEventId, SseEventSink sink, Sse sse) {
        List<String> active = tenants.tenants().stream().map(TenantDefinition::id)
                .filter(t -> tenants.status(t).orElse(null) == TenantStatus.ACTIVE).toList();
        start(new Stream(sink, sse, e -> true), null, lastEventId, active);
    }

    /**
     * Opens {@code username}'s inbox stream in {@code tenant}: an {@code inbox} frame with the unread count
     * at once and after every change of their inbox, whichever node wrote it.
     */
    void inbox(String tenant, String username, SseEventSink sink, Sse sse) {
        tenants.require(tenant);
        Stream stream = new Stream(sink, sse, e -> false);
        if (!admit(stream)) {
            return;
        }
        AtomicBoolean asked = new AtomicBoolean();
        Runnable count = () -> {
            if (asked.compareAndSet(false, true)) {
                counts.execute(() -> {
                    asked.set(false);
                    sendUnread(stream, tenant, username);
                });
            }
        };
        // watch first, then count: a change between the two is counted again, never lost
        InboxSignals.Watch watch = signals.watch(tenant, username, count);
        stream.subscription = watch::close;
        if (!open.contains(stream)) {
            watch.close(); // the client left while the watch was set up
            return;
        }
        count.run();
    }

    private void sendUnread(Stream stream, String tenant, String username) {
        if (!open.contains(stream)) {
            return;
        }
        try {
            long unread = inbox.unreadCount(tenant, username);
            stream.trySend(stream.sse.newEventBuilder().name("inbox")
                    .data(String.class, json(new NotificationJson.UnreadCount(unread))).build());
        } catch (RuntimeException e) {
            LOG.debug("Unread count of an inbox stream of district {} not sent: {}", tenant, e.toString());
        }
    }

    private void start(Stream stream, String tenant, String lastEventId, List<String> modesOf) {
        String cursor = lastEventId == null ? "" : lastEventId.strip();
        if (!cursor.isEmpty() && !CURSOR.matcher(cursor).matches()) {
            throw new ValidationException("Last-Event-ID", "不是本平台发出的事件编号 (not an event id of this platform): 应为 <数字>-<数字>");
        }
        boolean alive = admit(stream);
        for (String t : modesOf) {
            alive = alive && stream.trySend(stream.modeFrame(t));
        }
        if (alive) {
            stream.subscription = events.subscribe(tenant, cursor, stream);
        }
    }

    /** Counts the stream among the open ones (503 beyond the limit) and greets it; false when the client left. */
    private boolean admit(Stream stream) {
        if (open.size() >= MAX_STREAMS) {
            throw new WebApplicationException(Problem.response(503, "streams-exhausted", "实时事件连接已满 (too many live event streams)",
                    "请稍后重试 (retry later)", null));
        }
        open.add(stream);
        // a client that leaves at once (it read the greeting) ends the stream here, not with an error
        return stream.trySend(stream.sse.newEventBuilder().comment("gongzhi live events").reconnectDelay(3_000).build());
    }

    private void keepAlive() {
        for (Stream s : open) {
            s.trySend(s.sse.newEventBuilder().comment("keep-alive").build());
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
                send(caseFrame(e, sse));
            }
        }

        @Override
        public void onModeChange(String tenant) {
            send(modeFrame(tenant));
        }

        @Override
        public void onGap() {
            send(sse.newEventBuilder().name("reset").data(String.class, "{}").build());
        }

        OutboundSseEvent modeFrame(String tenant) {
            return sse.newEventBuilder().name("mode").data(String.class, json(ModeJson.of(modes.current(tenant)))).build();
        }

        /** For the feed: a closed stream throws, and the feed drops its subscription. */
        void send(OutboundSseEvent frame) {
            if (!trySend(frame)) {
                throw new IllegalStateException("stream closed");
            }
        }

        /** Sends a frame unless the stream is closed (then it is ended); a failed write ends it too. */
        boolean trySend(OutboundSseEvent frame) {
            if (sink.isClosed()) {
                close();
                return false;
            }
            sink.send(frame).whenComplete((ok, failure) -> {
                if (failure != null) {
                    close();
                }
            });
            return true;
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

    /**
     * The {@code case} frame of {@code e}. The feed hands one event object to all streams in turn, so the
     * frame is serialised once per event rather than once per stream (100 walls: 1 JSON write, not 100).
     */
    private OutboundSseEvent caseFrame(CaseEvent e, Sse sse) {
        CaseFrame last = current.get();
        if (last != null && last.event() == e) {
            return last.frame();
        }
        OutboundSseEvent frame = sse.newEventBuilder().name("case").id(e.id())
                .data(String.class, json(EventJson.Case.of(e))).build();
        current.set(new CaseFrame(e, frame));
        return frame;
    }

    private record CaseFrame(CaseEvent event, OutboundSseEvent frame) {
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }
}
