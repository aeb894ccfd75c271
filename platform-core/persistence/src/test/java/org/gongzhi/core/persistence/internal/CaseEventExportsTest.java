package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.events.CaseEventExports.ExportState;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The durable export log on a real PostgreSQL: an export starts at the newest event, hands each
 * committed event out in order until its holder advances, is held by one node at a time, goes to
 * another node when the lease ends (sending the unadvanced batch again), and replays from a time.
 */
public class CaseEventExportsTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static HibernateCaseEventExports exports;

    @BeforeClass
    public static void exports() {
        exports = new HibernateCaseEventExports(FIX.db);
    }

    private static UUID report(String tenant) {
        return FIX.cases.report(tenant, new NewCase("占道经营", null, "CM0101", Channel.GRID_WORKER, 114.927, 27.08, null,
                null, null, null, List.of(), null), "gw-1").kase().id();
    }

    private static String name() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<UUID> cases(List<CaseEvent> events) {
        return events.stream().map(CaseEvent::caseId).toList();
    }

    @Test
    public void anExportStartsAtTheNewestEventAndHandsOutEachCommittedEventInOrderUntilAdvanced() {
        report("jizhou");
        String name = name();
        assertThat(exports.next(name, "node-a", LEASE, 100)).contains(List.of());

        UUID first = report("jizhou");
        UUID second = report("donghu");
        List<CaseEvent> batch = exports.next(name, "node-a", LEASE, 100).orElseThrow();
        assertThat(cases(batch)).containsExactly(first, second);
        assertThat(batch).extracting(CaseEvent::action).containsOnly(CaseEvent.REPORT);
        assertThat(exports.next(name, "node-a", LEASE, 1).orElseThrow()).extracting(CaseEvent::caseId)
                .containsExactly(first);

        assertThat(exports.advance(name, "node-a", batch.get(1).id())).isTrue();
        assertThat(exports.next(name, "node-a", LEASE, 100)).contains(List.of());
        ExportState state = exports.state(name).orElseThrow();
        assertThat(state.cursor()).isEqualTo(batch.get(1).id());
        assertThat(state.holder()).isEqualTo("node-a");
        assertThat(state.behind()).isZero();
        assertThat(exports.state(name())).isEmpty();
    }

    @Test
    public void oneNodeHoldsAnExportUntilItsLeaseEndsAndTheNextHolderSendsTheUnadvancedBatchAgain()
            throws InterruptedException {
        String name = name();
        exports.next(name, "node-a", Duration.ofSeconds(1), 100);
        UUID id = report("jizhou");
        assertThat(cases(exports.next(name, "node-a", Duration.ofSeconds(1), 100).orElseThrow())).containsExactly(id);

        assertThat(exports.next(name, "node-b", LEASE, 100)).as("node-a holds it").isEmpty();
        Thread.sleep(1_200); // node-a stops renewing: its lease ends
        List<CaseEvent> again = exports.next(name, "node-b", LEASE, 100).orElseThrow();
        assertThat(cases(again)).containsExactly(id);
        assertThat(exports.advance(name, "node-a", again.get(0).id())).as("node-a lost the lease").isFalse();
        assertThat(exports.advance(name, "node-b", again.get(0).id())).isTrue();
        assertThat(exports.next(name, "node-a", LEASE, 100)).isEmpty();
    }

    @Test
    public void aReplayFromATimeSendsEverythingSinceAgainAndFreesTheLease() {
        String name = name();
        exports.next(name, "node-a", LEASE, 100);
        report("jizhou");
        FIX.clock.advance(Duration.ofMinutes(1)); // the cases' times are the fixture's clock
        Instant from = FIX.clock.instant();
        FIX.clock.advance(Duration.ofMinutes(1));
        UUID a = report("jizhou");
        UUID b = report("jiangbei");
        List<CaseEvent> batch = exports.next(name, "node-a", LEASE, 100).orElseThrow();
        exports.advance(name, "node-a", batch.get(batch.size() - 1).id());

        assertThat(exports.replayFrom(name, from)).isEqualTo(2);
        assertThat(exports.state(name).orElseThrow().holder()).isNull();
        assertThat(cases(exports.next(name, "node-b", LEASE, 100).orElseThrow())).containsExactly(a, b);
        assertThat(exports.replayFrom(name, from.plus(Duration.ofDays(1)))).isZero();
        assertThat(exports.replayFrom("new-" + name, from)).as("a replay creates the export").isEqualTo(2);
    }

    @Test
    public void badArgumentsAreRefused() {
        assertThatThrownBy(() -> exports.next(" ", "n", LEASE, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exports.next("x", "n", Duration.ofMillis(10), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exports.next("x", "n", LEASE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exports.advance("x", "n", "nonsense")).isInstanceOf(IllegalArgumentException.class);
    }
}
