package org.gongzhi.core.integration.internal;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.gongzhi.core.service.residents.SmsGateway;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SmsGateway}: sends through {@link SmsRoute} in the integration's Camel context. Registered
 * only while {@code etc/org.gongzhi.sms.cfg} exists with a valid {@code url}. Blocks until the provider
 * accepted the message or the retries are spent; then {@link SmsGateway.SmsUnavailableException}. Phone
 * numbers and texts are never logged; a failure is logged with the district and the provider's status.
 */
@Component(service = SmsGateway.class, configurationPid = SmsConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmsConfig.class)
public final class CamelSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(CamelSmsGateway.class);

    private final CamelRuntime runtime;
    private final ProducerTemplate producer;

    @Activate
    public CamelSmsGateway(@Reference CamelRuntime runtime, SmsConfig config) throws Exception {
        this(runtime, SmsRoute.Settings.of(config));
    }

    CamelSmsGateway(CamelRuntime runtime, SmsRoute.Settings settings) throws Exception {
        this.runtime = runtime;
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(settings.connectTimeout().toMillis());
        http.setConnectionRequestTimeout(settings.connectTimeout().toMillis());
        http.setResponseTimeout(settings.responseTimeout().toMillis());
        http.setSoTimeout(settings.responseTimeout().toMillis());
        http.setAutomaticRetriesDisabled(true); // the route retries, with its delays
        runtime.camel().removeComponent(SmsRoute.COMPONENT); // one left by an earlier configuration
        runtime.camel().addComponent(SmsRoute.COMPONENT, http);
        runtime.add(new SmsRoute(settings));
        this.producer = runtime.camel().createProducerTemplate();
        LOG.info("SMS gateway ready: provider {}://{}", settings.url().getScheme(), settings.url().getAuthority());
    }

    @Override
    public void send(String tenantId, String phone, String text) throws SmsUnavailableException {
        Exchange ex = producer.send(SmsRoute.ENDPOINT, e -> {
            e.setProperty(SmsRoute.SmsGatewayTexts.TEXT, new SmsRoute.Text(tenantId, phone, text));
            e.setProperty(SmsRoute.SmsGatewayTexts.REFERENCE, SmsRoute.SmsGatewayTexts.newReference());
        });
        Exception failure = ex.getException();
        if (failure != null) {
            String reason = reason(failure);
            LOG.warn("SMS for district {} not sent: {}", tenantId, reason);
            throw new SmsUnavailableException(reason, null); // the cause could name the exchange: kept out
        }
    }

    /** What went wrong, in words that carry no part of the message. */
    static String reason(Exception failure) {
        if (failure instanceof SmsRoute.Refused || failure instanceof SmsRoute.Failed) {
            return failure.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "短信服务商无应答 (the SMS provider did not answer in time)";
            }
        }
        return "短信服务商无法连接 (the SMS provider could not be reached): " + failure.getClass().getSimpleName();
    }

    @Deactivate
    void stop() {
        runtime.remove(SmsRoute.ROUTE_ID);
        runtime.remove(SmsRoute.CALL_ROUTE_ID);
        try {
            producer.stop();
        } catch (Exception e) {
            LOG.debug("Producer template did not stop cleanly", e);
        }
        runtime.camel().removeComponent(SmsRoute.COMPONENT);
    }
}
