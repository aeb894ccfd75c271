package org.gongzhi.core.camel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bundle's own Camel context: started at construction with the bundle's class loader, routes
 * added and removed by id while it runs, stopped by {@link #stop()}. Thread-safe as Camel is. A
 * bundle's runtime component extends it with its settings (its {@code @Deactivate} calls
 * {@link #stop()}).
 */
public class BundleCamel {

    private static final Logger LOG = LoggerFactory.getLogger(BundleCamel.class);

    private final CamelContext camel;

    /**
     * Starts a context named {@code name} that loads classes through {@code owner}'s loader;
     * {@code configure} sets its components up before it starts.
     */
    protected BundleCamel(String name, Class<?> owner, Consumer<DefaultCamelContext> configure) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.setApplicationContextClassLoader(owner.getClassLoader());
        context.getShutdownStrategy().setTimeout(10);
        configure.accept(context);
        context.start();
        this.camel = context;
    }

    public CamelContext camel() {
        return camel;
    }

    /** Adds routes; the context is started, so they start at once. */
    public void add(RoutesBuilder routes) throws Exception {
        camel.addRoutes(routes);
    }

    /** Stops and removes a route; false when there is none with that id or it would not stop. */
    public boolean remove(String routeId) {
        try {
            if (camel.getRoute(routeId) == null) {
                return false;
            }
            camel.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
            return camel.removeRoute(routeId);
        } catch (Exception e) {
            LOG.warn("Could not remove route {}", routeId, e);
            return false;
        }
    }

    /** Whether a route with this id runs. */
    public boolean has(String routeId) {
        return camel.getRoute(routeId) != null;
    }

    public void stop() {
        camel.stop();
    }

    /**
     * {@code karaf.name@host#pid} followed by {@code suffix}: a node's name in outbox leases when none is
     * configured; unique per running process, so that two nodes on one host never hold each other's leases.
     */
    public static String defaultNode(String suffix) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        // the process id too: two nodes on one host (tests, drills, a small district) must not share a name
        return System.getProperty("karaf.name", "karaf") + "@" + host + "#" + ProcessHandle.current().pid() + suffix;
    }
}
