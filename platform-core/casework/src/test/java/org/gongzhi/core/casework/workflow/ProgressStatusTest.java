package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.junit.Test;

/** A department's progress report (部门回报): its checks and the case steps it becomes. */
public class ProgressStatusTest {

    private static final UUID DISPATCH = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    private static DepartmentUpdate update(String id, String status, String note) {
        return new DepartmentUpdate(id, DISPATCH, null, status, note, List.of("https://cg.example/p.jpg"), null, null, null);
    }

    private static String field(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.field();
        }
        throw new AssertionError("not refused");
    }

    @Test
    public void theUpdatesFieldsAreChecked() {
        assertThat(field(() -> ProgressStatus.check(update(null, "accepted", null)))).isEqualTo("updateId");
        assertThat(field(() -> ProgressStatus.check(update("x".repeat(129), "accepted", null)))).isEqualTo("updateId");
        assertThat(field(() -> ProgressStatus.check(new DepartmentUpdate("u1", null, null, "accepted", null, List.of(),
                null, null, null)))).isEqualTo("dispatchId");
        assertThat(field(() -> ProgressStatus.check(update("u1", "done", null)))).isEqualTo("status");
        assertThat(field(() -> ProgressStatus.check(update("u1", "resolved", " ")))).isEqualTo("note");
        assertThat(field(() -> ProgressStatus.check(update("u1", "returned", null)))).isEqualTo("note");
        assertThat(field(() -> ProgressStatus.check(new DepartmentUpdate("u1", DISPATCH, null, "accepted", null,
                List.of(), null, -1L, null)))).isEqualTo("sequence");
        assertThat(ProgressStatus.check(update("u1", "in-progress", null))).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(ProgressStatus.IN_PROGRESS.wireName()).isEqualTo("in-progress");
    }

    private static List<CaseAction> actions(List<TransitionCommand> steps) {
        return steps.stream().map(TransitionCommand::action).toList();
    }

    @Test
    public void theLeadDepartmentMovesTheCase() {
        DepartmentUpdate resolved = update("u1", "resolved", " 已清运 ");
        List<TransitionCommand> steps = ProgressStatus.RESOLVED.steps(CaseStatus.DISPATCHED, true, "CG", resolved);
        assertThat(actions(steps)).containsExactly(CaseAction.ACCEPT, CaseAction.FEEDBACK);
        assertThat(steps.get(0).note()).isNull();
        assertThat(steps.get(0).attachments()).isEmpty();
        assertThat(steps.get(1).note()).isEqualTo("已清运");
        assertThat(steps.get(1).attachments()).containsExactly("https://cg.example/p.jpg");
        assertThat(steps.get(1).actor()).isEqualTo("dept-cg");
        assertThat(actions(ProgressStatus.RESOLVED.steps(CaseStatus.HANDLING, true, "CG", resolved)))
                .containsExactly(CaseAction.FEEDBACK);
        List<TransitionCommand> working = ProgressStatus.IN_PROGRESS.steps(CaseStatus.DISPATCHED, true, "CG",
                update("u2", "in-progress", null));
        assertThat(actions(working)).containsExactly(CaseAction.ACCEPT, CaseAction.PROGRESS);
        assertThat(working.get(1).note()).isEqualTo("处置中");
        assertThat(actions(ProgressStatus.RETURNED.steps(CaseStatus.HANDLING, true, "CG", update("u3", "returned", "非本部门"))))
                .containsExactly(CaseAction.RETURN);
        assertThat(actions(ProgressStatus.ACCEPTED.steps(CaseStatus.DISPATCHED, true, "CG", update("u4", "accepted", null))))
                .containsExactly(CaseAction.ACCEPT);
    }

    @Test
    public void aCoHandlingDepartmentOnlyWritesProgress() {
        List<TransitionCommand> steps = ProgressStatus.RESOLVED.steps(CaseStatus.HANDLING, false, "HW",
                new DepartmentUpdate("u1", DISPATCH, null, "resolved", "已配合", List.of(), null, null, "hw-li"));
        assertThat(actions(steps)).containsExactly(CaseAction.PROGRESS);
        assertThat(steps.get(0).note()).isEqualTo("协办部门 HW 已办结：已配合");
        assertThat(steps.get(0).actor()).isEqualTo("hw-li");
    }

    @Test
    public void outOfOrderUpdatesAreConflicts() {
        assertThatThrownBy(() -> ProgressStatus.ACCEPTED.steps(CaseStatus.HANDLING, true, "CG", update("u", "accepted", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot take accepted");
        assertThatThrownBy(() -> ProgressStatus.RESOLVED.steps(CaseStatus.POSTPONED, true, "CG", update("u", "resolved", "x")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ProgressStatus.RETURNED.steps(CaseStatus.POSTPONED, true, "CG", update("u", "returned", "x")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ProgressStatus.IN_PROGRESS.steps(CaseStatus.FEEDBACK, false, "HW", update("u", "in-progress", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("a case in status feedback");
        assertThat(ProgressStatus.withDepartment(CaseStatus.POSTPONED)).isTrue();
        assertThat(ProgressStatus.withDepartment(CaseStatus.REGISTERED)).isFalse();
    }
}
