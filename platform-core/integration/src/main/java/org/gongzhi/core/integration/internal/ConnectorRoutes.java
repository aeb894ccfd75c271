package org.gongzhi.core.integration.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.service.dispatch.DepartmentUpdates;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.ConnectorDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes that run per department connector: the Open311 poll of each {@code open311}
 * connector, the progress-file watcher of each {@code file} connector with an
 * {@code updatesDirectory}, and the poll of each connector of a plugin type that polls
 * ({@link PluginConnectors}). Reconciled with the connectors in force whenever a Config Admin
 * override changes, when a plugin's connector type comes or goes, and every 30 s (districts created at run time): a changed connector gets its
 * route replaced, a removed one loses it.
 */
@Component(immediate = true)
public final class ConnectorRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRoutes.class);
    static final String REFRESH_ROUTE = "connector-routes-refresh";

    private final CamelRuntime runtime;
    private final ConnectorDirectory connectors;
    private final TenantDirectory tenants;
    private final DispatchOutbox outbox;
    private final DepartmentUpdates updates;
    private final PluginConnectors plugins;
    /** Route id → what it was planned from (the connector, and for a plugin poll its connector and interval). */
    private final Map<String, Object> running = new HashMap<>();
    private final Runnable listener = this::reconcile;

    @Activate
    public ConnectorRoutes(@Reference CamelRuntime runtime, @Reference ConnectorDirectory connectors,
                           @Reference TenantDirectory tenants, @Reference DispatchOutbox outbox,
                           @Reference DepartmentUpdates updates, @Reference PluginConnectors plugins) throws Exception {
        this.runtime = runtime;
        this.connectors = connectors;
        this.tenants = tenants;
        this.outbox = outbox;
        this.updates = updates;
        this.plugins = plugins;
        reconcile();
        connectors.onChange(listener);
        plugins.onChange(listener);
        runtime.add(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:" + REFRESH_ROUTE + "?period=30000&delay=30000").routeId(REFRESH_ROUTE)
                        .process(ex -> reconcile());
            }
        });
    }

    /** Brings the per-connector routes in line with the connectors in force. */
    synchronized void reconcile() {
        Map<String, Object> wanted = new HashMap<>();
        Map<String, RoutesBuilder> builders = new HashMap<>();
        for (TenantDefinition t : tenants.tenants()) {
            for (DepartmentDefinition d : t.departments()) {
                connectors.find(t.id(), d.code()).ifPresent(c -> plan(t.id(), d.code(), c, wanted, builders));
            }
        }
        running.entrySet().removeIf(e -> {
            if (!Objects.equals(wanted.get(e.getKey()), e.getValue())) {
                runtime.remove(e.getKey());
                LOG.info("Route {} stopped (its connector changed or went)", e.getKey());
                return true;
            }
            return false;
        });
        wanted.forEach((id, c) -> {
            if (!running.containsKey(id)) {
                try {
                    runtime.add(builders.get(id));
                    running.put(id, c);
                    LOG.info("Route {} started ({})", id, c);
                } catch (Exception e) {
                    LOG.warn("Route {} could not start: {}", id, e.getMessage(), e);
                }
            }
        });
    }

    private void plan(String tenant, String department, ConnectorDefinition c, Map<String, Object> wanted,
                      Map<String, RoutesBuilder> builders) {
        if (c.type().equals("open311")) {
            String id = "open311-poll-" + tenant + "-" + department;
            wanted.put(id, c);
            builders.put(id, new Open311PollRoute(id, tenant, department, c, outbox, updates));
        }
        String dir = Connectors.option(c, "updatesDirectory", tenant, department);
        if (c.type().equals("file") && dir != null && !dir.isBlank()) {
            String id = "file-updates-" + tenant + "-" + department;
            wanted.put(id, c);
            builders.put(id, new FileUpdatesRoute(id, tenant, department, Path.of(dir), updates));
        }
        plugins.find(c.type()).ifPresent(b -> {
            java.time.Duration every = PluginConnectors.pollInterval(b, c);
            if (!every.isZero()) {
                String id = "plugin-poll-" + tenant + "-" + department;
                wanted.put(id, java.util.List.of(c, b.connector(), every));
                builders.put(id, new PluginPollRoute(id, tenant, department, c, every, plugins));
            }
        });
    }

    @Deactivate
    synchronized void stop() {
        connectors.removeListener(listener);
        plugins.removeListener(listener);
        runtime.remove(REFRESH_ROUTE);
        running.keySet().forEach(runtime::remove);
        running.clear();
    }
}
