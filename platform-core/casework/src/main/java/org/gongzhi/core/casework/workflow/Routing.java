package org.gongzhi.core.casework.workflow;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.DispatchProposal;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.Responsibility;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.TriageDecision;

/**
 * Who a case goes to (派单建议), asked at intake and at registration: the district's responsibility list,
 * then the plugin's triage departments on top of it (ADR 0033).
 *
 * <ol>
 * <li>The list's most specific line for the case's category and grid gives the lead and co-handling
 *     departments ({@link ResponsibilityList#route}).</li>
 * <li>A triage that names a lead department kind decides the kind: the list's lead stays when it is of
 *     that kind, else the district's first department of that kind leads. A triage that names
 *     co-handling kinds adds the first department of each kind that no chosen department has yet.</li>
 * <li>Without a list line, a triage that names only co-handling kinds leads with the category's
 *     competent department; without either, nothing is proposed.</li>
 * </ol>
 * Kinds the district has no department of are ignored. Stateless.
 *
 * @since 1.1.0
 */
public final class Routing {

    private Routing() {
    }

    /**
     * The proposal for case {@code c} of {@code tenant}; empty when neither list nor triage names a lead. Its
     * tier is the triage's, else the list line's, else the case's tier as it stands (the category's).
     */
    public static Optional<DispatchProposal> propose(TenantDefinition tenant, ResponsibilityList list,
                                                     CaseRecord c, Optional<Triage> triage) {
        CaseReport report = c.report();
        Optional<Responsibility> line = list.route(report.categoryCode(), report.gridPath());
        String lead = line.map(Responsibility::leadDepartment).orElse(null);
        Set<String> co = new LinkedHashSet<>(line.map(Responsibility::coDepartments).orElse(java.util.List.of()));
        String source = line.isPresent() ? "list" : null;
        if (triage.isPresent()) {
            TriageDecision t = triage.get().decision();
            String before = lead + co;
            String kind = t.leadDepartmentKind();
            if (kind != null && !kindOf(tenant, lead).equals(kind)) {
                lead = first(tenant, kind).orElse(lead);
            }
            if (lead == null && !t.coHandlingDepartmentKinds().isEmpty()) {
                lead = tenant.category(report.categoryCode()).flatMap(cd -> first(tenant, cd.departmentKind())).orElse(null);
            }
            for (String k : t.coHandlingDepartmentKinds()) {
                String leadNow = lead;
                boolean covered = kindOf(tenant, lead).equals(k) || co.stream().anyMatch(d -> kindOf(tenant, d).equals(k));
                if (!covered) {
                    first(tenant, k).filter(d -> !d.equals(leadNow)).ifPresent(co::add);
                }
            }
            if (!before.equals(lead + co)) {
                source = (source == null ? "" : source + "+") + "triage:" + triage.get().model();
            }
        }
        if (lead == null) {
            return Optional.empty();
        }
        co.remove(lead);
        SlaTier tier = triage.flatMap(t -> SlaTier.fromWireName(t.decision().tier()))
                .or(() -> line.map(Responsibility::tier)).orElse(c.state().tier());
        return Optional.of(new DispatchProposal(lead, java.util.List.copyOf(co), tier, source));
    }

    private static String kindOf(TenantDefinition tenant, String department) {
        return department == null ? "" : tenant.department(department).map(DepartmentDefinition::kind).orElse("");
    }

    private static Optional<String> first(TenantDefinition tenant, String kind) {
        return kind == null ? Optional.empty()
                : tenant.departmentsOfKind(kind).stream().findFirst().map(DepartmentDefinition::code);
    }
}
