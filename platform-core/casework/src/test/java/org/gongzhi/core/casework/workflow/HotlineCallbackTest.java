package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.CallbackAttempt;
import org.gongzhi.core.service.hotline.CallbackState;
import org.junit.Test;

/** 12345 回访: the rules of one attempt, without a database. */
public class HotlineCallbackTest {

    private static final HotlineCallback THREE = new HotlineCallback(3);
    private static final Instant LATER = Jizhou.MONDAY_9.plus(Duration.ofHours(2));

    /** A case of channel {@code channel}, closed. */
    static CaseRecord closed(String channel, String key) {
        CaseReport r = new CaseReport(UUID.randomUUID(), "360802-20261102-000009", "路灯不亮", null, "CM0604",
                "CITY_MANAGEMENT", channel, Jizhou.GRID, null, null, null, null, "李四", "13912345678", null, null, null,
                false, List.of(), Jizhou.MONDAY_9.minus(Duration.ofMinutes(5)), key, key == null ? null : "12345热线", false);
        CaseRecord reported = new CaseRecord(r, LoopState.reported(SlaTier.SIMPLE));
        CaseRecord registered = Jizhou.take(reported, Jizhou.MONDAY_9, Jizhou.step(CaseAction.REGISTER, null),
                Jizhou.dispatch("CG"));
        return Jizhou.take(registered, Jizhou.MONDAY_9.plus(Duration.ofMinutes(40)), Jizhou.step(CaseAction.ACCEPT, null),
                Jizhou.step(CaseAction.FEEDBACK, "已修复"), Jizhou.step(CaseAction.VERIFY_PASS, null),
                Jizhou.step(CaseAction.CLOSE, null));
    }

    private static String field(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return "validation:" + e.field();
        } catch (ConflictException e) {
            return "conflict:" + e.field();
        }
        throw new AssertionError("not refused");
    }

    @Test
    public void reachedBecomesTheEvaluationWithTheSeatAsActor() {
        CaseRecord c = closed("hotline", "hotline:JA-1");
        HotlineCallback.Decision d = THREE.decide(c, 2, new CallbackAttempt(true, 5, "态度很好"), "seat-7");
        assertThat(d.state()).isEqualTo(CallbackState.EVALUATED);
        assertThat(d.step().action()).isEqualTo(CaseAction.EVALUATE);
        assertThat(d.step().satisfaction()).isEqualTo(5);
        assertThat(d.step().actor()).isEqualTo("seat-7");
        assertThat(d.step().note()).contains("满意").contains("态度很好");
        // the decided step is one the workflow takes
        assertThat(Jizhou.FLOW.apply(c, d.step(), LATER, StepHooks.none()).after().state().satisfaction()).isEqualTo(5);
    }

    @Test
    public void notReachedIsACommentCountingTheAttemptAndTheLastGivesUp() {
        CaseRecord c = closed("hotline", "hotline:JA-1");
        HotlineCallback.Decision first = THREE.decide(c, 0, new CallbackAttempt(false, null, null), "seat-7");
        assertThat(first.step().action()).isEqualTo(CaseAction.COMMENT);
        assertThat(first.failedAttempts()).isEqualTo(1);
        assertThat(first.state()).isEqualTo(CallbackState.DUE);
        assertThat(first.step().note()).contains("第 1 次，共 3 次").doesNotContain("未回访成功");
        HotlineCallback.Decision last = THREE.decide(c, 2, new CallbackAttempt(false, null, "关机"), "seat-7");
        assertThat(last.state()).isEqualTo(CallbackState.UNREACHABLE);
        assertThat(last.step().note()).contains("未回访成功").contains("关机");
        assertThat(Jizhou.FLOW.apply(c, last.step(), LATER, StepHooks.none()).after().state().status())
                .as("the comment leaves the case closed").isEqualTo(c.state().status());
        assertThat(field(() -> THREE.decide(c, 3, new CallbackAttempt(false, null, null), "s"))).isEqualTo("conflict:attempts");
        assertThat(field(() -> new HotlineCallback(1).decide(c, 1, new CallbackAttempt(true, 5, null), "s")))
                .as("given up: not even a late reached call").isEqualTo("conflict:attempts");
    }

    @Test
    public void inputIsCheckedFieldByField() {
        CaseRecord c = closed("hotline", "hotline:JA-1");
        assertThat(field(() -> THREE.decide(c, 0, new CallbackAttempt(true, null, null), "s"))).isEqualTo("validation:satisfaction");
        assertThat(field(() -> THREE.decide(c, 0, new CallbackAttempt(true, 0, null), "s"))).isEqualTo("validation:satisfaction");
        assertThat(field(() -> THREE.decide(c, 0, new CallbackAttempt(true, 6, null), "s"))).isEqualTo("validation:satisfaction");
        assertThat(field(() -> THREE.decide(c, 0, new CallbackAttempt(false, 4, null), "s"))).isEqualTo("validation:satisfaction");
        assertThat(field(() -> THREE.decide(c, 0, new CallbackAttempt(false, null, "长".repeat(501)), "s")))
                .isEqualTo("validation:note");
        assertThat(field(() -> THREE.decide(c, 0, null, "s"))).isEqualTo("validation:reached");
    }

    @Test
    public void onlyClosedHotlineCasesAreCalledBack() {
        assertThat(field(() -> THREE.decide(closed("grid-worker", null), 0, new CallbackAttempt(true, 5, null), "s")))
                .isEqualTo("conflict:status");
        CaseRecord evaluated = Jizhou.take(closed("hotline", "hotline:JA-1"), LATER, Jizhou.evaluate(4));
        assertThat(field(() -> THREE.decide(evaluated, 0, new CallbackAttempt(true, 5, null), "s")))
                .isEqualTo("conflict:status");
        assertThat(HotlineCallback.callable(closed("hotline", null))).as("a hotline call entered by hand").isTrue();
    }

    @Test
    public void theThreeLevelsOfThe12345Norm() {
        assertThat(HotlineCallback.level(5)).startsWith("满意");
        assertThat(HotlineCallback.level(4)).startsWith("基本满意");
        assertThat(HotlineCallback.level(1)).startsWith("不满意");
        assertThat(HotlineCallback.level(3)).startsWith("3 分");
        assertThatThrownBy(() -> new HotlineCallback(3).decide(closed("hotline", null), 0,
                new CallbackAttempt(true, -1, null), "s")).isInstanceOf(ValidationException.class);
    }
}
