package org.gongzhi.core.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gongzhi.core.casework.CaseAction.*;
import static org.gongzhi.core.casework.CaseStatus.*;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

public class CaseLifecycleTest {

    /** The full table from the brief: "FROM action" → TO. */
    private static final Map<String, CaseStatus> LEGAL = new LinkedHashMap<>();

    static {
        LEGAL.put("REPORTED register", REGISTERED);
        LEGAL.put("REPORTED reject", REJECTED);
        LEGAL.put("REGISTERED reject", REJECTED);
        LEGAL.put("REGISTERED dispatch", DISPATCHED);
        LEGAL.put("DISPATCHED accept", HANDLING);
        LEGAL.put("DISPATCHED return", REGISTERED);
        LEGAL.put("HANDLING return", REGISTERED);
        LEGAL.put("HANDLING feedback", CaseStatus.FEEDBACK);
        LEGAL.put("HANDLING postpone", POSTPONED);
        LEGAL.put("DISPATCHED postpone", POSTPONED);
        LEGAL.put("POSTPONED resume", HANDLING);
        LEGAL.put("FEEDBACK verify-pass", VERIFIED);
        LEGAL.put("FEEDBACK verify-fail", HANDLING);
        LEGAL.put("VERIFIED close", CLOSED);
        LEGAL.put("CLOSED evaluate", EVALUATED);
        LEGAL.put("CLOSED reopen", REGISTERED);
        LEGAL.put("EVALUATED reopen", REGISTERED);
        LEGAL.put("REJECTED reopen", REGISTERED);
        LEGAL.put("DISPATCHED progress", DISPATCHED);
        LEGAL.put("HANDLING progress", HANDLING);
        LEGAL.put("POSTPONED progress", POSTPONED);
        for (CaseStatus s : CaseStatus.values()) {
            LEGAL.put(s.name() + " comment", s); // a comment is allowed in every status and changes nothing
        }
    }

    @Test
    public void everyLegalTransitionLeadsToItsTarget() {
        assertThat(LEGAL).hasSize(21 + CaseStatus.values().length);
        LEGAL.forEach((key, to) -> {
            String[] parts = key.split(" ");
            CaseStatus from = CaseStatus.valueOf(parts[0]);
            CaseAction action = CaseAction.fromWireName(parts[1]).orElseThrow();
            assertThat(CaseLifecycle.next(from, action)).as(key).isEqualTo(to);
            assertThat(CaseLifecycle.canPerform(from, action)).as(key).isTrue();
        });
    }

    @Test
    public void everyOtherPairIsIllegal() {
        int illegal = 0;
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseAction action : CaseAction.values()) {
                if (LEGAL.containsKey(from.name() + " " + action.wireName())) {
                    continue;
                }
                illegal++;
                IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
                        () -> CaseLifecycle.next(from, action));
                assertThat(e).as(from + " " + action).isNotNull();
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.action()).isEqualTo(action);
                assertThat(e.allowed()).isEqualTo(CaseLifecycle.allowedActions(from));
                assertThat(CaseLifecycle.target(from, action)).isEmpty();
            }
        }
        assertThat(illegal).isEqualTo(CaseStatus.values().length * CaseAction.values().length - LEGAL.size());
    }

    @Test
    public void illegalTransitionMessageIsChineseFirst() {
        assertThatThrownBy(() -> CaseLifecycle.next(REPORTED, DISPATCH))
                .isInstanceOf(IllegalTransitionException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("案件状态为「已上报」时不能执行「派遣」操作 (cannot dispatch a case in status REPORTED;"
                        + " allowed: register, reject, comment)");
        assertThatThrownBy(() -> CaseLifecycle.next(CLOSED, VERIFY_PASS))
                .hasMessageStartingWith("案件状态为「已结案」时不能执行「核查通过」操作 (cannot verify-pass a case in status CLOSED");
        assertThatThrownBy(() -> CaseLifecycle.next(VERIFIED, CaseAction.FEEDBACK))
                .hasMessageContaining("allowed: close, comment)");
    }

    @Test
    public void allowedActionsPerStatus() {
        assertThat(CaseLifecycle.allowedActions(REPORTED)).containsExactly(REGISTER, REJECT, COMMENT);
        assertThat(CaseLifecycle.allowedActions(REGISTERED)).containsExactly(REJECT, DISPATCH, COMMENT);
        assertThat(CaseLifecycle.allowedActions(DISPATCHED)).containsExactly(ACCEPT, RETURN, POSTPONE, PROGRESS, COMMENT);
        assertThat(CaseLifecycle.allowedActions(HANDLING)).containsExactly(RETURN, CaseAction.FEEDBACK, POSTPONE, PROGRESS, COMMENT);
        assertThat(CaseLifecycle.allowedActions(POSTPONED)).containsExactly(RESUME, PROGRESS, COMMENT);
        assertThat(CaseLifecycle.allowedActions(CaseStatus.FEEDBACK)).containsExactly(VERIFY_PASS, VERIFY_FAIL, COMMENT);
        assertThat(CaseLifecycle.allowedActions(VERIFIED)).containsExactly(CLOSE, COMMENT);
        assertThat(CaseLifecycle.allowedActions(CLOSED)).containsExactly(EVALUATE, REOPEN, COMMENT);
        assertThat(CaseLifecycle.allowedActions(EVALUATED)).containsExactly(REOPEN, COMMENT);
        assertThat(CaseLifecycle.allowedActions(REJECTED)).containsExactly(REOPEN, COMMENT);
    }

    @Test
    public void allowedActionsIsACopy() {
        CaseLifecycle.allowedActions(REPORTED).clear();
        assertThat(CaseLifecycle.allowedActions(REPORTED)).isEqualTo(EnumSet.of(REGISTER, REJECT, COMMENT));
    }

    @Test
    public void onlyFailedVerificationIsRework() {
        assertThat(CaseLifecycle.isRework(CaseStatus.FEEDBACK, VERIFY_FAIL)).isTrue();
        assertThat(CaseLifecycle.isRework(CaseStatus.FEEDBACK, VERIFY_PASS)).isFalse();
        assertThat(CaseLifecycle.isRework(HANDLING, RETURN)).isFalse();
        assertThat(CaseLifecycle.isRework(CLOSED, REOPEN)).isFalse();
        assertThat(CaseLifecycle.isRework(HANDLING, VERIFY_FAIL)).isFalse();
    }

    @Test
    public void fullLoopWithReworkAndPostponement() {
        CaseStatus s = REPORTED;
        for (CaseAction a : new CaseAction[] {REGISTER, DISPATCH, RETURN, DISPATCH, ACCEPT, POSTPONE, RESUME,
                CaseAction.FEEDBACK, VERIFY_FAIL, CaseAction.FEEDBACK, VERIFY_PASS, CLOSE, EVALUATE}) {
            s = CaseLifecycle.next(s, a);
        }
        assertThat(s).isEqualTo(EVALUATED);
    }

    @Test
    public void closedAndOpen() {
        assertThat(EnumSet.allOf(CaseStatus.class)).filteredOn(CaseStatus::isClosed).containsExactly(CLOSED, EVALUATED);
        assertThat(EnumSet.allOf(CaseStatus.class)).filteredOn(CaseStatus::isOpen)
                .containsExactly(REPORTED, REGISTERED, DISPATCHED, HANDLING, POSTPONED, CaseStatus.FEEDBACK, VERIFIED);
        assertThat(REJECTED.labelZh()).isEqualTo("不予立案");
        assertThat(HANDLING.labelEn()).isEqualTo("Handling");
    }
}
