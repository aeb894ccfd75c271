package org.gongzhi.core.resident.internal;

import java.time.Duration;

import org.gongzhi.core.http.TrustedProxies;

/**
 * The settings in force ({@link ResidentConfig} with its bounds applied).
 *
 * @param reopenWindow    how long after closing an unsatisfied resident may reopen
 * @param sessionLifetime how long a session lasts from sign-in
 */
record Settings(Duration reopenWindow, Duration sessionLifetime, TrustedProxies proxies, Limits limits) {

    /** The rate limits (token buckets per node). */
    record Limits(int codesPerPhonePerHour, int codesPerPhonePerDay, int codesPerAddressPerHour,
                  int reportsPerPhonePerDay, int reportsPerGridPerHour) {
    }

    static Settings of(ResidentConfig c) {
        return new Settings(Duration.ofDays(Math.max(0, c.reopenDays())), Duration.ofDays(Math.max(1, c.sessionDays())),
                TrustedProxies.of("Resident trustedProxies", c.trustedProxies()),
                new Limits(Math.max(1, c.codesPerPhonePerHour()), Math.max(1, c.codesPerPhonePerDay()),
                        Math.max(1, c.codesPerAddressPerHour()), Math.max(1, c.reportsPerPhonePerDay()),
                        Math.max(1, c.reportsPerGridPerHour())));
    }

    /** The defaults, for tests. */
    static Settings defaults() {
        return new Settings(Duration.ofDays(7), Duration.ofDays(7), TrustedProxies.none(), new Limits(5, 10, 20, 10, 200));
    }
}
