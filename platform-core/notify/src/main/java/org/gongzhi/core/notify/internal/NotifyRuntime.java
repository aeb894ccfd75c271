package org.gongzhi.core.notify.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.gongzhi.core.camel.BundleCamel;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the bundle's Camel context and the delivery settings (PID {@value #PID}). The channel
 * components add their routes here.
 */
@Component(service = NotifyRuntime.class, configurationPid = NotifyRuntime.PID)
@Designate(ocd = NotifyRuntime.Config.class)
public final class NotifyRuntime extends BundleCamel {

    static final String PID = "org.gongzhi.notify";

    @ObjectClassDefinition(name = "Gongzhi notifications", description = "Delivery of the notification outbox")
    public @interface Config {
        @AttributeDefinition(description = "This node's name in outbox leases; unique per platform node "
                + "(default: karaf.name@host#pid)")
        String node() default "";

        @AttributeDefinition(description = "Parallel deliveries (each mostly waits for the provider and its commit: "
                + "4 delivered 10,000 cases' warnings too slowly, docs/performance.md)")
        int consumers() default 16;

        @AttributeDefinition(description = "Outbox poll period in ms")
        long pollMillis() default 1000;

        @AttributeDefinition(description = "Notifications claimed per poll")
        int batchSize() default 100;

        @AttributeDefinition(description = "Lease of a claimed notification in seconds")
        long leaseSeconds() default 120;

        @AttributeDefinition(description = "Delay after the first failed attempt in seconds; doubles per attempt")
        long retryBaseSeconds() default 30;

        @AttributeDefinition(description = "Longest delay between attempts in seconds")
        long retryMaxSeconds() default 1800;

        @AttributeDefinition(description = "Attempts before a notification becomes a dead letter")
        int maxAttempts() default 8;

        @AttributeDefinition(description = "Shortest time between two SMS to one person in seconds; what comes "
                + "sooner waits and goes out with the others as one digest (0: no pace, no digests)")
        long paceSmsSeconds() default 15;

        @AttributeDefinition(description = "Shortest time between two e-mails to one person in seconds (as for SMS)")
        long paceEmailSeconds() default 15;

        @AttributeDefinition(description = "Shortest time between two messages to one WeCom group robot in seconds; "
                + "a robot takes at most 20 a minute and is then blocked for 10 minutes")
        long paceWecomSeconds() default 4;

        @AttributeDefinition(description = "Most notifications in one digest (at 15 s pace, 5,000 is 20,000 a "
                + "minute to one person)")
        int digestMax() default 5000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NotifyRuntime.class);

    private final Settings settings;

    @Activate
    public NotifyRuntime(Config config) {
        this(Settings.of(config, BundleCamel.defaultNode("/notify")));
    }

    NotifyRuntime(Settings settings) {
        super("gongzhi-notify", NotifyRuntime.class, context -> { });
        this.settings = settings;
        LOG.info("Notification delivery (Camel {}) started for node {}", camel().getVersion(), settings.node());
    }

    Settings settings() {
        return settings;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** The settings in force, with defaults applied. */
    record Settings(String node, int consumers, Duration poll, int batchSize, Duration lease, Backoff backoff,
                    Pace pace, int digestMax) {

        static Settings of(Config c, String defaultNode) {
            Map<NotificationChannel, Duration> pace = new EnumMap<>(NotificationChannel.class);
            pace.put(NotificationChannel.SMS, Duration.ofSeconds(Math.max(0, c.paceSmsSeconds())));
            pace.put(NotificationChannel.EMAIL, Duration.ofSeconds(Math.max(0, c.paceEmailSeconds())));
            pace.put(NotificationChannel.WECOM, Duration.ofSeconds(Math.max(0, c.paceWecomSeconds())));
            return new Settings(c.node().isBlank() ? defaultNode : c.node().strip(), Math.max(1, c.consumers()),
                    Duration.ofMillis(Math.max(50, c.pollMillis())), Math.max(1, c.batchSize()),
                    Duration.ofSeconds(Math.max(10, c.leaseSeconds())),
                    new Backoff(Duration.ofSeconds(Math.max(1, c.retryBaseSeconds())),
                            Duration.ofSeconds(Math.max(1, c.retryMaxSeconds())), Math.max(1, c.maxAttempts())),
                    new Pace(pace), Math.max(1, c.digestMax()));
        }
    }
}
