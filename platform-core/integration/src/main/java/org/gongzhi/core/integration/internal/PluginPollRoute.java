package org.gongzhi.core.integration.internal;

import java.time.Duration;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.tenant.ConnectorDefinition;

/**
 * The poll of one department whose connector is a polling plugin type: every interval, asks
 * {@link PluginConnectors#poll} (the plugin's {@code DepartmentConnector.poll}); a failure is logged
 * and the next poll runs as planned.
 */
final class PluginPollRoute extends RouteBuilder {

    private final String routeId;
    private final String tenant;
    private final String department;
    private final ConnectorDefinition connector;
    private final Duration every;
    private final PluginConnectors connectors;

    PluginPollRoute(String routeId, String tenant, String department, ConnectorDefinition connector, Duration every,
                    PluginConnectors connectors) {
        this.routeId = routeId;
        this.tenant = tenant;
        this.department = department;
        this.connector = connector;
        this.every = every;
        this.connectors = connectors;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).logExhausted(false)
                .log(LoggingLevel.WARN, "Poll of " + tenant + "/" + department + " by connector type " + connector.type()
                        + " failed: ${exception}");
        long period = every.toMillis();
        fromF("timer:%s?period=%d&delay=%d", routeId, period, Math.min(period, 1000)).routeId(routeId)
                .process(ex -> connectors.poll(tenant, department, connector));
    }
}
