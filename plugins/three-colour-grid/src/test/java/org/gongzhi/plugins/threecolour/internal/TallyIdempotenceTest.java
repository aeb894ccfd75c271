package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.gongzhi.plugin.tck.ForwardingRecordCollection;

/** A tally counts each case event once, and only in tenants that enabled the model. */
public class TallyIdempotenceTest {

    private static final Instant OCT = Instant.parse("2026-10-20T02:00:00Z");
    private static final Instant NOV = Instant.parse("2026-11-02T03:00:00Z");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String CASE = "5b0c7a52-3f4e-4d2a-9f61-0c3d2e1b4a10";
    private static final String OTHER_CASE = "9e1f2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    private static final String OTHER_TENANT = "donghu";

    private final InMemoryPluginStorage storage = Facts.storage();
    private final RecordCollection tallies = Facts.collection(storage, Facts.TENANT, ThreeColourGridModel.TALLIES);
    private final PluginTenants tenants = FixedPluginTenants.builder()
            .tenant(Facts.TENANT, ThreeColourGridModel.ID).tenant(OTHER_TENANT, "old-man-studios").build();
    private final AssessmentTallyListener listener = new AssessmentTallyListener(storage, tenants, new MutableClock(NOV));
    private final CaseFacts october = Facts.of("CG0103", "difficult", Facts.GRID, OCT);

    private static CaseEvent event(CaseFacts facts, String caseId, String action, String from, String to, Instant at) {
        return new CaseEvent(facts, caseId, action, from, to, "tester", at);
    }

    private Optional<PluginRecord> tally(YearMonth month) {
        return tallies.get(TallyBook.id(Facts.GRID, month));
    }

    private long counter(YearMonth month, String name) {
        return tally(month).map(r -> Records.number(r.data(), name)).orElse(0L);
    }

    @Test
    public void aRepeatedEventIsCountedOnceAndLeavesTheTallyUntouched() {
        CaseEvent report = event(october, CASE, "report", null, "reported", OCT);
        listener.onCaseEvent(report);
        PluginRecord once = tally(OCTOBER).orElseThrow();

        listener.onCaseEvent(report);
        listener.onCaseEvent(report);

        PluginRecord thrice = tally(OCTOBER).orElseThrow();
        assertThat(Records.number(thrice.data(), TallyBook.REPORTED)).isEqualTo(1);
        assertThat(thrice.version()).as("a repeat is not even written").isEqualTo(once.version());
        assertThat(thrice.data()).isEqualTo(once.data());
    }

    @Test
    public void aRepeatedCloseCountsOnceInTheStepMonthAndInTheReportMonth() {
        CaseEvent close = event(october, CASE, "close", "verified", "closed", NOV);
        listener.onCaseEvent(close);
        listener.onCaseEvent(close);
        assertThat(counter(NOVEMBER, TallyBook.CLOSED)).isEqualTo(1);
        assertThat(counter(OCTOBER, TallyBook.REPORTED_CLOSED)).isEqualTo(1);

        CaseEvent reopen = event(october, CASE, "reopen", "closed", "registered", NOV.plusSeconds(60));
        listener.onCaseEvent(reopen);
        listener.onCaseEvent(reopen);
        assertThat(counter(NOVEMBER, TallyBook.REOPENED)).isEqualTo(1);
        assertThat(counter(OCTOBER, TallyBook.REPORTED_CLOSED)).as("the closure is taken back once").isZero();
    }

    @Test
    public void theSameActionAtAnotherTimeOrOfAnotherCaseCountsAgain() {
        listener.onCaseEvent(event(october, CASE, "verify-fail", "feedback", "handling", NOV));
        listener.onCaseEvent(event(october, CASE, "verify-fail", "feedback", "handling", NOV.plusSeconds(3600)));
        listener.onCaseEvent(event(october, OTHER_CASE, "verify-fail", "feedback", "handling", NOV));
        assertThat(counter(NOVEMBER, TallyBook.REWORKS)).isEqualTo(3);
    }

    @Test
    public void eventKeysTellCaseActionAndTimeApart() {
        String key = TallyBook.eventKey(CASE, "close", NOV);
        assertThat(TallyBook.eventKey(CASE, "close", NOV)).isEqualTo(key).hasSize(22);
        assertThat(TallyBook.eventKey(OTHER_CASE, "close", NOV)).isNotEqualTo(key);
        assertThat(TallyBook.eventKey(CASE, "reopen", NOV)).isNotEqualTo(key);
        assertThat(TallyBook.eventKey(CASE, "close", NOV.plusNanos(1000))).isNotEqualTo(key);
        assertThat(TallyBook.eventKey(CASE, "close", null)).isEqualTo(TallyBook.eventKey(CASE, "close", null));
    }

    @Test
    public void theSameEventDeliveredConcurrentlyIsCountedOnce() {
        String key = TallyBook.eventKey(CASE, "report", OCT);
        TallyBook rival = new TallyBook(tallies);
        // the rival delivery of the same event writes between our read and our write
        TallyBook racing = new TallyBook(new InterleavingCollection(tallies, 1,
                () -> rival.addOnce(Facts.GRID, OCTOBER, Map.of(TallyBook.REPORTED, 1L), key)));

        Optional<PluginRecord> ours = racing.addOnce(Facts.GRID, OCTOBER, Map.of(TallyBook.REPORTED, 1L), key);

        assertThat(ours).as("after the conflict the re-read shows the event counted").isEmpty();
        assertThat(counter(OCTOBER, TallyBook.REPORTED)).isEqualTo(1);
        assertThat(TallyBook.counted(tally(OCTOBER).orElseThrow().data())).containsExactly(key);
    }

    @Test
    public void aReplayCompletesAnEventThatReachedOnlyOneOfItsTallies() {
        String novemberId = TallyBook.id(Facts.GRID, NOVEMBER);
        AtomicBoolean failNovember = new AtomicBoolean(true);
        RecordCollection flaky = new FailingCollection(tallies, id -> id.equals(novemberId) && failNovember.get());
        AssessmentTallyListener unlucky = new AssessmentTallyListener((tenant, model, name) -> flaky, tenants,
                new MutableClock(NOV));
        CaseEvent close = event(october, CASE, "close", "verified", "closed", NOV);

        unlucky.onCaseEvent(close);
        assertThat(counter(OCTOBER, TallyBook.REPORTED_CLOSED)).isEqualTo(1);
        assertThat(counter(NOVEMBER, TallyBook.CLOSED)).isZero();

        failNovember.set(false);
        unlucky.onCaseEvent(close);
        assertThat(counter(OCTOBER, TallyBook.REPORTED_CLOSED)).as("not counted twice").isEqualTo(1);
        assertThat(counter(NOVEMBER, TallyBook.CLOSED)).as("counted on the replay").isEqualTo(1);
    }

    @Test
    public void aTallyRemembersTheLastEventsOnly() {
        TallyBook book = new TallyBook(tallies);
        int extra = 5;
        for (int i = 0; i < TallyBook.REMEMBERED_EVENTS + extra; i++) {
            book.addOnce(Facts.GRID, NOVEMBER, Map.of(TallyBook.REWORKS, 1L),
                    TallyBook.eventKey(CASE, "verify-fail", NOV.plusSeconds(i)));
        }
        PluginRecord r = tally(NOVEMBER).orElseThrow();
        List<String> counted = TallyBook.counted(r.data());
        assertThat(counted).hasSize(TallyBook.REMEMBERED_EVENTS).doesNotHaveDuplicates()
                .startsWith(TallyBook.eventKey(CASE, "verify-fail", NOV.plusSeconds(extra)))
                .endsWith(TallyBook.eventKey(CASE, "verify-fail", NOV.plusSeconds(TallyBook.REMEMBERED_EVENTS + extra - 1)));
        assertThat(Records.number(r.data(), TallyBook.REWORKS)).isEqualTo(TallyBook.REMEMBERED_EVENTS + extra);

        // the most recent events are still recognised
        assertThat(book.addOnce(Facts.GRID, NOVEMBER, Map.of(TallyBook.REWORKS, 1L),
                TallyBook.eventKey(CASE, "verify-fail", NOV.plusSeconds(extra)))).isEmpty();
        assertThat(counter(NOVEMBER, TallyBook.REWORKS)).isEqualTo(TallyBook.REMEMBERED_EVENTS + extra);
    }

    @Test
    public void whistlesKeepTheRememberedEvents() {
        TallyBook book = new TallyBook(tallies);
        String key = TallyBook.eventKey(CASE, "report", NOV);
        book.addOnce(Facts.GRID, NOVEMBER, Map.of(TallyBook.REPORTED, 1L), key);
        book.add(Facts.GRID, NOVEMBER, Map.of(TallyBook.WHISTLES, 1L));
        book.add(Facts.GRID, NOVEMBER, Map.of(TallyBook.WHISTLES, 1L));

        assertThat(book.addOnce(Facts.GRID, NOVEMBER, Map.of(TallyBook.REPORTED, 1L), key)).isEmpty();
        assertThat(counter(NOVEMBER, TallyBook.REPORTED)).isEqualTo(1);
        assertThat(counter(NOVEMBER, TallyBook.WHISTLES)).isEqualTo(2);
    }

    @Test
    public void tenantsThatDidNotEnableTheModelAreNotTallied() {
        CaseFacts donghu = new CaseFacts(OTHER_TENANT, "DH-2026-000001", "CM0101", "simple", Facts.GRID, "hotline",
                "test case", NOV);
        listener.onCaseEvent(event(donghu, CASE, "report", null, "reported", NOV));
        listener.onCaseEvent(event(donghu, CASE, "close", "verified", "closed", NOV));
        assertThat(Facts.collection(storage, OTHER_TENANT, ThreeColourGridModel.TALLIES).count(null)).isZero();

        CaseFacts unknown = new CaseFacts("nowhere", "NW-1", "CM0101", "simple", Facts.GRID, "hotline", "x", NOV);
        listener.onCaseEvent(event(unknown, CASE, "report", null, "reported", NOV));
        assertThat(storage.records("nowhere", ThreeColourGridModel.ID)).isEmpty();
        assertThat(storage.rejectedCalls()).isEmpty();
    }

    /** Refuses puts of the ids {@code failing} picks, as a database error would. */
    private static final class FailingCollection extends ForwardingRecordCollection {
        private final Predicate<String> failing;

        FailingCollection(RecordCollection target, Predicate<String> failing) {
            super(target);
            this.failing = failing;
        }

        @Override
        public PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
            if (failing.test(id)) {
                throw new RuntimeException("database unavailable");
            }
            return super.put(id, data, refs, expectedVersion);
        }
    }
}
