package org.gongzhi.core.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationOutbox;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.PersonDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route {@value #ROUTE_ID}: takes a group of claimed notifications to one destination from {@value #QUEUE}
 * (see {@link #deliver}: one message, or one digest, per destination and pace), looks up the person's
 * address in the district's definition, hands it to the channel's route ({@code direct:notify-<channel>})
 * and settles each claim: delivered; failed → pending again after the {@link Backoff}, or a dead letter
 * when the attempts are spent or the channel refused it for good; unrouted when there is nowhere to send
 * it. A channel whose route is absent (not configured) counts as down. Logs name the notification, the
 * district, the channel and the reason, never an address or the text.
 */
final class NotifyDeliverRoute extends RouteBuilder {

    static final String ROUTE_ID = "notify-deliver";
    static final String QUEUE = "seda:gongzhi-notify-deliver";
    /** Exchange property a channel route may set: the provider's id of the message. */
    static final String RECEIPT = "GongzhiNotifyReceipt";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyDeliverRoute.class);

    private final NotificationOutbox outbox;
    private final TenantDirectory tenants;
    private final NotifyRuntime runtime;
    private final ProducerTemplate producer;
    private final Clock clock;

    NotifyDeliverRoute(NotificationOutbox outbox, TenantDirectory tenants, NotifyRuntime runtime,
                       ProducerTemplate producer, Clock clock) {
        this.outbox = outbox;
        this.tenants = tenants;
        this.runtime = runtime;
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        from(QUEUE + "?concurrentConsumers=" + runtime.settings().consumers() + "&size=" + runtime.settings().batchSize() * 8)
                .routeId(ROUTE_ID)
                .process(ex -> deliver(group(ex.getIn().getBody())));
    }

    @SuppressWarnings("unchecked")
    private static List<Notification> group(Object body) {
        return body instanceof Notification n ? List.of(n) : (List<Notification>) body;
    }

    static String channelRoute(NotificationChannel channel) {
        return "notify-" + channel.wireName();
    }

    /**
     * Delivers a group of claimed notifications of one destination and channel: when the destination's
     * {@link Pace} is spent, postpones them all to its end; else takes the turn, claims the destination's
     * other pending ones due within the pace, and sends them all as one message (a {@link Digest} when
     * more than one) and settles each with its outcome.
     */
    void deliver(List<Notification> group) {
        String node = runtime.settings().node();
        Notification first = group.get(0);
        if (first.channel() == NotificationChannel.INBOX) {
            group.forEach(n -> outbox.delivered(n.id(), node, "inbox"));
            return;
        }
        Instant now = clock.instant();
        Pace pace = runtime.settings().pace();
        Optional<Instant> busy = pace.take(first, now);
        if (busy.isPresent()) {
            outbox.postpone(ids(group), node, busy.get());
            return;
        }
        List<Notification> batch = new ArrayList<>(group);
        if (!pace.of(first.channel()).isZero()) {
            batch.addAll(outbox.claimFellows(first, node, now.plus(pace.of(first.channel())),
                    runtime.settings().digestMax() - batch.size(), runtime.settings().lease()));
        }
        try {
            String route = channelRoute(first.channel());
            if (!runtime.has(route)) {
                throw ChannelFailure.passing("渠道未配置 (channel " + first.channel().wireName() + " is not configured)");
            }
            Notification message = batch.size() == 1 ? first : Digest.of(batch, districtName(first.tenantId()));
            Outgoing out = new Outgoing(message, address(first));
            Exchange done = producer.send("direct:" + route, e -> e.setProperty(Outgoing.PROPERTY, out));
            if (done.getException() != null) {
                throw done.getException();
            }
            String receipt = done.getProperty(RECEIPT, String.class);
            if (batch.size() == 1) {
                outbox.delivered(first.id(), node, receipt);
            } else {
                outbox.deliveredAll(ids(batch), node, receipt);
                LOG.debug("Digest of {} notifications to one {} destination of {}", batch.size(),
                        first.channel().wireName(), first.tenantId());
            }
        } catch (ChannelFailure f) {
            batch.forEach(n -> settle(n, node, f));
        } catch (Exception e) {
            LOG.debug("Notification {} ({}): {}", first.id(), first.channel().wireName(), e.getClass().getName());
            ChannelFailure f = ChannelFailure.passing("渠道异常 (channel failed): " + e.getClass().getSimpleName());
            batch.forEach(n -> settle(n, node, f));
        }
    }

    private static List<UUID> ids(List<Notification> batch) {
        return batch.stream().map(Notification::id).toList();
    }

    private String districtName(String tenantId) {
        return tenants.find(tenantId).map(d -> d.name()).orElse(tenantId);
    }

    private void settle(Notification n, String node, ChannelFailure f) {
        int attempt = n.attempts() + 1;
        switch (f.kind()) {
            case UNROUTABLE -> {
                LOG.warn("Notification {} of {} ({}) unrouted: {}", n.id(), n.tenantId(), n.channel().wireName(),
                        f.getMessage());
                outbox.unrouted(n.id(), node, f.getMessage());
            }
            case REFUSED -> {
                LOG.warn("Notification {} of {} ({}) refused: {}", n.id(), n.tenantId(), n.channel().wireName(),
                        f.getMessage());
                outbox.dead(n.id(), node, f.getMessage());
            }
            case PASSING -> {
                Optional<Instant> next = runtime.settings().backoff().next(attempt, clock.instant());
                if (next.isPresent()) {
                    LOG.info("Notification {} of {} ({}) attempt {} failed, next at {}: {}", n.id(), n.tenantId(),
                            n.channel().wireName(), attempt, next.get(), f.getMessage());
                    outbox.failed(n.id(), node, f.getMessage(), next.get());
                } else {
                    LOG.warn("Notification {} of {} ({}) dead after {} attempts: {}", n.id(), n.tenantId(),
                            n.channel().wireName(), attempt, f.getMessage());
                    outbox.dead(n.id(), node, f.getMessage());
                }
            }
        }
    }

    /** The person's phone or e-mail address; {@code null} for a robot group. */
    private String address(Notification n) throws ChannelFailure {
        if (n.channel() == NotificationChannel.WECOM) {
            return null;
        }
        PersonDefinition p = tenants.find(n.tenantId()).flatMap(d -> d.people().stream()
                .filter(x -> x.username().equals(n.destination())).findFirst())
                .orElseThrow(() -> ChannelFailure.unroutable("人员不在区县定义中 (the person is not in the district's definition)"));
        String address = n.channel() == NotificationChannel.SMS ? p.phone() : p.email();
        if (address == null || address.isBlank()) {
            throw ChannelFailure.unroutable("人员无" + (n.channel() == NotificationChannel.SMS ? "手机号 (no phone)" : "邮箱 (no e-mail)"));
        }
        return address;
    }
}
