package org.gongzhi.core.integration.internal;

import org.apache.camel.Exchange;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.service.OutboundDispatch;
import org.gongzhi.core.tenant.ConnectorDefinition;

/** Small helpers the connector routes share. */
final class Connectors {

    /** The HTTP endpoint every connector calls; the real URL comes in {@link Exchange#HTTP_URI}. */
    static final String HTTP = "http://gongzhi-department?throwExceptionOnFailure=true";

    private Connectors() {
    }

    static OutboundDispatch dispatch(Exchange ex) {
        return ex.getProperty(ConnectorExchange.DISPATCH, OutboundDispatch.class);
    }

    static ConnectorDefinition connector(Exchange ex) {
        return ex.getProperty(ConnectorExchange.CONNECTOR, ConnectorDefinition.class);
    }

    /** The option with {@code {tenant}} and {@code {department}} replaced; {@code null} when absent. */
    static String option(ConnectorDefinition c, String name, String tenant, String department) {
        String v = c.options().get(name);
        return v == null ? null : v.replace("{tenant}", tenant).replace("{department}", department);
    }

    /** The response body as text, {@code null} for none. */
    static String body(Exchange ex) {
        return ex.getMessage().getBody(String.class);
    }
}
