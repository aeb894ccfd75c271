package org.gongzhi.core.persistence.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.people.AssignCommand;
import org.gongzhi.core.service.people.Person;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Who may hold a case and when it may be (re)assigned (ADR 0035). Pure functions over the district's
 * definition, no database. A case is held by a department handler of its lead department or a grid worker of
 * its grid or of a grid above it (网格长 of the area); the people are those of the definition.
 */
final class AssignmentRules {

    private AssignmentRules() {
    }

    /** The people who may hold a case with this lead department and grid: handlers first, then grid workers. */
    static List<PersonDefinition> eligible(TenantDefinition t, String leadDepartment, String gridCode) {
        Set<String> area = area(t, gridCode);
        List<PersonDefinition> out = new ArrayList<>();
        t.people().stream().filter(p -> handles(p, leadDepartment))
                .sorted(Comparator.comparing(PersonDefinition::username)).forEach(out::add);
        t.people().stream().filter(p -> !handles(p, leadDepartment) && works(p, area))
                .sorted(Comparator.comparing(PersonDefinition::username)).forEach(out::add);
        return out;
    }

    /** Whether {@code username} may still hold a case with this lead department and grid (after a step). */
    static boolean holds(TenantDefinition t, String username, String leadDepartment, String gridCode) {
        Set<String> area = area(t, gridCode);
        return person(t, username).filter(p -> handles(p, leadDepartment) || works(p, area)).isPresent();
    }

    /**
     * Checks one assignment of a case in {@code status} held by {@code current} (or nobody) and returns the
     * assignee's definition. Order: the case's state (409), then the input (400 naming the field).
     */
    static PersonDefinition check(TenantDefinition t, CaseStatus status, String leadDepartment, String gridCode,
                                  String current, AssignCommand cmd) {
        if (status == CaseStatus.REPORTED || !status.isOpen()) {
            throw new ConflictException("case", "案件须已立案且未结案才能指派承办人 (only a registered, open case is assigned): "
                    + status.labelZh());
        }
        String who = cmd.assignee() == null ? "" : cmd.assignee().strip();
        if (who.isEmpty()) {
            throw new ValidationException("assignee", "必填项 (required): assignee");
        }
        String reason = cmd.reason() == null ? "" : cmd.reason().strip();
        if (reason.length() > AssignCommand.MAX_REASON) {
            throw new ValidationException("reason", "原因不能超过 " + AssignCommand.MAX_REASON + " 个字符 (at most "
                    + AssignCommand.MAX_REASON + " characters)");
        }
        Set<String> area = area(t, gridCode);
        PersonDefinition p = person(t, who).filter(x -> handles(x, leadDepartment) || works(x, area))
                .orElseThrow(() -> new ValidationException("assignee",
                        "该人员不是本案牵头部门或所在网格的承办人员 (not a handler of the lead department or a grid worker of the case's grid): "
                                + who));
        if (who.equals(current)) {
            throw new ConflictException("assignee", "案件已由该人员承办 (the case is already assigned to " + who + ")");
        }
        if (current != null && reason.isEmpty()) {
            throw new ValidationException("reason", "改派须说明原因 (a reassignment needs a reason)");
        }
        return p;
    }

    /** The journal note of an assignment: 指派承办人 / 改派承办人 with names and the reason. */
    static String note(TenantDefinition t, String previous, PersonDefinition to, String reason) {
        String r = reason == null || reason.isBlank() ? "" : "，原因：" + reason.strip();
        if (previous == null) {
            return "指派承办人：" + label(to) + r;
        }
        String from = person(t, previous).map(AssignmentRules::label).orElse(previous);
        return "改派承办人：" + from + " → " + label(to) + r;
    }

    /** {@code 郭建军（jz-cg）}. */
    static String label(PersonDefinition p) {
        return p.lastName() + p.firstName() + "（" + p.username() + "）";
    }

    /** The person as the people views show them (no phone, no e-mail). */
    static Person view(PersonDefinition p) {
        String role = p.has(Role.DEPARTMENT_HANDLER) ? Role.DEPARTMENT_HANDLER.id()
                : p.has(Role.GRID_WORKER) ? Role.GRID_WORKER.id() : p.roles().get(0).id();
        return new Person(p.username(), p.lastName() + p.firstName(), role, p.department(), p.grids());
    }

    /** A username that is no longer in the definition: shown by username only. */
    static Person unknown(String username) {
        return new Person(username, username, null, null, List.of());
    }

    /** Whether the person can hold cases at all (department handler with a department, or grid worker). */
    static boolean handler(PersonDefinition p) {
        return (p.has(Role.DEPARTMENT_HANDLER) && p.department() != null) || p.has(Role.GRID_WORKER);
    }

    static Optional<PersonDefinition> person(TenantDefinition t, String username) {
        return t.people().stream().filter(p -> p.username().equals(username)).findFirst();
    }

    private static boolean handles(PersonDefinition p, String leadDepartment) {
        return leadDepartment != null && p.has(Role.DEPARTMENT_HANDLER) && leadDepartment.equals(p.department());
    }

    private static boolean works(PersonDefinition p, Set<String> area) {
        return p.has(Role.GRID_WORKER) && p.grids().stream().anyMatch(area::contains);
    }

    /** The case's grid and every grid above it. */
    private static Set<String> area(TenantDefinition t, String gridCode) {
        return gridCode == null ? Set.of()
                : t.grids().pathTo(gridCode).stream().map(GridNode::code).collect(Collectors.toSet());
    }
}
