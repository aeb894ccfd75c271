package org.gongzhi.core.integration.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.component.http.HttpComponent;
import org.gongzhi.core.camel.BundleCamel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the bundle's Camel context and the integration settings (PID {@code org.gongzhi.integration}).
 * Other components of this bundle add and remove their routes here.
 */
@Component(service = CamelRuntime.class, configurationPid = "org.gongzhi.integration")
@Designate(ocd = CamelRuntime.Config.class)
public final class CamelRuntime extends BundleCamel {

    @ObjectClassDefinition(name = "Gongzhi department integration",
            description = "Delivery of dispatches to department systems and intake from them")
    public @interface Config {
        @AttributeDefinition(description = "This node's name in outbox leases; unique per platform node "
                + "(default: karaf.name@host#pid)")
        String node() default "";

        @AttributeDefinition(description = "Parallel deliveries")
        int consumers() default 16;

        @AttributeDefinition(description = "Quick redeliveries (Camel) within one delivery round")
        int redeliveries() default 2;

        @AttributeDefinition(description = "First quick redelivery delay in ms; doubles each time")
        long redeliveryDelayMillis() default 200;

        @AttributeDefinition(description = "Delay before the second round in seconds; doubles per round")
        long retryBaseSeconds() default 1;

        @AttributeDefinition(description = "Longest delay between rounds in seconds")
        long retryMaxSeconds() default 60;

        @AttributeDefinition(description = "Rounds before a dispatch becomes a dead letter")
        int maxAttempts() default 12;

        @AttributeDefinition(description = "Outbox poll period in ms")
        long pollMillis() default 500;

        @AttributeDefinition(description = "Dispatches claimed per poll")
        int batchSize() default 200;

        @AttributeDefinition(description = "Lease of a claimed dispatch in seconds")
        long leaseSeconds() default 120;

        @AttributeDefinition(description = "HTTP connect timeout to department systems in ms")
        long connectTimeoutMillis() default 5000;

        @AttributeDefinition(description = "HTTP response timeout of department systems in ms")
        long responseTimeoutMillis() default 15000;

        @AttributeDefinition(description = "Folder for file exchanges (the hotline's in/ and out/ per district); "
                + "default: <karaf.data>/exchange")
        String exchangeRoot() default "";

        @AttributeDefinition(description = "Base URL of this platform as departments reach it (callbackUrl)")
        String publicUrl() default "http://localhost:8181";
    }

    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    private final Settings settings;

    @Activate
    public CamelRuntime(Config config) throws Exception {
        this(Settings.of(config, BundleCamel.defaultNode(""),
                Path.of(System.getProperty("karaf.data", "data"), "exchange")));
    }

    CamelRuntime(Settings settings) throws Exception {
        super("gongzhi", CamelRuntime.class, context -> {
            HttpComponent http = context.getComponent("http", HttpComponent.class);
            http.setConnectTimeout(settings.connectTimeout().toMillis());
            http.setResponseTimeout(settings.responseTimeout().toMillis());
            http.setSoTimeout(settings.responseTimeout().toMillis());
            http.setAutomaticRetriesDisabled(true); // Camel redelivers; hidden client retries would block a consumer
            http.setConnectionsPerRoute(Math.max(20, settings.consumers()));
            http.setMaxTotalConnections(Math.max(200, settings.consumers() * 4));
        });
        this.settings = settings;
        LOG.info("Camel {} started for node {}", camel().getVersion(), settings.node());
    }

    Settings settings() {
        return settings;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** The settings in force, with defaults applied. */
    record Settings(String node, int consumers, int redeliveries, Duration redeliveryDelay, Duration retryBase,
                    Duration retryMax, int maxAttempts, Duration poll, int batchSize, Duration lease,
                    Duration connectTimeout, Duration responseTimeout, Path exchangeRoot, String publicUrl) {

        static Settings of(Config c, String defaultNode, Path defaultRoot) {
            return new Settings(c.node().isBlank() ? defaultNode : c.node().strip(), Math.max(1, c.consumers()),
                    Math.max(0, c.redeliveries()), Duration.ofMillis(c.redeliveryDelayMillis()),
                    Duration.ofSeconds(Math.max(1, c.retryBaseSeconds())), Duration.ofSeconds(Math.max(1, c.retryMaxSeconds())),
                    Math.max(1, c.maxAttempts()), Duration.ofMillis(Math.max(50, c.pollMillis())), Math.max(1, c.batchSize()),
                    Duration.ofSeconds(Math.max(10, c.leaseSeconds())), Duration.ofMillis(c.connectTimeoutMillis()),
                    Duration.ofMillis(c.responseTimeoutMillis()),
                    c.exchangeRoot().isBlank() ? defaultRoot : Path.of(c.exchangeRoot()), stripSlash(c.publicUrl()));
        }

        private static String stripSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
