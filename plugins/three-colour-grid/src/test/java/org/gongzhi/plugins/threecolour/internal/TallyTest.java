package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;

public class TallyTest {

    private static final Instant OCT = Instant.parse("2026-10-20T02:00:00Z");
    private static final Instant NOV = Instant.parse("2026-11-02T03:00:00Z");
    private static final String OTHER_TENANT = "donghu";

    private final InMemoryPluginStorage storage = Facts.storage();
    private final RecordCollection tallies = Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.TALLIES);
    private final PluginTenants tenants = FixedPluginTenants.builder()
            .tenant(Facts.TENANT, ThreeColourGridModel.ID).tenant(OTHER_TENANT, "old-man-studios").build();
    private final AssessmentTallyListener listener = new AssessmentTallyListener(storage, tenants, new MutableClock(NOV));

    private void step(CaseFacts facts, String caseId, String action, String from, String to, Instant at) {
        listener.onCaseEvent(new CaseEvent(facts, caseId, action, from, to, "tester", at));
    }

    private long counter(String grid, YearMonth month, String name) {
        return tallies.get(TallyBook.id(grid, month)).map(r -> Records.number(r.data(), name)).orElse(0L);
    }

    @Test
    public void tallyFollowsTheClosedLoopOfCases() {
        CaseFacts october = Facts.of("CG0103", "difficult", Facts.GRID, OCT);
        String a = UUID.randomUUID().toString();
        step(october, a, "report", null, "reported", OCT);
        step(october, a, "register", "reported", "registered", OCT);
        step(october, a, "feedback", "handling", "feedback", NOV);
        step(october, a, "verify-fail", "feedback", "handling", NOV);
        step(october, a, "verify-pass", "feedback", "verified", NOV);
        step(october, a, "close", "verified", "closed", NOV);
        String b = UUID.randomUUID().toString();
        step(october, b, "report", null, "reported", OCT);
        step(october, b, "reject", "reported", "rejected", OCT);
        step(october, b, "reopen", "rejected", "registered", NOV);

        YearMonth oct = YearMonth.of(2026, 10);
        YearMonth nov = YearMonth.of(2026, 11);
        assertThat(counter(Facts.GRID, oct, TallyBook.REPORTED)).isEqualTo(2);
        assertThat(counter(Facts.GRID, oct, TallyBook.REPORTED_CLOSED)).isEqualTo(1);
        assertThat(counter(Facts.GRID, oct, TallyBook.REPORTED_REJECTED)).isZero();
        assertThat(counter(Facts.GRID, oct, TallyBook.CLOSED)).isZero();
        assertThat(counter(Facts.GRID, nov, TallyBook.CLOSED)).isEqualTo(1);
        assertThat(counter(Facts.GRID, nov, TallyBook.VERIFIED)).isEqualTo(1);
        assertThat(counter(Facts.GRID, nov, TallyBook.REWORKS)).isEqualTo(1);
        assertThat(counter(Facts.GRID, nov, TallyBook.REOPENED)).isEqualTo(1);
        assertThat(counter(Facts.GRID, nov, TallyBook.REPORTED)).isZero();
        PluginRecord r = tallies.get(Facts.GRID + ":2026-11").orElseThrow();
        assertThat(r.refs()).containsExactly("grid=" + Facts.GRID, "month=2026-11");
    }

    @Test
    public void reopeningAClosedCaseTakesItsClosureBack() {
        CaseFacts f = Facts.of("CM0101", "simple", Facts.GRID, NOV);
        String id = UUID.randomUUID().toString();
        step(f, id, "report", null, "reported", NOV);
        step(f, id, "close", "verified", "closed", NOV);
        step(f, id, "reopen", "closed", "registered", NOV);
        assertThat(counter(Facts.GRID, YearMonth.of(2026, 11), TallyBook.REPORTED_CLOSED)).isZero();
        assertThat(counter(Facts.GRID, YearMonth.of(2026, 11), TallyBook.CLOSED)).isEqualTo(1);
    }

    @Test
    public void monthsAreChinaStandardTime() {
        Instant lateOctoberUtc = Instant.parse("2026-10-31T17:00:00Z"); // 2026-11-01 01:00 in Beijing
        step(Facts.of("CM0101", "simple", Facts.GRID, lateOctoberUtc), "c1", "report", null, "reported", lateOctoberUtc);
        assertThat(counter(Facts.GRID, YearMonth.of(2026, 11), TallyBook.REPORTED)).isEqualTo(1);
    }

    @Test
    public void eventsWithoutGridAreSkipped() {
        step(Facts.of("CM0101", "simple", null, NOV), "c1", "report", null, "reported", NOV);
        assertThat(tallies.count(null)).isZero();
    }

    @Test
    public void concurrentWriterBetweenReadAndWriteIsRetriedNotLost() {
        TallyBook rival = new TallyBook(tallies);
        YearMonth nov = YearMonth.of(2026, 11);
        TallyBook racing = new TallyBook(new InterleavingCollection(tallies, 3,
                () -> rival.add(Facts.GRID, nov, Map.of(TallyBook.CLOSED, 1L))));
        tallies.put(TallyBook.id(Facts.GRID, nov), Map.of("gridCode", Facts.GRID), List.of("grid=" + Facts.GRID), 0L);

        PluginRecord r = racing.add(Facts.GRID, nov, Map.of(TallyBook.REPORTED, 1L));

        assertThat(Records.number(r.data(), TallyBook.REPORTED)).isEqualTo(1);
        assertThat(Records.number(r.data(), TallyBook.CLOSED)).isEqualTo(3);
        assertThat(r.version()).isEqualTo(5);
    }

    @Test
    public void givesUpAfterTheAttemptsAndTheListenerDoesNotThrow() {
        YearMonth nov = YearMonth.of(2026, 11);
        TallyBook rival = new TallyBook(tallies);
        RecordCollection hostile = new InterleavingCollection(tallies, Integer.MAX_VALUE,
                () -> rival.add(Facts.GRID, nov, Map.of(TallyBook.CLOSED, 1L)));
        assertThatThrownBy(() -> new TallyBook(hostile).add(Facts.GRID, nov, Map.of(TallyBook.REPORTED, 1L)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("5 attempts");
        assertThat(counter(Facts.GRID, nov, TallyBook.CLOSED)).isEqualTo(TallyBook.ATTEMPTS);
        assertThat(counter(Facts.GRID, nov, TallyBook.REPORTED)).isZero();

        AssessmentTallyListener unlucky = new AssessmentTallyListener((tenant, model, name) -> hostile, tenants,
                new MutableClock(NOV));
        unlucky.onCaseEvent(new CaseEvent(Facts.of("CM0101", "simple", Facts.GRID, NOV), "c1", "report", null,
                "reported", "tester", NOV));
        assertThat(counter(Facts.GRID, nov, TallyBook.REPORTED)).isZero();
        assertThat(counter(Facts.GRID, nov, TallyBook.CLOSED)).isEqualTo(2L * TallyBook.ATTEMPTS);
    }

    @Test
    public void parallelWritersThroughExpectedVersionLoseNoIncrement() throws Exception {
        TallyBook book = new TallyBook(tallies, 10_000);
        YearMonth nov = YearMonth.of(2026, 11);
        int threads = 8;
        int each = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String counter = t % 2 == 0 ? TallyBook.REPORTED : TallyBook.CLOSED;
                work.add(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        book.add(Facts.GRID, nov, Map.of(counter, 1L));
                    }
                    return null;
                });
            }
            List<Future<Void>> done = new ArrayList<>();
            work.forEach(w -> done.add(pool.submit(w)));
            start.countDown();
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counter(Facts.GRID, nov, TallyBook.REPORTED)).isEqualTo(threads / 2 * each);
        assertThat(counter(Facts.GRID, nov, TallyBook.CLOSED)).isEqualTo(threads / 2 * each);
        assertThat(tallies.get(TallyBook.id(Facts.GRID, nov)).orElseThrow().version()).isEqualTo(threads * each);
    }

    @Test
    public void countersNeverGoBelowZero() {
        PluginRecord r = new TallyBook(tallies).add(Facts.GRID, YearMonth.of(2026, 9), Map.of(TallyBook.REPORTED_CLOSED, -1L));
        assertThat(Records.number(r.data(), TallyBook.REPORTED_CLOSED)).isZero();
    }
}
