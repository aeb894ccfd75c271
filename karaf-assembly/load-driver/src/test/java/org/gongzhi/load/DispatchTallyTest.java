package org.gongzhi.load;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

public class DispatchTallyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private static DispatchTally.Sent sent(String caseId, boolean ok, boolean measured, boolean steady) {
        return new DispatchTally.Sent(caseId, ok, measured, T0, steady, !steady);
    }

    /** Accepted {@code acceptedMillis} after T0, dispatched (committed) {@code committedMillis} after T0. */
    private static SimulatorClient.Arrival arrival(String dispatchId, String caseId, long committedMillis,
                                                   Long acceptedMillis, int deliveries) {
        return new SimulatorClient.Arrival(dispatchId, "jizhou", "CG", caseId, acceptedMillis == null ? null : "r",
                T0.toString(), acceptedMillis == null ? null : T0.plusMillis(acceptedMillis).toString(),
                T0.plusMillis(committedMillis).atOffset(java.time.ZoneOffset.ofHours(8)).toString(), deliveries);
    }

    @Test
    public void countsLossesDuplicatesAndRedeliveries() {
        List<DispatchTally.Sent> sent = List.of(
                sent("c1", true, true, true),
                sent("c2", true, true, true),   // accepted under two dispatch ids: a duplicate
                sent("c3", true, true, false),  // seen but never accepted: lost
                sent("c4", true, false, true),  // never seen: lost
                sent("c5", false, true, true),  // call failed, but it arrived
                sent("c6", false, true, true)); // call failed, never arrived: not counted as dispatched
        List<SimulatorClient.Arrival> arrivals = List.of(
                arrival("d1", "c1", 5, 25L, 1),
                arrival("d2a", "c2", 10, 40L, 3),
                arrival("d2b", "c2", 10, 90L, 1),
                arrival("d3", "c3", 0, null, 4),
                arrival("d5", "c5", 0, 1000L, 1),
                arrival("dx", "not-ours", 0, 5000L, 1));
        DispatchTally t = new DispatchTally(sent, arrivals);
        assertEquals(new DispatchTally.Counts(4, 2, 2, 1, 2, 1, T0.plusMillis(90).toString()), t.counts);
        assertEquals(2, t.delivery.getTotalCount());
        assertEquals(20_000, t.delivery.getValueAtPercentile(0), 20);    // c1: 25 - 5 ms
        assertEquals(30_000, t.delivery.getMaxValue(), 30);              // c2: its first acceptance, 40 - 10 ms
        assertEquals(40_000, t.endToEnd.getMaxValue(), 40);             // from the due time T0
        assertEquals(2, t.steadyDelivery.getTotalCount());
    }

    @Test
    public void onlyMeasuredSteadyDispatchesGoIntoTheSteadyFigure() {
        DispatchTally t = new DispatchTally(
                List.of(sent("a", true, true, true), sent("b", true, true, false), sent("c", true, false, true)),
                List.of(arrival("da", "a", 0, 10L, 1), arrival("db", "b", 0, 70_000L, 1),
                        arrival("dc", "c", 0, 5L, 1)));
        assertEquals(new DispatchTally.Counts(3, 3, 0, 0, 0, 0, T0.plusMillis(70_000).toString()), t.counts);
        assertEquals(2, t.delivery.getTotalCount());
        assertEquals(1, t.steadyDelivery.getTotalCount());
        assertEquals(10_000, t.steadyDelivery.getMaxValue(), 10);
        assertEquals(T0.plusMillis(70_000), t.lastBacklogArrival);
    }
}
