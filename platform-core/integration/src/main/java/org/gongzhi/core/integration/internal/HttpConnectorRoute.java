package org.gongzhi.core.integration.internal;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.tenant.ConnectorDefinition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Connector type {@code http}: POSTs the dispatch as JSON to {@code url}, with
 * {@code Idempotency-Key} and {@code X-Gongzhi-Dispatch-Id} set to the dispatch id and, when
 * configured, {@code authHeader: authValue}. A 2xx answer delivers it (receipt: the answer's
 * {@code receipt} field, else the status); other answers are judged by {@link Connectors#checkAnswer}.
 */
final class HttpConnectorRoute extends RouteBuilder {

    static final String ROUTE_ID = "connector-http";

    @Override
    public void configure() {
        errorHandler(noErrorHandler()); // failures go back to the delivery route, which judges them
        from(ConnectorExchange.endpoint("http")).routeId(ROUTE_ID)
                .process(HttpConnectorRoute::request)
                .to(Connectors.HTTP)
                .process(Connectors::checkAnswer)
                .process(HttpConnectorRoute::receipt);
    }

    private static void request(Exchange ex) {
        OutboundDispatch d = Connectors.dispatch(ex);
        ConnectorDefinition c = Connectors.connector(ex);
        Message m = ex.getIn();
        m.removeHeaders("*", Connectors.KEEP_HEADERS);
        m.setHeader(Exchange.HTTP_URI, Connectors.option(c, "url", d.tenantId(), d.department()));
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        m.setHeader("Accept", "application/json");
        m.setHeader("Idempotency-Key", d.dispatchId().toString());
        m.setHeader("X-Gongzhi-Dispatch-Id", d.dispatchId().toString());
        String header = c.options().get("authHeader");
        if (header != null && !header.isBlank()) {
            m.setHeader(header, c.option("authValue", ""));
        }
    }

    private static void receipt(Exchange ex) {
        String body = Connectors.body(ex);
        String receipt = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode answer = DeliverySteps.JSON.readTree(body);
                receipt = answer.path("receipt").isTextual() ? answer.path("receipt").textValue() : null;
            } catch (java.io.IOException notJson) {
                receipt = null;
            }
        }
        if (receipt == null) {
            receipt = "HTTP " + ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        }
        ex.setProperty(ConnectorExchange.RECEIPT, receipt);
    }
}
