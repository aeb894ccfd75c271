package org.gongzhi.core.integration.internal;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.integration.DispatchRefusedException;

/**
 * {@code seda:gongzhi-deliver} → claim → connector route of the department's type → settle.
 * Quick redeliveries with exponential back-off happen here (Camel); a round that still fails is
 * settled as failed and the outbox brings it back after a longer, doubling delay; refusals for
 * good ({@link DispatchRefusedException}, e.g. HTTP 4xx) become dead letters at once.
 */
final class DeliveryRoute extends RouteBuilder {

    /** Where dispatches wait for delivery (producers use this very URI, so the queue size agrees). */
    static final String QUEUE = "seda:gongzhi-deliver?size=100000";
    static final String ROUTE_ID = "dispatch-delivery";

    private final DeliverySteps steps;
    private final CamelRuntime.Settings settings;

    DeliveryRoute(DeliverySteps steps, CamelRuntime.Settings settings) {
        this.steps = steps;
        this.settings = settings;
    }

    /** The queue with its consumer options. */
    static String queue(int consumers) {
        return QUEUE + "&concurrentConsumers=" + consumers;
    }

    @Override
    public void configure() {
        onException(DispatchRefusedException.class)
                .maximumRedeliveries(0).handled(true).process(steps::dead);
        onException(Exception.class)
                .maximumRedeliveries(settings.redeliveries())
                .redeliveryDelay(settings.redeliveryDelay().toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .asyncDelayedRedelivery()
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false)
                .handled(true).process(steps::failed);

        from(queue(settings.consumers())).routeId(ROUTE_ID)
                .process(steps::claim)
                .filter(exchangeProperty(ConnectorExchange.DISPATCH).isNotNull())
                    .process(steps::route)
                    .filter(exchangeProperty(ConnectorExchange.CONNECTOR).isNotNull())
                        // block=false: a type whose route is missing (its plugin is not installed) fails at once and
                        // takes the normal retry path, instead of holding a delivery thread for direct's 30 s wait
                        .toD(ConnectorExchange.endpoint("${exchangeProperty." + DeliverySteps.CONNECTOR_TYPE + "}")
                                + "?block=false")
                        .process(steps::delivered);
    }
}
