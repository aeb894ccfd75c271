package org.gongzhi.core.rest.internal;

import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.TransitionCommand;
import org.gongzhi.core.service.ValidationException;

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
        SlaTier parsedTier = tier == null ? null : SlaTier.fromWireName(tier).orElseThrow(() ->
                new ValidationException("tier", "未知的分级 (unknown tier, use simple, coordination or difficult): " + tier));
        return new TransitionCommand(parsed, actor, note, attachments, leadDepartment, coDepartments, parsedTier,
                extraWorkingDays, satisfaction, expectedVersion != null ? expectedVersion : ifMatchVersion, publicNote);
    }
}
