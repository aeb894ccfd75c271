package org.gongzhi.core.notify.internal;

import java.net.URI;

import org.apache.camel.component.http.HttpComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel: route {@value SmsChannelRoute#ROUTE_ID} to the provider configured for the platform
 * (PID {@code org.gongzhi.sms}, the same file as the integration bundle's one-time codes). Without that
 * configuration there is no route and SMS notifications wait (the channel counts as down).
 */
@Component(service = SmsChannel.class, immediate = true, configurationPid = "org.gongzhi.sms",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class SmsChannel {

    /** The fields of {@code org.gongzhi.sms} this channel reads (the integration bundle defines them all). */
    @ObjectClassDefinition(name = "Gongzhi SMS provider (notifications)")
    public @interface Config {
        @AttributeDefinition(description = "The provider's send URL (http or https)")
        String url();

        @AttributeDefinition(description = "Signature (短信签名) put before every text")
        String signature() default "【共治】";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Authorization header value; empty: none")
        String authorization() default "";

        @AttributeDefinition(description = "Connect timeout in ms")
        long connectTimeoutMillis() default 3000;

        @AttributeDefinition(description = "Response timeout in ms")
        long responseTimeoutMillis() default 5000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);

    private final NotifyRuntime runtime;

    @Activate
    public SmsChannel(@Reference NotifyRuntime runtime, Config config) throws Exception {
        this(runtime, new SmsChannelRoute.Settings(url(config.url()),
                config.signature() == null ? "" : config.signature().strip(),
                config.authorization() == null ? "" : config.authorization().strip()),
                config.connectTimeoutMillis(), config.responseTimeoutMillis());
    }

    SmsChannel(NotifyRuntime runtime, SmsChannelRoute.Settings settings, long connectMillis, long responseMillis)
            throws Exception {
        this.runtime = runtime;
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(Math.max(100, connectMillis));
        http.setConnectionRequestTimeout(Math.max(100, connectMillis));
        http.setResponseTimeout(Math.max(100, responseMillis));
        http.setSoTimeout(Math.max(100, responseMillis));
        http.setAutomaticRetriesDisabled(true); // the outbox retries, with its back-off
        runtime.camel().removeComponent(SmsChannelRoute.COMPONENT);
        runtime.camel().addComponent(SmsChannelRoute.COMPONENT, http);
        runtime.add(new SmsChannelRoute(settings));
        LOG.info("SMS notifications go to {}://{}", settings.url().getScheme(), settings.url().getAuthority());
    }

    private static URI url(String value) {
        URI url;
        try {
            url = URI.create(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("短信服务地址无效 (org.gongzhi.sms url must be an http(s) URL)");
        }
        return url;
    }

    @Deactivate
    void stop() {
        runtime.remove(SmsChannelRoute.ROUTE_ID);
        runtime.camel().removeComponent(SmsChannelRoute.COMPONENT);
    }
}
