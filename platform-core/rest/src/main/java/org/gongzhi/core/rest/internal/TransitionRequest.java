package org.gongzhi.core.rest.internal;

import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.TransitionCommand;

/**
 * Body of {@code POST …/cases/{id}/transitions}; {@code action} is a wire name such as {@code dispatch}.
 * {@code note} is internal; {@code publicNote} is journaled apart as the text the public sees (Open311).
 */
record TransitionRequest(String action, String note, List<String> attachments, String leadDepartment,
                         List<String> coDepartments, String tier, Integer extraWorkingDays, Integer satisfaction,
                         Long expectedVersion, String publicNote) {

    TransitionCommand toCommand(String actor, Long ifMatchVersion) {
        if (action == null || action.isBlank()) {
            throw new ValidationException("action", "必填项 (required): action");
        }
        CaseAction parsed = CaseAction.fromWireName(action).orElseThrow(() -> new ValidationException("action",
                "未知的操作 (unknown action): " + action));
        // the document's ranges hold whatever the action: a value out of range is bad input even where unused
        range("satisfaction", satisfaction, 1, 5);
        range("extraWorkingDays", extraWorkingDays, 1, 30);
        if (expectedVersion != null && expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "expectedVersion 不能为负数 (must not be negative)");
        }
        SlaTier parsedTier = tier == null ? null : SlaTier.fromWireName(tier).orElseThrow(() ->
                new ValidationException("tier", "未知的分级 (unknown tier, use simple, coordination or difficult): " + tier));
        return new TransitionCommand(parsed, actor, note, attachments, leadDepartment, coDepartments, parsedTier,
                extraWorkingDays, satisfaction, expectedVersion != null ? expectedVersion : ifMatchVersion, publicNote);
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new ValidationException(field, field + " 须在 " + min + "–" + max + " 之间 (must be " + min + "–" + max + "): "
                    + value);
        }
    }
}
