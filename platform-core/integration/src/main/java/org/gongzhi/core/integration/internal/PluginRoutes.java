package org.gongzhi.core.integration.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.gongzhi.plugin.api.DistrictModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes contributed by district model plugins: a {@link RoutesBuilder} service carrying the
 * property {@code gongzhi.model=<model id>} is added to the integration's Camel context while the
 * service exists, and its routes are removed when it goes (a plugin bundle stopped or
 * uninstalled). {@code RoutesBuilder} services without that property (any other bundle's) are not
 * taken. A connector type is better written against the Camel-free SPI
 * {@code org.gongzhi.plugin.api.connector} ({@link PluginConnectors}); a route consuming
 * {@code ConnectorExchange.endpoint(type)} still works.
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

    /** The well-formed model id in a service's properties ({@code gongzhi.model}), else {@code null}. */
    static String model(Map<String, Object> properties) {
        Object m = properties == null ? null : properties.get(DistrictModel.MODEL_PROPERTY);
        return m instanceof String s && MODEL_ID.matcher(s).matches() ? s : null;
    }

    private static final Pattern MODEL_ID = Pattern.compile("[a-z][a-z0-9-]*");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + DistrictModel.MODEL_PROPERTY + "=*)")
    synchronized void addRoutes(RoutesBuilder routes, Map<String, Object> properties) {
        String model = model(properties);
        if (model == null) {
            LOG.warn("Routes {} ignored: only routes of a district model (a well-formed {} property) are taken", routes,
                    DistrictModel.MODEL_PROPERTY);
            return;
        }
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
        LOG.info("Routes of model {} added: {}", model, now);
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
