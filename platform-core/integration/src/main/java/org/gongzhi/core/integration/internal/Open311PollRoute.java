package org.gongzhi.core.integration.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.gongzhi.core.service.dispatch.DepartmentUpdates;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.tenant.ConnectorDefinition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows up the service requests an {@code open311} connector created: every {@code pollSeconds}
 * (default 60) asks {@code GET <url>/requests.json?jurisdiction_id=…&service_request_id=a,b,…}
 * about the dispatches still with the department, and reports each request the department's
 * system has {@code closed} as {@code resolved} (note: its {@code status_notes}, photo: its
 * {@code media_url}). The update id {@code open311:<id>:closed} makes repeats harmless.
 */
final class Open311PollRoute extends RouteBuilder {

    private static final String AWAITING = "GongzhiAwaiting";

    private final String routeId;
    private final String tenant;
    private final String department;
    private final ConnectorDefinition connector;
    private final DispatchOutbox outbox;
    private final DepartmentUpdates updates;

    Open311PollRoute(String routeId, String tenant, String department, ConnectorDefinition connector, DispatchOutbox outbox,
                     DepartmentUpdates updates) {
        this.routeId = routeId;
        this.tenant = tenant;
        this.department = department;
        this.connector = connector;
        this.outbox = outbox;
        this.updates = updates;
    }

    @Override
    public void configure() {
        long period = Long.parseLong(connector.option("pollSeconds", "60")) * 1000;
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Open311 poll of " + tenant + "/" + department + " failed: ${exception.message}");
        fromF("timer:%s?period=%d&delay=%d", routeId, period, Math.min(period, 5000)).routeId(routeId)
                .process(this::ask)
                .filter(exchangeProperty(AWAITING).isNotNull())
                    .to(Connectors.HTTP)
                    .process(Connectors::checkAnswer)
                    .process(this::report);
    }

    private void ask(Exchange ex) {
        Map<String, OutboundDispatch> byRequest = new HashMap<>();
        for (OutboundDispatch d : outbox.awaitingProgress(tenant, department, 100)) {
            if (d.receipt() != null && !d.receipt().startsWith(Open311ConnectorRoute.TOKEN_PREFIX)) {
                byRequest.put(d.receipt(), d);
            }
        }
        if (byRequest.isEmpty()) {
            return;
        }
        ex.setProperty(AWAITING, byRequest);
        ex.getIn().removeHeaders("*", Connectors.KEEP_HEADERS);
        ex.getIn().setBody(null);
        ex.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
        ex.getIn().setHeader(Exchange.HTTP_URI, Connectors.option(connector, "url", tenant, department) + "/requests.json");
        ex.getIn().setHeader(Exchange.HTTP_QUERY, "jurisdiction_id=" + enc(connector.options().get("jurisdictionId"))
                + "&service_request_id=" + byRequest.keySet().stream().map(Open311PollRoute::enc).collect(Collectors.joining(",")));
    }

    private void report(Exchange ex) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, OutboundDispatch> byRequest = ex.getProperty(AWAITING, Map.class);
        JsonNode answer = DeliverySteps.JSON.readTree(Connectors.body(ex));
        for (JsonNode request : answer) {
            String id = request.path("service_request_id").asText();
            OutboundDispatch d = byRequest.get(id);
            if (d == null || !"closed".equalsIgnoreCase(request.path("status").asText())) {
                continue;
            }
            String notes = request.path("status_notes").asText("");
            List<String> photos = request.path("media_url").isTextual() && !request.path("media_url").asText().isBlank()
                    ? List.of(request.path("media_url").asText()) : List.of();
            DepartmentUpdate u = new DepartmentUpdate("open311:" + id + ":closed", d.dispatchId(), null, "resolved",
                    notes.isBlank() ? "部门系统已办结 (closed in the department's Open311 system)" : notes, photos,
                    updated(request), null, "open311:" + department);
            try {
                updates.apply(tenant, department, u);
            } catch (ConflictException e) {
                log.debug("Open311 request {} of {}/{} not applied: {}", id, tenant, department, e.getMessage());
            }
        }
    }

    private static Instant updated(JsonNode request) {
        try {
            return OffsetDateTime.parse(request.path("updated_datetime").asText()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
