package org.gongzhi.core.persistence.internal;

import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand: the demo history's clock, plus steps forward. */
final class MutableClock extends HistoryClock {

    MutableClock(Instant start) {
        super(start);
    }

    void advance(Duration d) {
        set(instant().plus(d));
    }
}
