package org.gongzhi.core.service.cases;

import java.util.List;
import java.util.Objects;

import org.gongzhi.core.casework.SlaTier;

/**
 * The dispatch proposed for a case (派单建议), at intake and again at registration: the console's register
 * and dispatch dialogs start from it, a dispatch that names no lead department takes it, and in a district
 * with auto-dispatch registration performs it (ADR 0033).
 *
 * @param leadDepartment code of the lead department (牵头部门)
 * @param coDepartments  codes of the co-handling departments (协办部门), never the lead
 * @param tier           the tier: a plugin's triage, else the responsibility list's line, else the category's
 * @param source         where it came from: {@code list} (the responsibility list), {@code triage:<model>} (a
 *                       plugin's triage departments) or {@code list+triage:<model>} (both)
 * @since 1.1
 */
public record DispatchProposal(String leadDepartment, List<String> coDepartments, SlaTier tier, String source) {

    /** Copies the list. */
    public DispatchProposal {
        Objects.requireNonNull(leadDepartment, "leadDepartment");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(source, "source");
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }
}
