package org.gongzhi.core.notify.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.component.http.HttpComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeChat Work group robot channel: route {@value WecomChannelRoute#ROUTE_ID} with the webhooks of
 * PID {@value #PID} ({@code etc/org.gongzhi.notify.wecom.cfg}). Without it group notifications wait.
 */
@Component(service = WecomChannel.class, immediate = true, configurationPid = WecomChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WecomChannel.Config.class)
public final class WecomChannel {

    static final String PID = "org.gongzhi.notify.wecom";

    @ObjectClassDefinition(name = "Gongzhi WeCom robots", description = "Group robot webhooks of departments and districts")
    public @interface Config {
        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Webhooks, each 'scope=url': scope "
                + "'<district>' (the district's group), '<district>/<department code>' or 'city'; the URL carries the "
                + "robot's key")
        String[] webhooks() default {};

        @AttributeDefinition(description = "Send markdown messages (subject in bold) instead of text")
        boolean markdown() default false;

        @AttributeDefinition(description = "Response timeout in ms")
        long timeoutMillis() default 5000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WecomChannel.class);

    private final NotifyRuntime runtime;

    @Activate
    public WecomChannel(@Reference NotifyRuntime runtime, Config c) throws Exception {
        this(runtime, new WecomChannelRoute.Settings(webhooks(c.webhooks()), c.markdown()), c.timeoutMillis());
    }

    WecomChannel(NotifyRuntime runtime, WecomChannelRoute.Settings settings, long timeoutMillis) throws Exception {
        this.runtime = runtime;
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(Math.max(100, timeoutMillis));
        http.setResponseTimeout(Math.max(100, timeoutMillis));
        http.setSoTimeout(Math.max(100, timeoutMillis));
        http.setAutomaticRetriesDisabled(true);
        runtime.camel().removeComponent(WecomChannelRoute.COMPONENT);
        runtime.camel().addComponent(WecomChannelRoute.COMPONENT, http);
        runtime.add(new WecomChannelRoute(settings));
        LOG.info("WeCom robots configured for {}", settings.webhooks().keySet());
    }

    static Map<String, URI> webhooks(String[] entries) {
        Map<String, URI> out = new HashMap<>();
        for (String e : entries == null ? new String[0] : entries) {
            int eq = e.indexOf('=');
            URI url = eq > 0 ? URI.create(e.substring(eq + 1).strip()) : null;
            if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("org.gongzhi.notify.wecom webhooks: each entry is scope=http(s) URL");
            }
            out.put(e.substring(0, eq).strip(), url);
        }
        return Map.copyOf(out);
    }

    @Deactivate
    void stop() {
        runtime.remove(WecomChannelRoute.ROUTE_ID);
        runtime.camel().removeComponent(WecomChannelRoute.COMPONENT);
    }
}
