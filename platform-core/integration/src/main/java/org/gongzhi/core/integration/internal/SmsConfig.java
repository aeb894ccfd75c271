package org.gongzhi.core.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The SMS provider, PID {@value #PID} ({@code etc/org.gongzhi.sms.cfg}); without it no SMS gateway is offered. */
@ObjectClassDefinition(name = "Gongzhi SMS gateway", description = "The HTTP SMS provider that sends one-time codes to residents")
public @interface SmsConfig {

    String PID = "org.gongzhi.sms";

    @AttributeDefinition(description = "The provider's send URL (http or https); POST, JSON {to, text, signature, tenant}")
    String url();

    @AttributeDefinition(description = "Signature (短信签名) put before every text, as registered with the provider")
    String signature() default "【共治】";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Value of the Authorization header sent to the "
            + "provider, e.g. 'Bearer <key>'; empty: none")
    String authorization() default "";

    @AttributeDefinition(description = "Connect timeout in ms")
    long connectTimeoutMillis() default 3000;

    @AttributeDefinition(description = "Response timeout in ms")
    long responseTimeoutMillis() default 5000;

    @AttributeDefinition(description = "Retries after a failure that may pass (I/O error, timeout, 5xx, 408, 429)")
    int retries() default 2;

    @AttributeDefinition(description = "Delay before the first retry in ms; doubles each time")
    long retryDelayMillis() default 300;
}
