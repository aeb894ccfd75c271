package org.gongzhi.core.integration.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.integration.DispatchRefusedException;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.tenant.ConnectorDefinition;
import org.gongzhi.core.tenant.HotlineMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The steps of {@link DeliveryRoute}: claim, find the connector, and settle the outcome in the
 * outbox (delivered; failed → the next round after a doubling delay; dead when refused for good or
 * out of rounds).
 */
final class DeliverySteps {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySteps.class);
    static final ObjectMapper JSON = new ObjectMapper();
    /** Exchange property: the connector type, for the dynamic endpoint. */
    static final String CONNECTOR_TYPE = "GongzhiConnectorType";

    private final DispatchOutbox outbox;
    private final ConnectorDirectory connectors;
    private final CamelRuntime.Settings settings;
    private final Clock clock;

    DeliverySteps(DispatchOutbox outbox, ConnectorDirectory connectors, CamelRuntime.Settings settings, Clock clock) {
        this.outbox = outbox;
        this.connectors = connectors;
        this.settings = settings;
        this.clock = clock;
    }

    /** Body {@link UUID}: claims it (nothing to do if another node has it); body {@link OutboundDispatch}: claimed by the poll. */
    void claim(Exchange ex) {
        Object body = ex.getIn().getBody();
        Optional<OutboundDispatch> d = body instanceof UUID id
                ? outbox.claim(id, settings.node(), settings.lease())
                : Optional.of((OutboundDispatch) body);
        d.ifPresent(x -> ex.setProperty(ConnectorExchange.DISPATCH, x));
    }

    /** Finds the connector; without one the dispatch is settled as unrouted and goes no further. */
    void route(Exchange ex) throws Exception {
        OutboundDispatch d = ex.getProperty(ConnectorExchange.DISPATCH, OutboundDispatch.class);
        Optional<ConnectorDefinition> connector = connectors.find(d.tenantId(), d.department());
        if (connector.isEmpty()) {
            outbox.unrouted(d.dispatchId(), settings.node(), "部门未配置系统对接，在平台内办理 (the department has no connector: "
                    + "it works in the platform)");
            return;
        }
        ex.setProperty(ConnectorExchange.CONNECTOR, connector.get());
        ex.setProperty(CONNECTOR_TYPE, connector.get().type());
        if (HotlineMapping.REPLY_DEPARTMENT.equals(d.department())) {
            ex.getIn().setBody(d.payload()); // a reply to the hotline: nothing comes back, no callback URL
            return;
        }
        ObjectNode payload = (ObjectNode) JSON.readTree(d.payload());
        payload.put("callbackUrl", settings.publicUrl() + "/api/v1/tenants/" + d.tenantId() + "/departments/"
                + d.department() + "/updates");
        ex.getIn().setBody(JSON.writeValueAsString(payload));
    }

    void delivered(Exchange ex) {
        OutboundDispatch d = ex.getProperty(ConnectorExchange.DISPATCH, OutboundDispatch.class);
        String receipt = ex.getProperty(ConnectorExchange.RECEIPT, String.class);
        outbox.delivered(d.dispatchId(), settings.node(), receipt);
    }

    /** After the quick redeliveries failed: the next round, or a dead letter after the last. */
    void failed(Exchange ex) {
        OutboundDispatch d = ex.getProperty(ConnectorExchange.DISPATCH, OutboundDispatch.class);
        Exception e = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (d == null) {
            LOG.warn("Delivery failed before a dispatch was claimed", e);
            return;
        }
        String error = describe(e);
        int round = d.attempts() + 1;
        if (round >= settings.maxAttempts()) {
            outbox.dead(d.dispatchId(), settings.node(), "已尝试 " + round + " 轮仍失败 (out of attempts after " + round
                    + " rounds): " + error);
            LOG.warn("Dispatch {} of {} to {} is a dead letter after {} rounds: {}", d.dispatchId(), d.tenantId(),
                    d.department(), round, error);
            return;
        }
        Duration delay = delay(round, retryAfter(e));
        outbox.failed(d.dispatchId(), settings.node(), error, clock.instant().plus(delay));
        LOG.debug("Dispatch {} to {}/{} failed ({}); next round in {}", d.dispatchId(), d.tenantId(), d.department(), error, delay);
    }

    /** Refused for good (a dead letter at once). */
    void dead(Exchange ex) {
        OutboundDispatch d = ex.getProperty(ConnectorExchange.DISPATCH, OutboundDispatch.class);
        Exception e = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = "部门系统拒收 (refused by the department's system): " + describe(e);
        outbox.dead(d.dispatchId(), settings.node(), error);
        LOG.warn("Dispatch {} of {} to {} is a dead letter: {}", d.dispatchId(), d.tenantId(), d.department(), error);
    }

    /** The delay before round {@code round + 1}: base × 2^(round-1), at most the maximum, at least Retry-After. */
    Duration delay(int round, Duration retryAfter) {
        long base = settings.retryBase().toMillis();
        long ms = base << Math.min(20, Math.max(0, round - 1));
        long capped = Math.min(ms, settings.retryMax().toMillis());
        return Duration.ofMillis(Math.max(capped, Math.min(retryAfter.toMillis(), settings.retryMax().toMillis())));
    }

    private static Duration retryAfter(Exception e) {
        return e instanceof DepartmentUnavailableException u ? u.retryAfter() : Duration.ZERO;
    }

    static String describe(Exception e) {
        if (e == null) {
            return "unknown";
        }
        if (e instanceof DepartmentUnavailableException || e instanceof DispatchRefusedException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
