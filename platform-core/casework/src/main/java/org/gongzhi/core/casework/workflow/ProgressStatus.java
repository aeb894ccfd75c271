package org.gongzhi.core.casework.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;

/**
 * The progress statuses a department reports (部门回报), and the case steps each becomes. A co-handling
 * department's report is a progress note only; the lead department's moves the case:
 * {@code accepted} → accept, {@code in-progress} → (accept) progress, {@code resolved} → (accept) feedback,
 * {@code returned} → return. A postponed case takes neither resolved nor returned.
 *
 * @since 1.0.0
 */
public enum ProgressStatus {
    /** 已签收. */
    ACCEPTED("已签收"),
    /** 处置中. */
    IN_PROGRESS("处置中"),
    /** 已办结. */
    RESOLVED("已办结"),
    /** 退回（非本部门职责）. */
    RETURNED("退回");

    private static final int MAX_ID = 128;
    private final String labelZh;

    ProgressStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    /** {@code accepted}, {@code in-progress}, {@code resolved} or {@code returned}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * Checks the update's fields; returns its status.
     *
     * @throws ValidationException naming the field
     */
    public static ProgressStatus check(DepartmentUpdate u) {
        if (u.updateId() == null || u.updateId().isBlank() || u.updateId().length() > MAX_ID) {
            throw new ValidationException("updateId", "必填，至多 " + MAX_ID + " 个字符 (required, at most " + MAX_ID
                    + " characters)");
        }
        if (u.dispatchId() == null && u.caseId() == null) {
            throw new ValidationException("dispatchId", "须给出 dispatchId 或 caseId (dispatchId or caseId is required)");
        }
        ProgressStatus status = Optional.ofNullable(u.status())
                .flatMap(s -> WireNames.lookup(values(), ProgressStatus::wireName, s))
                .orElseThrow(() -> new ValidationException("status", "须为 accepted、in-progress、resolved 或 returned "
                        + "(must be accepted, in-progress, resolved or returned): " + u.status()));
        boolean blankNote = u.note() == null || u.note().isBlank();
        if (blankNote && status == RESOLVED) {
            throw new ValidationException("note", "办结须填写处置结果 (resolved needs the result in note)");
        }
        if (blankNote && status == RETURNED) {
            throw new ValidationException("note", "退回须说明原因 (returned needs the reason in note)");
        }
        if (u.sequence() != null && u.sequence() < 0) {
            throw new ValidationException("sequence", "不能为负数 (must not be negative)");
        }
        return status;
    }

    /** Whether a case in {@code status} is still with its departments (dispatched, handling, postponed). */
    public static boolean withDepartment(CaseStatus status) {
        return status == CaseStatus.DISPATCHED || status == CaseStatus.HANDLING || status == CaseStatus.POSTPONED;
    }

    /**
     * The steps this status takes on a case in {@code current}, reported by {@code department} (the lead one
     * when {@code lead}); the actor is the update's or {@code dept-<code in lower case>}.
     *
     * @throws ConflictException ({@code status}) when the case cannot take it now (out of order)
     */
    public List<TransitionCommand> steps(CaseStatus current, boolean lead, String department, DepartmentUpdate u) {
        String actor = u.actor() == null ? "dept-" + department.toLowerCase(Locale.ROOT) : u.actor();
        String note = u.note() == null || u.note().isBlank() ? null : u.note().strip();
        List<TransitionCommand> out = new ArrayList<>();
        if (!withDepartment(current)) {
            throw outOfOrder(current);
        }
        if (!lead) {
            String text = "协办部门 " + department + " " + labelZh + (note == null ? "" : "：" + note);
            out.add(step(CaseAction.PROGRESS, actor, text, u.photos()));
            return out;
        }
        boolean dispatched = current == CaseStatus.DISPATCHED;
        switch (this) {
            case ACCEPTED -> {
                if (!dispatched) {
                    throw outOfOrder(current);
                }
                out.add(step(CaseAction.ACCEPT, actor, note, List.of()));
            }
            case IN_PROGRESS -> {
                if (dispatched) {
                    out.add(step(CaseAction.ACCEPT, actor, null, List.of()));
                }
                out.add(step(CaseAction.PROGRESS, actor, note == null ? labelZh : note, u.photos()));
            }
            case RESOLVED -> {
                if (current == CaseStatus.POSTPONED) {
                    throw outOfOrder(current);
                }
                if (dispatched) {
                    out.add(step(CaseAction.ACCEPT, actor, null, List.of()));
                }
                out.add(step(CaseAction.FEEDBACK, actor, note, u.photos()));
            }
            case RETURNED -> {
                if (current == CaseStatus.POSTPONED) {
                    throw outOfOrder(current);
                }
                out.add(step(CaseAction.RETURN, actor, note, u.photos()));
            }
            default -> throw new IllegalStateException(name());
        }
        return out;
    }

    private static TransitionCommand step(CaseAction action, String actor, String note, List<String> photos) {
        return new TransitionCommand(action, actor, note, photos, null, null, null, null, null, null);
    }

    private ConflictException outOfOrder(CaseStatus current) {
        return new ConflictException("status", "案件当前状态为「" + current.labelZh() + "」，不能接受「" + labelZh
                + "」回报 (out of order: a case in status " + WireNames.of(current) + " cannot take " + wireName() + ")");
    }
}
