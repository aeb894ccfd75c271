package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.WrongDepartmentException;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.dispatch.UpdateOutcome;
import org.junit.ClassRule;
import org.junit.Test;

public class DepartmentUpdatesTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();
    private static final String JIZHOU = HibernateCaseServiceTest.JIZHOU;

    private static DepartmentUpdate update(String id, OutboundDispatch d, String status, String note, Long sequence) {
        return new DepartmentUpdate(id, d.dispatchId(), null, status, note, List.of("https://img.example/after.jpg"), null,
                sequence, null);
    }

    private static OutboundDispatch lead(UUID caseId) {
        return DispatchOutboxTest.ofCase(FIX, caseId).stream().filter(OutboundDispatch::lead).findFirst().orElseThrow();
    }

    private static CaseStatus status(UUID caseId) {
        return FIX.cases.get(JIZHOU, caseId).status();
    }

    @Test
    public void theLeadDepartmentDrivesTheCaseAndEveryStepIsJournaled() {
        UUID caseId = DispatchOutboxTest.dispatched(FIX, "CG");
        OutboundDispatch d = lead(caseId);
        UpdateOutcome accepted = FIX.updates.apply(JIZHOU, "CG", update("u1", d, "accepted", null, 1L));
        assertThat(accepted.steps()).containsExactly("accept");
        assertThat(accepted.caseStatus()).isEqualTo("handling");
        assertThat(FIX.updates.apply(JIZHOU, "CG", update("u2", d, "in-progress", "已到现场", 2L)).steps())
                .containsExactly("progress");
        UpdateOutcome resolved = FIX.updates.apply(JIZHOU, "CG", update("u3", d, "resolved", "垃圾已清运", 3L));
        assertThat(resolved.steps()).containsExactly("feedback");
        assertThat(status(caseId)).isEqualTo(CaseStatus.FEEDBACK);
        List<JournalEntry> journal = FIX.cases.journal(JIZHOU, caseId);
        JournalEntry last = journal.get(journal.size() - 1);
        assertThat(last.note()).isEqualTo("垃圾已清运");
        assertThat(last.attachments()).containsExactly("https://img.example/after.jpg");
        assertThat(last.actor()).isEqualTo("dept-cg");
    }

    @Test
    public void resolvedStraightAfterDispatchAcceptsFirst() {
        OutboundDispatch d = lead(DispatchOutboxTest.dispatched(FIX, "CG"));
        assertThat(FIX.updates.apply(JIZHOU, "CG", update("r1", d, "resolved", "已处理", null)).steps())
                .containsExactly("accept", "feedback");
    }

    @Test
    public void aRepeatedUpdateChangesNothingAndRepeatsTheFirstOutcome() {
        UUID caseId = DispatchOutboxTest.dispatched(FIX, "CG");
        OutboundDispatch d = lead(caseId);
        UpdateOutcome first = FIX.updates.apply(JIZHOU, "CG", update("dup-1", d, "accepted", null, null));
        int entries = FIX.cases.journal(JIZHOU, caseId).size();
        UpdateOutcome again = FIX.updates.apply(JIZHOU, "CG", update("dup-1", d, "accepted", null, null));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.steps()).isEqualTo(first.steps());
        assertThat(again.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(FIX.cases.journal(JIZHOU, caseId)).hasSize(entries);
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "CG", update("dup-1", d, "resolved", "x", null)))
                .isInstanceOf(ConflictException.class).extracting("field").isEqualTo("updateId");
    }

    @Test
    public void concurrentCopiesOfOneUpdateAreAllAnsweredAsOne() throws Exception {
        UUID caseId = DispatchOutboxTest.dispatched(FIX, "CG");
        OutboundDispatch d = lead(caseId);
        int copies = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<UpdateOutcome>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < copies; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return FIX.updates.apply(JIZHOU, "CG", update("race-1", d, "resolved", "已处理", null));
                }));
            }
            start.countDown();
            List<UpdateOutcome> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<UpdateOutcome> answer : answers) {
                outcomes.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)); // none may fail with 409
            }
            assertThat(outcomes).filteredOn(o -> !o.duplicate()).hasSize(1);
            assertThat(outcomes).filteredOn(UpdateOutcome::duplicate).hasSize(copies - 1);
            assertThat(outcomes).extracting(UpdateOutcome::steps).containsOnly(List.of("accept", "feedback"));
            assertThat(status(caseId)).isEqualTo(CaseStatus.FEEDBACK);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void outOfOrderUpdatesAreRefusedAndChangeNothing() {
        UUID caseId = DispatchOutboxTest.dispatched(FIX, "CG");
        OutboundDispatch d = lead(caseId);
        FIX.updates.apply(JIZHOU, "CG", update("o1", d, "in-progress", "处置中", 5L));
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "CG", update("o2", d, "in-progress", "旧消息", 4L)))
                .isInstanceOf(ConflictException.class).extracting("field").isEqualTo("sequence");
        FIX.updates.apply(JIZHOU, "CG", update("o3", d, "resolved", "完成", 6L));
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "CG", update("o4", d, "accepted", null, 7L)))
                .isInstanceOf(ConflictException.class).extracting("field").isEqualTo("status");
        assertThat(status(caseId)).isEqualTo(CaseStatus.FEEDBACK);
    }

    @Test
    public void unknownOrForeignDispatchesAreRefused() {
        OutboundDispatch d = lead(DispatchOutboxTest.dispatched(FIX, "CG"));
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "SJ", update("w1", d, "accepted", null, null)))
                .isInstanceOf(WrongDepartmentException.class);
        DepartmentUpdate unknown = new DepartmentUpdate("w2", UUID.randomUUID(), null, "accepted", null, null, null, null, null);
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "CG", unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FIX.updates.apply("donghu", "CG", update("w3", d, "accepted", null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "CG", update("w4", d, "done", null, null)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("status");
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "CG", update("w5", d, "returned", " ", null)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("note");
        assertThat(status(d.caseId())).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    public void aReturnEndsTheDispatchAndACoDepartmentOnlyAddsNotes() {
        UUID caseId = DispatchOutboxTest.dispatched(FIX, "CG", "SJ");
        OutboundDispatch co = DispatchOutboxTest.ofCase(FIX, caseId).stream().filter(x -> !x.lead()).findFirst().orElseThrow();
        assertThat(FIX.updates.apply(JIZHOU, "SJ", update("c1", co, "resolved", "已配合检查", null)).steps())
                .containsExactly("progress");
        assertThat(status(caseId)).isEqualTo(CaseStatus.DISPATCHED);
        OutboundDispatch d = lead(caseId);
        UpdateOutcome returned = FIX.updates.apply(JIZHOU, "CG", update("c2", d, "returned", "属市场监管职责", null));
        assertThat(returned.caseStatus()).isEqualTo("registered");
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "CG", update("c3", d, "accepted", null, null)))
                .isInstanceOf(ConflictException.class).extracting("field").isEqualTo("dispatchId");
    }

    @Test
    public void theCaseIdFindsTheLatestDispatchToThatDepartment() {
        UUID caseId = DispatchOutboxTest.dispatched(FIX, "HW");
        DepartmentUpdate byCase = new DepartmentUpdate("k1", null, caseId, "accepted", null, null, null, null, "hw-system");
        assertThat(FIX.updates.apply(JIZHOU, "HW", byCase).dispatchId()).isEqualTo(lead(caseId).dispatchId());
        DepartmentUpdate notOurs = new DepartmentUpdate("k2", null, caseId, "accepted", null, null, null, null, null);
        assertThatThrownBy(() -> FIX.updates.apply(JIZHOU, "GA", notOurs)).isInstanceOf(NotFoundException.class);
    }
}
