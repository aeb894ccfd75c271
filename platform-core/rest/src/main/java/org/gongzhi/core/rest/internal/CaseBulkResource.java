package org.gongzhi.core.rest.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.people.AssignCommand;
import org.gongzhi.core.service.people.AssignmentService;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step on many cases (批量操作, ADR 0038): each case in its own transaction through the same path as
 * {@code POST …/cases/{id}/transitions} (scope, role, guards, journal), one result per case in the order
 * given. A case refused does not stop the others. The steps a bulk may take are {@link #STEPS}, and
 * {@value #ASSIGN}: naming the person who holds each case, through the same path as {@code POST …/assignment}
 * (ADR 0035).
 */
@Component(service = CaseBulkResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/cases/bulk")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseBulkResource {

    private static final Logger LOG = LoggerFactory.getLogger(CaseBulkResource.class);
    /** Most cases in one request. */
    static final int MAX_CASES = 200;
    /** The steps of the loop a bulk may take. */
    static final Set<CaseAction> STEPS = EnumSet.of(CaseAction.DISPATCH, CaseAction.CLOSE);
    /** The bulk's action that is not a step of the loop: assign each case to {@code assignee}. */
    static final String ASSIGN = "assign";

    private final CaseService cases;
    private final AssignmentService assignments;
    private final TenantDirectory tenants;
    private final ProblemMapper problems = new ProblemMapper();

    @Activate
    public CaseBulkResource(@Reference CaseService cases, @Reference AssignmentService assignments,
                            @Reference TenantDirectory tenants) {
        this.cases = cases;
        this.assignments = assignments;
        this.tenants = tenants;
    }

    /** The body: the step as {@code …/transitions} takes it (for every case alike) and the cases. */
    record BulkRequest(String action, List<String> caseIds, String note, String leadDepartment,
                       List<String> coDepartments, String tier, String assignee, String reason) {
    }

    /** One case's outcome: {@code ok} with its new status and version, or the problem a single step would answer. */
    record Result(String caseId, boolean ok, String number, String status, Long version, Problem problem) {
    }

    record BulkJson(String action, int ok, int failed, List<Result> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkJson bulk(@PathParam("tenant") String tenant, BulkRequest body, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        // checked whatever the action, so that a bad field is never silently ignored
        if (body.reason() != null && body.reason().strip().length() > AssignCommand.MAX_REASON) {
            throw new ValidationException("reason", "改派原因最多 " + AssignCommand.MAX_REASON + " 字 (a reason of at most "
                    + AssignCommand.MAX_REASON + " characters)");
        }
        if (body.action() != null && ASSIGN.equals(body.action().strip())) {
            return assign(tenant, body, security);
        }
        TransitionCommand command = new TransitionRequest(body.action(), body.note(), null, body.leadDepartment(),
                body.coDepartments(), body.tier(), null, null, null, null).toCommand(Access.actor(security), null);
        if (!STEPS.contains(command.action())) {
            throw new ValidationException("action", "批量只支持 (bulk takes only) " + STEPS.stream()
                    .map(CaseAction::wireName).sorted().toList() + ", " + ASSIGN + ": " + body.action());
        }
        if (!CasePermissions.steps(Access.roles(caller)).contains(command.action())) {
            throw new Access.AccessDeniedException("您的角色不能执行该操作 (your role may not take this step): "
                    + command.action().wireName());
        }
        TenantDefinition district = tenants.require(tenant);
        String action = command.action().wireName();
        return each(tenant, action, command.actor(), ids(body.caseIds()), id -> {
            CaseView v = cases.transition(tenant, id, command, CaseResource.admit(caller, district, command, id.toString()));
            TakeOverAudit.record(caller, command.actor(), tenant, v.id(), "bulk-" + action);
            return v;
        });
    }

    /** {@value #ASSIGN}: each case to {@code assignee}, a {@code reason} for those already held by someone. */
    private BulkJson assign(String tenant, BulkRequest body, SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CaseAssignmentResource.ASSIGNERS);
        TenantDefinition district = tenants.require(tenant);
        var roles = Access.roles(caller);
        String actor = Access.actor(security);
        if (body.assignee() == null || body.assignee().isBlank()) {
            throw new ValidationException("assignee", "请指定承办人 (name the person who is to hold the cases)");
        }
        List<UUID> ids = ids(body.caseIds());
        AssignCommand command = new AssignCommand(body.assignee(), body.reason(), actor, null);
        return each(tenant, ASSIGN, actor, ids, id -> assignments.assign(tenant, id, command,
                v -> CaseAssignmentResource.admit(caller, roles, district, v, id.toString(), body.assignee())).kase());
    }

    /** Runs {@code step} on each case, each on its own; a refusal is that case's problem, the others go on. */
    private BulkJson each(String tenant, String action, String actor, List<UUID> ids, Function<UUID, CaseView> step) {
        List<Result> results = new ArrayList<>(ids.size());
        int ok = 0;
        for (UUID id : ids) {
            try {
                CaseView v = step.apply(id);
                results.add(new Result(id.toString(), true, v.number(), CaseJson.wire(v.status()), v.version(), null));
                ok++;
            } catch (RuntimeException e) {
                Problem p = (Problem) problems.toResponse(e).getEntity();
                results.add(new Result(id.toString(), false, null, null, null, p));
            }
        }
        LOG.info("Bulk {} on {} cases of {} by {}: {} done, {} refused", action, ids.size(), tenant, actor, ok,
                ids.size() - ok);
        return new BulkJson(action, ok, ids.size() - ok, results);
    }

    /** 1–{@value #MAX_CASES} distinct case ids; a bad one is a 400 naming it ({@code caseIds[2]}). */
    private static List<UUID> ids(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("caseIds", "至少选择一个案件 (at least one case id)");
        }
        if (values.size() > MAX_CASES) {
            throw new ValidationException("caseIds", "一次最多 " + MAX_CASES + " 个案件 (at most " + MAX_CASES
                    + " cases at once): " + values.size());
        }
        List<UUID> ids = new ArrayList<>(values.size());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String field = "caseIds[" + i + "]";
            UUID id;
            try {
                id = UUID.fromString(values.get(i) == null ? "" : values.get(i).strip());
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field, "不是案件编号 (not a case id): " + InboxParams.shown(values.get(i)));
            }
            if (!seen.add(id)) {
                throw new ValidationException(field, "案件重复 (the same case twice): " + id);
            }
            ids.add(id);
        }
        return ids;
    }
}
