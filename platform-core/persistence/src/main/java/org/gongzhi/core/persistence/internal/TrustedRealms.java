package org.gongzhi.core.persistence.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Dictionary;
import java.util.TreeSet;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the token validator's list of trusted realms ({@code tenants} of PID
 * {@code org.gongzhi.identity}) equal to the districts served plus the city. Does nothing while
 * the validator is not configured: with no identity server there is nothing to trust.
 */
final class TrustedRealms {

    static final String PID = "org.gongzhi.identity";
    static final String KEY = "tenants";
    private static final Logger LOG = LoggerFactory.getLogger(TrustedRealms.class);

    private final ConfigurationAdmin configAdmin;

    TrustedRealms(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** Sets the list to {@code city} and {@code districts}, if it differs. */
    synchronized void trust(Collection<String> districts) {
        try {
            Configuration config = configAdmin.getConfiguration(PID, "?");
            Dictionary<String, Object> props = config.getProperties();
            if (props == null) {
                return;
            }
            TreeSet<String> ids = new TreeSet<>(districts);
            String value = "city" + (ids.isEmpty() ? "" : ", " + String.join(", ", ids));
            if (!value.equals(props.get(KEY))) {
                props.put(KEY, value);
                config.update(props);
                LOG.info("Trusted identity realms: {}", value);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not update the trusted identity realms", e);
        }
    }
}
