package org.gongzhi.core.integration.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.integration.DispatchRefusedException;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.tenant.ConnectorDefinition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Connector type {@code open311}: creates a service request on a department system that speaks
 * Open311 GeoReport v2 ({@code POST <url>/requests.json}, form encoded: {@code jurisdiction_id},
 * {@code service_code}, {@code api_key}, {@code lat}/{@code long} or {@code address_string},
 * {@code description}, {@code media_url}). The receipt is the {@code service_request_id}, or
 * {@code token:<token>} when the server answers with a token; {@link Open311PollRoute} follows it up.
 */
final class Open311ConnectorRoute extends RouteBuilder {

    static final String ROUTE_ID = "connector-open311";
    static final String TOKEN_PREFIX = "token:";

    @Override
    public void configure() {
        errorHandler(noErrorHandler()); // failures go back to the delivery route, which judges them
        from(ConnectorExchange.endpoint("open311")).routeId(ROUTE_ID)
                .process(Open311ConnectorRoute::request)
                .to(Connectors.HTTP)
                .process(Connectors::checkAnswer)
                .process(Open311ConnectorRoute::receipt);
    }

    private static void request(Exchange ex) throws Exception {
        OutboundDispatch d = Connectors.dispatch(ex);
        ConnectorDefinition c = Connectors.connector(ex);
        JsonNode p = DeliverySteps.JSON.readTree(ex.getIn().getBody(String.class));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jurisdiction_id", c.options().get("jurisdictionId"));
        form.put("service_code", c.options().get("serviceCode"));
        if (c.options().containsKey("apiKey")) {
            form.put("api_key", c.options().get("apiKey"));
        }
        if (p.path("latitude").isNumber() && p.path("longitude").isNumber()) {
            form.put("lat", p.path("latitude").asText());
            form.put("long", p.path("longitude").asText());
        }
        if (p.path("address").isTextual()) {
            form.put("address_string", p.path("address").textValue());
        }
        String description = p.path("title").asText() + (p.path("description").isTextual()
                ? "\n" + p.path("description").textValue() : "") + "\n[" + p.path("caseNumber").asText() + " / dispatch "
                + d.dispatchId() + "]";
        form.put("description", description);
        if (p.path("attachments").size() > 0) {
            form.put("media_url", p.path("attachments").get(0).asText());
        }
        ex.getIn().removeHeaders("*", Connectors.KEEP_HEADERS);
        ex.getIn().setHeader(Exchange.HTTP_URI, Connectors.option(c, "url", d.tenantId(), d.department()) + "/requests.json");
        ex.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        ex.getIn().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
        ex.getIn().setHeader("Idempotency-Key", d.dispatchId().toString());
        ex.getIn().setBody(form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    private static void receipt(Exchange ex) throws Exception {
        JsonNode answer = DeliverySteps.JSON.readTree(Connectors.body(ex));
        JsonNode first = answer.isArray() && answer.size() > 0 ? answer.get(0) : answer;
        if (first.path("service_request_id").isValueNode() && !first.path("service_request_id").asText().isBlank()) {
            ex.setProperty(ConnectorExchange.RECEIPT, first.path("service_request_id").asText());
        } else if (first.path("token").isValueNode() && !first.path("token").asText().isBlank()) {
            ex.setProperty(ConnectorExchange.RECEIPT, TOKEN_PREFIX + first.path("token").asText());
        } else {
            throw new DispatchRefusedException("Open311 answer has neither service_request_id nor token: " + answer);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
