package org.gongzhi.core.integration.internal;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Routes {@value #ROUTE_ID} (retries) and {@value #CALL_ROUTE_ID} (one attempt): a text message ({@link Text})
 * → {@code POST url} of the SMS provider, JSON
 * {@code {"to", "text", "signature", "tenant"}} with {@code text} = signature + text, {@code Idempotency-Key} =
 * a fresh id per message (the same on retries), and the configured {@code Authorization}. A 2xx answer sent
 * it; a 4xx other than 408/429 is a refusal for good ({@link Refused}, not retried); anything else (I/O error,
 * timeout, 5xx, 408, 429) is retried {@code retries} times with a doubling delay, then fails. Nothing of the
 * message is logged: the exchange is never printed, its failure only by status.
 */
final class SmsRoute extends RouteBuilder {

    static final String ROUTE_ID = "sms";
    static final String ENDPOINT = "direct:gongzhi-sms";
    static final String CALL_ROUTE_ID = "sms-call";
    static final String CALL = "direct:gongzhi-sms-call";
    /** The route's own HTTP component: its timeouts are the provider's, not the department systems'. */
    static final String COMPONENT = "gongzhi-sms-http";

    /** One message to send. */
    record Text(String tenant, String phone, String text) {
    }

    /** The provider refused the message for good (a 4xx). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The provider failed in a way that may pass. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** The settings in force. */
    record Settings(URI url, String signature, String authorization, Duration connectTimeout, Duration responseTimeout,
                    int retries, Duration retryDelay) {

        static Settings of(SmsConfig c) {
            URI url;
            try {
                url = URI.create(c.url() == null ? "" : c.url().strip());
            } catch (IllegalArgumentException e) {
                url = null;
            }
            if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("短信服务地址无效 (org.gongzhi.sms url must be an http(s) URL)");
            }
            return new Settings(url, c.signature() == null ? "" : c.signature().strip(),
                    c.authorization() == null ? "" : c.authorization().strip(),
                    Duration.ofMillis(Math.max(100, c.connectTimeoutMillis())),
                    Duration.ofMillis(Math.max(100, c.responseTimeoutMillis())), Math.max(0, Math.min(5, c.retries())),
                    Duration.ofMillis(Math.max(0, c.retryDelayMillis())));
        }
    }

    private final Settings settings;

    SmsRoute(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        // the retries: each one runs the whole call route again, which builds the request anew
        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(settings.retries())
                .redeliveryDelay(settings.retryDelay().toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG).logRetryAttempted(false)
                .logExhausted(false).logExhaustedMessageHistory(false).logExhaustedMessageBody(false)
                .logStackTrace(false).logHandled(false).logNewException(false));
        onException(Refused.class).maximumRedeliveries(0)
                .logExhausted(false).logExhaustedMessageHistory(false).logExhaustedMessageBody(false)
                .logStackTrace(false).logHandled(false).logNewException(false).logRetryAttempted(false);
        from(ENDPOINT).routeId(ROUTE_ID)
                .to(CALL);
        from(CALL).routeId(CALL_ROUTE_ID).errorHandler(noErrorHandler()) // failures go back to the retrying route
                .process(this::request)
                .to(COMPONENT + "://gongzhi-sms?throwExceptionOnFailure=false")
                .process(SmsRoute::answer);
    }

    private void request(Exchange ex) throws Exception {
        Text t = ex.getProperty(SmsGatewayTexts.TEXT, Text.class);
        ObjectNode body = DeliverySteps.JSON.createObjectNode();
        body.put("to", t.phone());
        body.put("text", settings.signature() + t.text());
        body.put("signature", settings.signature());
        body.put("tenant", t.tenant());
        Message m = ex.getIn();
        m.removeHeaders("*", Connectors.KEEP_HEADERS);
        m.setHeader(Exchange.HTTP_URI, settings.url().toString());
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        m.setHeader("Accept", "application/json");
        m.setHeader("Idempotency-Key", ex.getProperty(SmsGatewayTexts.REFERENCE, String.class));
        if (!settings.authorization().isEmpty()) {
            m.setHeader("Authorization", settings.authorization());
        }
        m.setBody(DeliverySteps.JSON.writeValueAsString(body));
    }

    private static void answer(Exchange ex) throws Refused, Failed {
        int status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new Refused("短信服务商拒收 (the SMS provider refused the message): HTTP " + status);
        }
        throw new Failed("短信服务商暂不可用 (the SMS provider failed): HTTP " + status);
    }

    /** Exchange properties of the route (kept apart from the headers, which go to the provider). */
    static final class SmsGatewayTexts {
        static final String TEXT = "GongzhiSmsText";
        static final String REFERENCE = "GongzhiSmsReference";

        private SmsGatewayTexts() {
        }

        static String newReference() {
            return UUID.randomUUID().toString();
        }
    }
}
