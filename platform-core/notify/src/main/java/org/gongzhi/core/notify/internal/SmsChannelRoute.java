package org.gongzhi.core.notify.internal;

import java.net.URI;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Route {@value #ROUTE_ID}: a notification → {@code POST url} of the platform's SMS provider, the same
 * provider and request as the integration bundle's {@code sms} route (PID {@code org.gongzhi.sms}: JSON
 * {@code {"to", "text", "signature", "tenant"}}, text = signature + text, the configured
 * {@code Authorization}); {@code Idempotency-Key} is the notification id, the same on every attempt. One
 * attempt per call: the outbox retries with its back-off. Texts are cut at {@value #MAX_TEXT} characters.
 */
final class SmsChannelRoute extends RouteBuilder {

    static final String ROUTE_ID = "notify-sms";
    static final String COMPONENT = "gongzhi-notify-sms-http";
    static final int MAX_TEXT = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provider. */
    record Settings(URI url, String signature, String authorization) {
    }

    private final Settings settings;

    SmsChannelRoute(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("direct:" + ROUTE_ID).routeId(ROUTE_ID).errorHandler(noErrorHandler())
                .process(this::request)
                .to(COMPONENT + "://gongzhi-notify-sms?throwExceptionOnFailure=false")
                .process(ex -> {
                    HttpAnswers.check(ex, "短信服务商");
                    ex.setProperty(NotifyDeliverRoute.RECEIPT, receipt(ex));
                });
    }

    private void request(Exchange ex) throws Exception {
        Outgoing o = ex.getProperty(Outgoing.PROPERTY, Outgoing.class);
        String text = o.notification().text();
        ObjectNode body = JSON.createObjectNode();
        body.put("to", o.address());
        body.put("text", settings.signature() + (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text));
        body.put("signature", settings.signature());
        body.put("tenant", o.notification().tenantId());
        Message m = ex.getIn();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_URI, settings.url().toString());
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        m.setHeader("Accept", "application/json");
        m.setHeader("Idempotency-Key", o.notification().id().toString());
        if (!settings.authorization().isEmpty()) {
            m.setHeader("Authorization", settings.authorization());
        }
        m.setBody(JSON.writeValueAsString(body));
    }

    private static String receipt(Exchange ex) {
        try {
            String answer = ex.getMessage().getBody(String.class);
            return answer == null ? null : JSON.readTree(answer).path("messageId").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
