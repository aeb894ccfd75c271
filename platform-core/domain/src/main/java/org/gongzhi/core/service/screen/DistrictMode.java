package org.gongzhi.core.service.screen;

import java.time.Instant;
import java.util.Objects;

/**
 * A district's operating mode since a switch (or since ever, for a district never switched:
 * {@code NORMAL} with {@code since}, {@code reason} and {@code switchedBy} {@code null}).
 *
 * @param tenant     district id
 * @param mode       the mode
 * @param since      when the switch was made
 * @param reason     why (required for every switch)
 * @param switchedBy who switched: the caller's user name
 */
public record DistrictMode(String tenant, OperatingMode mode, Instant since, String reason, String switchedBy) {

    /** Checks the required components. */
    public DistrictMode {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(mode, "mode");
    }

    /** {@code true} in wartime. */
    public boolean wartime() {
        return mode == OperatingMode.WARTIME;
    }
}
