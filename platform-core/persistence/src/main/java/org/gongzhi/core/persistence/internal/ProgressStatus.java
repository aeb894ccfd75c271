package org.gongzhi.core.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.DepartmentUpdate;
import org.gongzhi.core.service.TransitionCommand;
import org.gongzhi.core.service.ValidationException;

/** The progress statuses a department reports, and the case steps each becomes. */
enum ProgressStatus {
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

    String wireName() {
        return WireNames.of(this);
    }

    /** Checks the update's fields; returns its status. @throws ValidationException naming the field */
    static ProgressStatus check(DepartmentUpdate u) {
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

    /**
     * The steps this status takes on a case in {@code current}.
     *
     * @throws ConflictException ({@code status}) when the case cannot take it now (out of order)
     */
    List<TransitionCommand> steps(CaseStatus current, boolean lead, String department, DepartmentUpdate u) {
        String actor = u.actor() == null ? "dept-" + department.toLowerCase(java.util.Locale.ROOT) : u.actor();
        String note = u.note() == null || u.note().isBlank() ? null : u.note().strip();
        List<TransitionCommand> out = new ArrayList<>();
        if (!HibernateDepartmentUpdates.withDepartment(current)) {
            throw outOfOrder(current);
        }
        if (!lead) {
            String text = "协办部门 " + department + " " + labelZh + (note == null ? "" : "：" + note);
            out.add(HibernateDepartmentUpdates.step(CaseAction.PROGRESS, actor, text, u.photos()));
            return out;
        }
        boolean dispatched = current == CaseStatus.DISPATCHED;
        switch (this) {
            case ACCEPTED -> {
                if (!dispatched) {
                    throw outOfOrder(current);
                }
                out.add(HibernateDepartmentUpdates.step(CaseAction.ACCEPT, actor, note, List.of()));
            }
            case IN_PROGRESS -> {
                if (dispatched) {
                    out.add(HibernateDepartmentUpdates.step(CaseAction.ACCEPT, actor, null, List.of()));
                }
                out.add(HibernateDepartmentUpdates.step(CaseAction.PROGRESS, actor, note == null ? labelZh : note,
                        u.photos()));
            }
            case RESOLVED -> {
                if (current == CaseStatus.POSTPONED) {
                    throw outOfOrder(current);
                }
                if (dispatched) {
                    out.add(HibernateDepartmentUpdates.step(CaseAction.ACCEPT, actor, null, List.of()));
                }
                out.add(HibernateDepartmentUpdates.step(CaseAction.FEEDBACK, actor, note, u.photos()));
            }
            case RETURNED -> {
                if (current == CaseStatus.POSTPONED) {
                    throw outOfOrder(current);
                }
                out.add(HibernateDepartmentUpdates.step(CaseAction.RETURN, actor, note, u.photos()));
            }
            default -> throw new IllegalStateException(name());
        }
        return out;
    }

    private ConflictException outOfOrder(CaseStatus current) {
        return new ConflictException("status", "案件当前状态为「" + current.labelZh() + "」，不能接受「" + labelZh
                + "」回报 (out of order: a case in status " + WireNames.of(current) + " cannot take " + wireName() + ")");
    }
}
