package org.gongzhi.core.casework.workflow;

import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.hotline.CallbackAttempt;
import org.gongzhi.core.service.hotline.CallbackState;
import org.gongzhi.core.service.hotline.HotlineCallbacks;

/**
 * 12345 回访 — the rules of one callback attempt (ADR 0030): which case may be called, what the input
 * must be, and which step of the loop records it. Reached: {@code evaluate} with the caller's
 * satisfaction (actor the seat). Not reached: {@code comment} with the attempt's count in the note;
 * the last allowed one leaves the case {@link CallbackState#UNREACHABLE} (未回访成功).
 *
 * @param maxAttempts the district's failed attempts allowed ({@code callbackAttempts})
 * @since 1.1.0
 */
public record HotlineCallback(int maxAttempts) {

    /** What to do: the step to take and the callback state after it. */
    public record Decision(TransitionCommand step, int failedAttempts, CallbackState state) {
    }

    /** Words of the three levels the console offers (满意 5, 基本满意 4, 不满意 1); others are their number. */
    public static String level(int satisfaction) {
        return switch (satisfaction) {
            case 5 -> "满意 (satisfied)";
            case 4 -> "基本满意 (mostly satisfied)";
            case 1 -> "不满意 (dissatisfied)";
            default -> satisfaction + " 分 (" + satisfaction + " of 5)";
        };
    }

    /** Whether {@code c} can be called back now: a hotline case, closed, not evaluated. */
    public static boolean callable(CaseRecord c) {
        return Channel.HOTLINE.wireName().equals(c.report().channel()) && c.state().status() == CaseStatus.CLOSED;
    }

    /**
     * Decides one attempt.
     *
     * @param failedSoFar failed attempts since the case's last close
     * @throws ValidationException naming {@code satisfaction} or {@code note}
     * @throws ConflictException   naming {@code status} (not a closed hotline case) or {@code attempts} (given up)
     */
    public Decision decide(CaseRecord c, int failedSoFar, CallbackAttempt attempt, String actor) {
        if (attempt == null) {
            throw new ValidationException("reached", "必填项 (required): reached");
        }
        Integer s = attempt.satisfaction();
        if (attempt.reached() && s == null) {
            throw new ValidationException("satisfaction", "已接通须填写满意度 1–5 (a reached caller's satisfaction 1–5 is required)");
        }
        if (s != null && (s < 1 || s > 5)) {
            throw new ValidationException("satisfaction", "满意度须为 1–5 (satisfaction must be 1–5): " + s);
        }
        if (!attempt.reached() && s != null) {
            throw new ValidationException("satisfaction", "未接通时不能填写满意度 (no satisfaction when the caller was not reached)");
        }
        String note = attempt.note() == null || attempt.note().isBlank() ? null : attempt.note().strip();
        if (note != null && note.length() > HotlineCallbacks.MAX_NOTE) {
            throw new ValidationException("note", "备注最多 " + HotlineCallbacks.MAX_NOTE + " 字 (at most "
                    + HotlineCallbacks.MAX_NOTE + " characters)");
        }
        if (!callable(c)) {
            throw new ConflictException("status", "只能回访已结案、未评价的热线案件，此案件状态为 "
                    + c.state().status().name().toLowerCase(java.util.Locale.ROOT) + "、渠道为 " + c.report().channel()
                    + " (only closed, not yet evaluated hotline cases are called back)");
        }
        if (failedSoFar >= maxAttempts) {
            throw new ConflictException("attempts", "已回访 " + failedSoFar + " 次未接通，列为未回访成功 (given up after "
                    + failedSoFar + " failed attempts)");
        }
        if (attempt.reached()) {
            String text = "电话回访：" + level(s) + (note == null ? "" : "。" + note);
            return new Decision(command(CaseAction.EVALUATE, actor, text, s), failedSoFar, CallbackState.EVALUATED);
        }
        int failed = failedSoFar + 1;
        CallbackState state = failed >= maxAttempts ? CallbackState.UNREACHABLE : CallbackState.DUE;
        String text = "电话回访未接通（第 " + failed + " 次，共 " + maxAttempts + " 次）"
                + (state == CallbackState.UNREACHABLE ? "，列为未回访成功" : "")
                + " (callback not reached, attempt " + failed + " of " + maxAttempts + ")"
                + (note == null ? "" : "。" + note);
        return new Decision(command(CaseAction.COMMENT, actor, text, null), failed, state);
    }

    private static TransitionCommand command(CaseAction action, String actor, String note, Integer satisfaction) {
        return new TransitionCommand(action, actor, note, List.of(), null, List.of(), null, null, satisfaction, null,
                null);
    }
}
