package org.gongzhi.core.resident.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the resident page's API, PID {@value #PID} ({@code etc/org.gongzhi.resident.cfg}). */
@ObjectClassDefinition(name = "Gongzhi resident reporting", description = "Residents' sign-in by SMS code, reports and limits")
public @interface ResidentConfig {

    String PID = "org.gongzhi.resident";

    @AttributeDefinition(description = "Days after closing within which an unsatisfied resident may reopen a report")
    int reopenDays() default 7;

    @AttributeDefinition(description = "Lifetime of a resident session in days (fixed from sign-in, not sliding)")
    int sessionDays() default 7;

    @AttributeDefinition(description = "IP addresses of reverse proxies whose X-Forwarded-For counts (literals only)")
    String[] trustedProxies() default {};

    @AttributeDefinition(description = "One-time codes per phone number per hour (and always at most 1 per minute)")
    int codesPerPhonePerHour() default 5;

    @AttributeDefinition(description = "One-time codes per phone number per day")
    int codesPerPhonePerDay() default 10;

    @AttributeDefinition(description = "One-time codes per client address per hour")
    int codesPerAddressPerHour() default 20;

    @AttributeDefinition(description = "Reports per resident (phone number) per day")
    int reportsPerPhonePerDay() default 10;

    @AttributeDefinition(description = "Reports per grid per hour")
    int reportsPerGridPerHour() default 200;
}
