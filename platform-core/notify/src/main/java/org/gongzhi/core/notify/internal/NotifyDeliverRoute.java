package org.gongzhi.core.notify.internal;

import java.time.Clock;
import java.util.Optional;

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
 * Route {@value #ROUTE_ID}: takes a claimed notification from {@value #QUEUE}, looks up the person's
 * address in the district's definition, hands it to the channel's route ({@code direct:notify-<channel>})
 * and settles the claim: delivered; failed → pending again after the {@link Backoff}, or a dead letter
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
                .process(ex -> deliver(ex.getIn().getBody(Notification.class)));
    }

    static String channelRoute(NotificationChannel channel) {
        return "notify-" + channel.wireName();
    }

    void deliver(Notification n) {
        String node = runtime.settings().node();
        if (n.channel() == NotificationChannel.INBOX) {
            outbox.delivered(n.id(), node, "inbox");
            return;
        }
        try {
            String route = channelRoute(n.channel());
            if (!runtime.has(route)) {
                throw ChannelFailure.passing("渠道未配置 (channel " + n.channel().wireName() + " is not configured)");
            }
            Outgoing out = new Outgoing(n, address(n));
            Exchange done = producer.send("direct:" + route, e -> e.setProperty(Outgoing.PROPERTY, out));
            if (done.getException() != null) {
                throw done.getException();
            }
            outbox.delivered(n.id(), node, done.getProperty(RECEIPT, String.class));
        } catch (ChannelFailure f) {
            settle(n, node, f);
        } catch (Exception e) {
            LOG.debug("Notification {} ({}): {}", n.id(), n.channel().wireName(), e.getClass().getName());
            settle(n, node, ChannelFailure.passing("渠道异常 (channel failed): " + e.getClass().getSimpleName()));
        }
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
                Optional<java.time.Instant> next = runtime.settings().backoff().next(attempt, clock.instant());
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
