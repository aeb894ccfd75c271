package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.Test;

/** The wall's order of events: time, then the cursor by its numbers. */
public class EventJsonTest {

    private static final Instant AT = Instant.parse("2026-12-06T23:13:23Z");

    @Test
    public void cursorsCompareTheirNumbersByValue() {
        assertThat(EventJson.compareCursors("928-75744", "928-100000")).isNegative();
        assertThat(EventJson.compareCursors("929-1", "928-100000")).isPositive();
        assertThat(EventJson.compareCursors("928-75744", "928-75744")).isZero();
        assertThat(EventJson.compareCursors("928-075744", "928-75744")).isZero();
        assertThat(EventJson.compareCursors("928-7", "928-7-1")).isNegative();
        assertThat(EventJson.compareCursors("c1", "c2")).isNegative();
    }

    @Test
    public void aBatchSharingOneTimeIsOrderedByCursorNotByText() {
        // one supervision sweep's steps: one transaction, one time; as text "928-99999" sorted after "928-100000"
        List<EventJson.Case> batch = List.of(event("928-100000", AT), event("928-99999", AT), event("927-500000", AT),
                event("929-1", AT.minusSeconds(1)));
        assertThat(batch.stream().sorted(EventJson.OLDEST_FIRST).map(EventJson.Case::id))
                .containsExactly("929-1", "927-500000", "928-99999", "928-100000");
    }

    private static EventJson.Case event(String id, Instant at) {
        return new EventJson.Case(id, "jizhou", UUID.randomUUID(), "360802-20261126-009708", "comment", "dispatched",
                "dispatched", "LS0504", "livelihood", "360802001001001", "ZJ", "hotline", at);
    }
}
