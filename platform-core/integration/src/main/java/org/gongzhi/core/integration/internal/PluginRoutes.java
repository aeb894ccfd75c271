package org.gongzhi.core.integration.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes contributed by plugins: every {@link RoutesBuilder} service another bundle registers is
 * added to the integration's Camel context while the service exists, and its routes are removed
 * when it goes (a plugin bundle stopped or uninstalled). A connector type of a plugin is a route
 * consuming {@code ConnectorExchange.endpoint(type)}.
 */
@Component(immediate = true)
public final class PluginRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRoutes.class);

    private final CamelRuntime runtime;
    private final Map<RoutesBuilder, Set<String>> added = new ConcurrentHashMap<>();

    @Activate
    public PluginRoutes(@Reference CamelRuntime runtime) {
        this.runtime = runtime;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addRoutes(RoutesBuilder routes) {
        Set<String> before = ids(runtime.camel().getRoutes());
        try {
            runtime.add(routes);
        } catch (Exception e) {
            LOG.warn("Routes {} of a plugin could not be added: {}", routes, e.getMessage(), e);
            return;
        }
        Set<String> now = ids(runtime.camel().getRoutes());
        now.removeAll(before);
        added.put(routes, now);
        LOG.info("Plugin routes added: {}", now);
    }

    synchronized void removeRoutes(RoutesBuilder routes) {
        Set<String> ids = added.remove(routes);
        if (ids != null) {
            ids.forEach(runtime::remove);
            LOG.info("Plugin routes removed: {}", ids);
        }
    }

    private static Set<String> ids(List<Route> routes) {
        Set<String> ids = new HashSet<>();
        routes.forEach(r -> ids.add(r.getRouteId()));
        return ids;
    }
}
