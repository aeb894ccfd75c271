package org.gongzhi.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plugin's triage of one case (分级分类): its tier, due period and who handles it.
 *
 * @param tier                    {@code simple}, {@code coordination} or {@code difficult}
 * @param dueHours                due period in wall-clock hours, or 0 when {@code dueWorkingDays} applies
 * @param dueWorkingDays          due period in working days of the tenant's calendar, or 0
 * @param leadDepartmentKind      kind of the lead department (牵头部门), e.g. {@code CITY_MANAGEMENT}; null keeps the
 *                                lead of the district's responsibility list (责任清单). The core proposes that list's
 *                                lead when it is of this kind, else the district's first department of the kind
 * @param coHandlingDepartmentKinds kinds of co-handling departments (协办部门), may be empty; each adds the district's
 *                                first department of the kind unless a proposed department has it already
 * @param copyToCompetentDepartment whether the dispatch is copied at the same time to the district competent department (同步抄送)
 * @param attributes              what the model shows on the case, e.g. {@code colour=red}; keys and values at most 40 characters
 * @since 1.0
 */
public record TriageDecision(String tier, int dueHours, int dueWorkingDays, String leadDepartmentKind,
                             List<String> coHandlingDepartmentKinds, boolean copyToCompetentDepartment,
                             Map<String, String> attributes) {
    public TriageDecision {
        Objects.requireNonNull(tier, "tier");
        if ((dueHours > 0) == (dueWorkingDays > 0)) {
            throw new IllegalArgumentException("exactly one of dueHours and dueWorkingDays must be positive");
        }
        coHandlingDepartmentKinds = List.copyOf(coHandlingDepartmentKinds == null ? List.of() : coHandlingDepartmentKinds);
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }
}
