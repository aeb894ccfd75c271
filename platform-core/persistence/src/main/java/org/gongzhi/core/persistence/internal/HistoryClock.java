package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the demo history: set to the time of each invented step before the real case
 * service takes it, so journals, SLA clocks and outbox rows carry the step's time. One writer
 * thread sets and reads it. (The persistence tests move it by hand too.)
 */
class HistoryClock extends Clock {

    private volatile Instant now;

    HistoryClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
