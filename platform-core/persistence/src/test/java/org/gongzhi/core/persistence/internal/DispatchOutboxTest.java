package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.dispatch.DispatchListener;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class DispatchOutboxTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();
    private static final String JIZHOU = HibernateCaseServiceTest.JIZHOU;
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** A registered case dispatched to {@code lead} (+ {@code co}); returns the case id. */
    static UUID dispatched(PersistenceFixture fix, String lead, String... co) {
        UUID id = fix.cases.report(JIZHOU, HibernateCaseServiceTest.newCase(null), "gw").kase().id();
        fix.cases.transition(JIZHOU, id, HibernateCaseServiceTest.cmd(CaseAction.REGISTER));
        fix.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.DISPATCH, "centre", null, List.of(), lead,
                List.of(co), null, null, null, null));
        return id;
    }

    static List<OutboundDispatch> ofCase(PersistenceFixture fix, UUID caseId) {
        return fix.outbox.list(JIZHOU, null, 0, 1000).items().stream().filter(d -> d.caseId().equals(caseId)).toList();
    }

    @Test
    public void eachDepartmentOfADispatchIsToldOnceAsLeadOrCoHandlerWithoutTheCaseTitle() {
        UUID caseId = dispatched(FIX, "CG", "SJ");
        List<Notification> told = FIX.notifications.list(JIZHOU, null, 0, 10_000).items().stream()
                .filter(n -> caseId.equals(n.caseId()) && n.event().equals(DispatchNotices.EVENT)).toList();
        List<OutboundDispatch> rows = ofCase(FIX, caseId);
        assertThat(told.stream().map(Notification::sourceKey).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(d -> "dispatch:" + d.dispatchId()).toList());
        assertThat(told).filteredOn(n -> n.destination().equals("department:CG")).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("（主办）").contains("请在 20"));
        assertThat(told).filteredOn(n -> n.channel() == NotificationChannel.INBOX && n.destination().equals("jz-cg"))
                .singleElement().satisfies(n -> assertThat(n.subject()).startsWith("【派遣】新案件 "));
        assertThat(told).filteredOn(n -> n.destination().equals("department:SJ")).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("（协办）"));
        assertThat(told).noneMatch(n -> n.text().contains("路边垃圾堆积"));
    }

    @Test
    public void aDispatchWritesOneRowPerDepartmentAndAnnouncesThemAfterCommit() throws Exception {
        List<UUID> announced = new CopyOnWriteArrayList<>();
        DispatchListener listener = (tenant, ids) -> announced.addAll(ids);
        FIX.signals.addListener(listener);
        try {
            UUID caseId = dispatched(FIX, "CG", "SJ");
            List<OutboundDispatch> rows = ofCase(FIX, caseId);
            assertThat(rows).hasSize(2).allMatch(d -> d.state() == DispatchState.PENDING && d.attempts() == 0);
            assertThat(rows).extracting(OutboundDispatch::department).containsExactlyInAnyOrder("CG", "SJ");
            assertThat(rows.stream().filter(OutboundDispatch::lead).map(OutboundDispatch::department)).containsExactly("CG");
            assertThat(announced).containsExactlyInAnyOrderElementsOf(rows.stream().map(OutboundDispatch::dispatchId).toList());
            JsonNode payload = new ObjectMapper().readTree(rows.get(0).payload());
            assertThat(payload.get("dispatchId").asText()).isEqualTo(rows.get(0).dispatchId().toString());
            assertThat(payload.get("caseId").asText()).isEqualTo(caseId.toString());
            assertThat(payload.get("title").asText()).isEqualTo("路边垃圾堆积");
            assertThat(payload.get("categoryName").asText()).isNotBlank();
            assertThat(payload.has("reporterPhone")).isFalse();
        } finally {
            FIX.signals.removeListener(listener);
        }
    }

    @Test
    public void aClaimIsALeaseThatOneNodeHoldsAtATime() {
        OutboundDispatch d = ofCase(FIX, dispatched(FIX, "CG")).get(0);
        assertThat(FIX.outbox.claim(d.dispatchId(), "node-a", LEASE)).isPresent();
        assertThat(FIX.outbox.claim(d.dispatchId(), "node-b", LEASE)).isEmpty();
        assertThat(FIX.outbox.delivered(d.dispatchId(), "node-b", "r")).isFalse();
        assertThat(FIX.outbox.delivered(d.dispatchId(), "node-a", "CG-1")).isTrue();
        OutboundDispatch after = FIX.outbox.get(JIZHOU, d.dispatchId());
        assertThat(after.state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(after.receipt()).isEqualTo("CG-1");
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(FIX.outbox.claim(d.dispatchId(), "node-a", LEASE)).isEmpty();
    }

    @Test
    public void twoNodesClaimingAtOnceNeverShareADispatch() throws Exception {
        for (int i = 0; i < 40; i++) {
            dispatched(FIX, "HW");
        }
        FIX.clock.advance(Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> claims = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            Callable<List<UUID>> claimer = () -> {
                start.await();
                List<UUID> mine = new ArrayList<>();
                List<OutboundDispatch> batch;
                while (!(batch = FIX.outbox.claimDue(node, 3, LEASE)).isEmpty()) {
                    batch.forEach(d -> mine.add(d.dispatchId()));
                }
                return mine;
            };
            claims.add(pool.submit(claimer));
        }
        start.countDown();
        List<UUID> a = claims.get(0).get();
        List<UUID> b = claims.get(1).get();
        pool.shutdown();
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        assertThat(all).hasSize(a.size() + b.size());
        assertThat(all.size()).isGreaterThanOrEqualTo(40);
        assertThat(FIX.outbox.release("node-a") + FIX.outbox.release("node-b")).isEqualTo(all.size());
    }

    @Test
    public void aFailedAttemptWaitsForItsTimeAndADeadLetterCanBeReplayedOnce() {
        OutboundDispatch d = ofCase(FIX, dispatched(FIX, "GA")).get(0);
        assertThat(FIX.outbox.claim(d.dispatchId(), "n", LEASE)).isPresent();
        assertThat(FIX.outbox.failed(d.dispatchId(), "n", "503", FIX.clock.instant().plusSeconds(60))).isTrue();
        OutboundDispatch waiting = FIX.outbox.get(JIZHOU, d.dispatchId());
        assertThat(waiting.state()).isEqualTo(DispatchState.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isEqualTo("503");
        FIX.clock.advance(Duration.ofSeconds(10));
        assertThat(FIX.outbox.claimDue("n", 1000, LEASE)).noneMatch(x -> x.dispatchId().equals(d.dispatchId()));
        FIX.clock.advance(Duration.ofSeconds(60));
        assertThat(FIX.outbox.claim(d.dispatchId(), "n", LEASE)).isPresent();
        assertThat(FIX.outbox.dead(d.dispatchId(), "n", "422 poison")).isTrue();
        assertThat(FIX.outbox.list(JIZHOU, DispatchState.DEAD, 0, 100).items())
                .anyMatch(x -> x.dispatchId().equals(d.dispatchId()));

        OutboundDispatch replayed = FIX.outbox.replay(JIZHOU, d.dispatchId(), "admin");
        assertThat(replayed.state()).isEqualTo(DispatchState.PENDING);
        assertThat(replayed.attempts()).isZero();
        assertThat(replayed.dispatchId()).isEqualTo(d.dispatchId());
        assertThatThrownBy(() -> FIX.outbox.replay(JIZHOU, d.dispatchId(), "admin"))
                .isInstanceOf(ConflictException.class).extracting("field").isEqualTo("state");
        assertThatThrownBy(() -> FIX.outbox.replay("donghu", d.dispatchId(), "admin")).isInstanceOf(NotFoundException.class);
    }

    @Test
    public void aReturnCancelsWhatWasNotDeliveredYet() {
        UUID caseId = dispatched(FIX, "SJ");
        FIX.cases.transition(JIZHOU, caseId, HibernateCaseServiceTest.cmd(CaseAction.RETURN));
        assertThat(ofCase(FIX, caseId)).singleElement().extracting(OutboundDispatch::state).isEqualTo(DispatchState.CANCELLED);
    }
}
