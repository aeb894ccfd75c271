package org.gongzhi.core.rest.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * What each district role may do with cases (the policy; {@link Access#scope} says which cases).
 *
 * <table>
 * <caption>case permissions</caption>
 * <tr><th>role</th><th>report through</th><th>steps</th></tr>
 * <tr><td>district-admin, dispatcher</td><td>any channel</td><td>every step</td></tr>
 * <tr><td>city-dispatcher (city realm, any district)</td><td>—</td><td>every step (市级接管, audited)</td></tr>
 * <tr><td>grid-worker</td><td>grid-worker, in their grids</td><td>accept, return, feedback, progress</td></tr>
 * <tr><td>department-handler</td><td>department</td><td>accept, return, feedback, progress</td></tr>
 * <tr><td>resident</td><td>resident-app, qr-code (their own cases)</td><td>evaluate</td></tr>
 * <tr><td>mediator, social-worker</td><td>—</td><td>— (read the district's cases)</td></tr>
 * </table>
 *
 * <p>Assigning a case to a person (承办人, ADR 0035, {@link #assigner}): the centre (administrators,
 * dispatchers) to anyone who may hold it; a department handler of the case's lead department to a handler of
 * that department; a grid worker of the case's grid or of a grid above it (网格长) to a grid worker.
 */
final class CasePermissions {

    /** Roles that may read cases (each within its scope). */
    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER,
        Role.MEDIATOR, Role.SOCIAL_WORKER, Role.RESIDENT, Role.CITY_DISPATCHER};
    /** Roles that may export the cases they see (ADR 0038): the district's staff, not residents. */
    static final Role[] EXPORTERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER,
        Role.MEDIATOR, Role.SOCIAL_WORKER};
    /** Roles that may report cases. */
    static final Role[] REPORTERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER, Role.DEPARTMENT_HANDLER,
        Role.RESIDENT};
    private static final Set<CaseAction> HANDLING = EnumSet.of(CaseAction.ACCEPT, CaseAction.RETURN, CaseAction.FEEDBACK,
            CaseAction.PROGRESS);

    private CasePermissions() {
    }

    /** Whether someone with {@code roles} runs the whole loop. */
    static boolean runsTheLoop(Set<Role> roles) {
        return roles.contains(Role.DISTRICT_ADMIN) || roles.contains(Role.DISPATCHER);
    }

    /** The steps {@code roles} may take on a case inside their scope. */
    static Set<CaseAction> steps(Set<Role> roles) {
        if (runsTheLoop(roles) || roles.contains(Role.CITY_DISPATCHER)) {
            return EnumSet.allOf(CaseAction.class);
        }
        Set<CaseAction> steps = EnumSet.noneOf(CaseAction.class);
        if (roles.contains(Role.GRID_WORKER) || roles.contains(Role.DEPARTMENT_HANDLER)) {
            steps.addAll(HANDLING);
        }
        if (roles.contains(Role.RESIDENT)) {
            steps.add(CaseAction.EVALUATE);
        }
        return steps;
    }

    /** The intake channels {@code roles} may report through. */
    static Set<Channel> channels(Set<Role> roles) {
        if (runsTheLoop(roles)) {
            return EnumSet.allOf(Channel.class);
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (roles.contains(Role.GRID_WORKER)) {
            channels.add(Channel.GRID_WORKER);
        }
        if (roles.contains(Role.DEPARTMENT_HANDLER)) {
            channels.add(Channel.DEPARTMENT);
        }
        if (roles.contains(Role.RESIDENT)) {
            channels.add(Channel.RESIDENT_APP);
            channels.add(Channel.QR_CODE);
        }
        return channels;
    }

    /**
     * On whose behalf {@code caller} may assign {@code kase}, or {@code null} if they may not: {@link Role#DISPATCHER}
     * for the centre (anyone), {@link Role#DEPARTMENT_HANDLER} (the department's people),
     * {@link Role#GRID_WORKER} (grid workers).
     */
    static Role assigner(Caller caller, Set<Role> roles, CaseView kase, TenantDefinition district) {
        if (runsTheLoop(roles)) {
            return Role.DISPATCHER;
        }
        if (roles.contains(Role.DEPARTMENT_HANDLER) && caller.department() != null
                && caller.department().equals(kase.leadDepartment())) {
            return Role.DEPARTMENT_HANDLER;
        }
        if (roles.contains(Role.GRID_WORKER) && kase.gridCode() != null) {
            List<GridNode> path = district.grids().pathTo(kase.gridCode());
            if (path.stream().map(GridNode::code).anyMatch(caller.grids()::contains)) {
                return Role.GRID_WORKER;
            }
        }
        return null;
    }

    /** Whether an assigner acting as {@code as} (see {@link #assigner}) may name {@code person}. */
    static boolean mayName(Role as, Caller caller, PersonDefinition person) {
        return switch (as) {
            case DEPARTMENT_HANDLER -> person.has(Role.DEPARTMENT_HANDLER) && caller.department().equals(person.department());
            case GRID_WORKER -> person.has(Role.GRID_WORKER);
            default -> true;
        };
    }
}
