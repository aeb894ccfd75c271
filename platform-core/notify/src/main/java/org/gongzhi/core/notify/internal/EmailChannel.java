package org.gongzhi.core.notify.internal;

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
 * The e-mail channel: route {@value EmailChannelRoute#ROUTE_ID} to the SMTP server of PID {@value #PID}
 * ({@code etc/org.gongzhi.notify.mail.cfg}). Without it e-mail notifications wait (the channel counts as down).
 */
@Component(service = EmailChannel.class, immediate = true, configurationPid = EmailChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmailChannel.Config.class)
public final class EmailChannel {

    static final String PID = "org.gongzhi.notify.mail";

    @ObjectClassDefinition(name = "Gongzhi notification e-mail", description = "The SMTP server notifications go through")
    public @interface Config {
        @AttributeDefinition(description = "SMTP host")
        String host();

        @AttributeDefinition(description = "SMTP port")
        int port() default 25;

        @AttributeDefinition(description = "Sender address")
        String from() default "gongzhi@localhost";

        @AttributeDefinition(description = "User name; empty: no authentication")
        String username() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password")
        String password() default "";

        @AttributeDefinition(description = "Use SMTPS (TLS from the start)")
        boolean ssl() default false;

        @AttributeDefinition(description = "Connect timeout in ms")
        long timeoutMillis() default 5000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final NotifyRuntime runtime;

    @Activate
    public EmailChannel(@Reference NotifyRuntime runtime, Config c) throws Exception {
        this(runtime, new EmailChannelRoute.Settings(require(c.host()), c.port(), require(c.from()),
                c.username() == null ? "" : c.username().strip(), c.password() == null ? "" : c.password(), c.ssl(),
                Math.max(100, c.timeoutMillis())));
    }

    EmailChannel(NotifyRuntime runtime, EmailChannelRoute.Settings settings) throws Exception {
        this.runtime = runtime;
        runtime.add(new EmailChannelRoute(settings));
        LOG.info("E-mail notifications go through {}:{}", settings.host(), settings.port());
    }

    private static String require(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("org.gongzhi.notify.mail: host and from must be set");
        }
        return value.strip();
    }

    @Deactivate
    void stop() {
        runtime.remove(EmailChannelRoute.ROUTE_ID);
    }
}
