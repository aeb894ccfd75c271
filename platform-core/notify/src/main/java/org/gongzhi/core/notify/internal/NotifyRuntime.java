package org.gongzhi.core.notify.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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
public final class NotifyRuntime {

    static final String PID = "org.gongzhi.notify";

    @ObjectClassDefinition(name = "Gongzhi notifications", description = "Delivery of the notification outbox")
    public @interface Config {
        @AttributeDefinition(description = "This node's name in outbox leases; unique per platform node "
                + "(default: karaf.name@host name)")
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
    }

    private static final Logger LOG = LoggerFactory.getLogger(NotifyRuntime.class);

    private final CamelContext camel;
    private final Settings settings;

    @Activate
    public NotifyRuntime(Config config) {
        this(Settings.of(config, defaultNode()));
    }

    NotifyRuntime(Settings settings) {
        this.settings = settings;
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("gongzhi-notify");
        context.setApplicationContextClassLoader(NotifyRuntime.class.getClassLoader());
        context.getShutdownStrategy().setTimeout(10);
        context.start();
        this.camel = context;
        LOG.info("Notification delivery (Camel {}) started for node {}", context.getVersion(), settings.node());
    }

    CamelContext camel() {
        return camel;
    }

    Settings settings() {
        return settings;
    }

    /** Adds routes; the context is started, so they start at once. */
    void add(RoutesBuilder routes) throws Exception {
        camel.addRoutes(routes);
    }

    /** Stops and removes a route; false when there is none with that id. */
    boolean remove(String routeId) {
        try {
            if (camel.getRoute(routeId) == null) {
                return false;
            }
            camel.getRouteController().stopRoute(routeId, 10, java.util.concurrent.TimeUnit.SECONDS);
            return camel.removeRoute(routeId);
        } catch (Exception e) {
            LOG.warn("Could not remove route {}", routeId, e);
            return false;
        }
    }

    /** Whether a channel route is there (its component is configured). */
    boolean has(String routeId) {
        return camel.getRoute(routeId) != null;
    }

    @Deactivate
    void stop() {
        camel.stop();
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("karaf.name", "karaf") + "@" + host + "/notify";
    }

    /** The settings in force, with defaults applied. */
    record Settings(String node, int consumers, Duration poll, int batchSize, Duration lease, Backoff backoff) {

        static Settings of(Config c, String defaultNode) {
            return new Settings(c.node().isBlank() ? defaultNode : c.node().strip(), Math.max(1, c.consumers()),
                    Duration.ofMillis(Math.max(50, c.pollMillis())), Math.max(1, c.batchSize()),
                    Duration.ofSeconds(Math.max(10, c.leaseSeconds())),
                    new Backoff(Duration.ofSeconds(Math.max(1, c.retryBaseSeconds())),
                            Duration.ofSeconds(Math.max(1, c.retryMaxSeconds())), Math.max(1, c.maxAttempts())));
        }
    }
}
