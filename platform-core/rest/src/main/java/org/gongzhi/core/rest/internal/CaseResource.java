package org.gongzhi.core.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseDuplicates;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.DuplicateFlag;
import org.gongzhi.core.service.cases.CaseSummary;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.IntakeResult;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Cases of one district: intake, queries, the closed-loop transitions and the journal. Who may
 * report, see and step: {@link CasePermissions} and {@link Access#scope}; a case outside the
 * caller's scope answers 404 like a missing one. The city dispatcher's reads and steps are audited
 * ({@link TakeOverAudit}) and its steps journaled as 市级接管.
 */
@Component(service = CaseResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/cases")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseService cases;
    private final TenantDirectory tenants;
    private final EvidenceRecords evidence;
    private final EvidenceAccess evidenceAccess;
    private final CaseDuplicates duplicates;

    @Activate
    public CaseResource(@Reference CaseService cases, @Reference TenantDirectory tenants,
                        @Reference EvidenceRecords evidence, @Reference CaseDuplicates duplicates) {
        this.cases = cases;
        this.duplicates = duplicates;
        this.tenants = tenants;
        this.evidence = evidence;
        this.evidenceAccess = new EvidenceAccess(cases, tenants);
    }

    /** The case if the caller may see it, else 404 as if it did not exist. */
    private CaseView visible(String tenant, String id, Caller caller) {
        return VisibleCases.of(cases, tenants, tenant, id, caller);
    }

    /**
     * Checks the intake against the caller's roles: the channel must be one they may use, and a
     * grid worker reports only in their grids. Returns the reporting resident's subject, if any.
     */
    private String checkIntake(Caller caller, TenantDefinition t, NewCase body) {
        Set<Role> roles = Access.roles(caller);
        Channel channel = body.channel();
        if (channel == null) {
            return null; // the intake names the missing channel
        }
        if (!CasePermissions.channels(roles).contains(channel)) {
            throw new Access.AccessDeniedException("您的角色不能通过该渠道上报 (your role may not report through channel "
                    + channel.wireName() + ")");
        }
        boolean gridWorker = channel == Channel.GRID_WORKER && !CasePermissions.runsTheLoop(roles);
        // a street or community centre's dispatcher works in its own area: a case it registers elsewhere (or
        // nowhere) would leave its sight at once (ADR 0036)
        boolean centre = CasePermissions.runsTheLoop(roles) && !Access.scope(caller).wholeDistrict()
                && !caller.grids().isEmpty();
        if (gridWorker || centre) {
            String grid = body.gridCode();
            if (grid == null && body.longitude() != null && body.latitude() != null) {
                grid = t.grids().locate(new GeoPoint(body.longitude(), body.latitude())).map(GridNode::code).orElse(null);
            }
            if (grid == null && centre) {
                throw new ValidationException("gridCode", "本中心登记的案件须指定本中心范围内的网格或位置"
                        + " (a centre registers cases with a grid or a location in its own area)");
            }
            if (grid == null) {
                return null; // no location: the intake answers 400 naming the field
            }
            List<GridNode> path = t.grids().pathTo(grid);
            if (path.isEmpty()) {
                return null; // unknown grid: the intake answers 400 naming the field
            }
            boolean mine = path.stream().map(GridNode::code).anyMatch(caller.grids()::contains);
            if (!mine) {
                throw new Access.AccessDeniedException(gridWorker
                        ? "只能在您负责的网格内上报 (grid workers report only in their own grids)"
                        : "只能在本中心的网格范围内登记 (a centre registers cases in its own area only)");
            }
        }
        boolean resident = channel == Channel.RESIDENT_APP || channel == Channel.QR_CODE;
        return resident && roles.contains(Role.RESIDENT) ? caller.subject() : null;
    }

    /** {@code total} is exact when {@code totalExact}; else at least that many match (a word search's capped count). */
    record PageJson(List<CaseJson> items, long total, int offset, int limit, boolean totalExact) {
    }

    /** Intake (上报): 201 with the new case, or 200 with the earlier one for a repeated idempotency key. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("tenant") String tenant, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           NewCase body, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.REPORTERS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        String reporterSubject = checkIntake(caller, tenants.require(tenant), body);
        NewCase withKey = key == null || body.idempotencyKey() != null ? body : body.withIdempotencyKey(key);
        // keys are the caller's own: another caller's key (or the hotline's) is a new key here
        IntakeResult result = cases.report(tenant, withKey, Access.actor(security), reporterSubject,
                "subject:" + caller.subject());
        CaseView v = result.kase();
        Response.ResponseBuilder answer = result.created()
                ? Response.created(URI.create("/api/v1/tenants/" + tenant + "/cases/" + v.id()))
                : Response.ok();
        return answer.tag(etag(v)).entity(CaseJson.of(v, duplicate(caller, tenant, v))).build();
    }

    /** The inbox counts (调度台角标); {@code byStatus} has every open status, by wire name. */
    record SummaryJson(Instant at, Map<String, Long> byStatus, long open, long overdue, long warning,
                       long dueSoon, int dueWithin) {
        static SummaryJson of(CaseSummary s) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            s.byStatus().forEach((status, n) -> byStatus.put(CaseJson.wire(status), n));
            return new SummaryJson(s.at(), byStatus, s.open(), s.overdue(), s.warning(), s.dueSoon(),
                    s.dueWithinHours());
        }
    }

    @GET
    public PageJson list(@PathParam("tenant") String tenant, @QueryParam("status") List<String> status,
                         @QueryParam("grid") String grid, @QueryParam("department") String department,
                         @QueryParam("category") String category, @QueryParam("family") String family,
                         @QueryParam("channel") String channel, @QueryParam("tier") String tier,
                         @QueryParam("attribute") String attribute, @QueryParam("q") String q,
                         @QueryParam("overdue") String overdue, @QueryParam("dueWithin") String dueWithin,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("sort") String sort, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit, @QueryParam("commandPost") String commandPost,
                         @QueryParam("assignee") String assignee, @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        CaseQuery query = filters(tenant, status, grid, department, category, family, channel, tier, attribute, q, overdue,
                dueWithin, from, to, sort, commandPost)
                .page(Params.integer("offset", offset, 0), Params.integer("limit", limit, 50))
                .assignee(InboxParams.assignee(assignee, caller))
                .scope(Access.scope(caller)).build();
        Page<CaseView> page = cases.list(tenant, query);
        TakeOverAudit.record(caller, Access.actor(security), tenant, null, "list");
        return new PageJson(page.items().stream().map(CaseJson::of).toList(), page.total(), page.offset(), page.limit(),
                page.totalExact());
    }

    /** The list's filters, each bad value a 400 naming its parameter (list and export read the same). */
    private CaseQuery.Builder filters(String tenant, List<String> status, String grid, String department, String category,
                                      String family, String channel, String tier, String attribute, String q,
                                      String overdue, String dueWithin, String from, String to, String sort,
                                      String commandPost) {
        ZoneId zone = tenants.require(tenant).timeZone();
        return CaseQuery.builder().statuses(InboxParams.statuses(status)).grid(grid).department(department)
                .category(category).family(InboxParams.family(family)).channel(InboxParams.channel(channel)).tier(InboxParams.tier(tier))
                .attribute(InboxParams.attribute(attribute)).text(q).overdue(Params.bool("overdue", overdue))
                .dueWithinHours(Params.optionalInteger("dueWithin", dueWithin))
                .reported(Params.dayStart("from", from, zone), Params.dayStart("to", to, zone))
                .sort(InboxParams.sort(sort)).commandPost(Params.bool("commandPost", commandPost));
    }

    /**
     * The list with the same filters as a file (导出, ADR 0038), every match in the list's order, streamed
     * from a database cursor as it is written; never the reporter's name or phone. Bad filters answer 400
     * before the first byte; more matches than an XLSX sheet holds is a 400 naming {@code format}.
     */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("tenant") String tenant, @QueryParam("format") String format,
                           @QueryParam("status") List<String> status,
                           @QueryParam("grid") String grid, @QueryParam("department") String department,
                           @QueryParam("category") String category, @QueryParam("family") String family,
                           @QueryParam("channel") String channel, @QueryParam("tier") String tier,
                           @QueryParam("attribute") String attribute, @QueryParam("q") String q,
                           @QueryParam("overdue") String overdue, @QueryParam("dueWithin") String dueWithin,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("sort") String sort, @QueryParam("commandPost") String commandPost,
                           @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.EXPORTERS);
        CaseExport.Format file = CaseExport.Format.of(format == null ? "csv" : format);
        CaseQuery query = filters(tenant, status, grid, department, category, family, channel, tier, attribute, q, overdue,
                dueWithin, from, to, sort, commandPost).scope(Access.scope(caller)).build();
        // checks the filters (an unknown grid) and counts exactly (never capped), before the response is committed
        long total = cases.count(tenant, query);
        if (file == CaseExport.Format.XLSX && total >= CaseExport.XLSX_MAX_ROWS) {
            throw new ValidationException("format", "XLSX 最多 " + (CaseExport.XLSX_MAX_ROWS - 1) + " 行，请缩小范围或导出 CSV"
                    + " (an XLSX sheet holds " + (CaseExport.XLSX_MAX_ROWS - 1) + " rows: narrow the filters or use csv): " + total);
        }
        CaseExport export = new CaseExport(tenants.require(tenant));
        StreamingOutput body = out -> {
            try (CaseExport.Sheet sheet = export.open(file, out)) {
                cases.export(tenant, query, sheet::line);
            }
        };
        String name = tenant + "-cases-" + LocalDate.now(tenants.require(tenant).timeZone()) + "." + file.extension;
        return Response.ok(body, file.mediaType).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Total-Count", total).build();
    }

    /** Counts for the inbox's badges over the caller's visible open cases, with the list's filters but status. */
    @GET
    @Path("summary")
    public SummaryJson summary(@PathParam("tenant") String tenant, @QueryParam("grid") String grid,
                               @QueryParam("department") String department, @QueryParam("category") String category,
                               @QueryParam("family") String family, @QueryParam("channel") String channel,
                               @QueryParam("tier") String tier, @QueryParam("attribute") String attribute,
                               @QueryParam("q") String q, @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("dueWithin") String dueWithin, @QueryParam("commandPost") String commandPost,
                               @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        ZoneId zone = tenants.require(tenant).timeZone();
        CaseQuery query = CaseQuery.builder().grid(grid).department(department).category(category)
                .family(InboxParams.family(family)).channel(InboxParams.channel(channel)).tier(InboxParams.tier(tier))
                .attribute(InboxParams.attribute(attribute)).text(q)
                .reported(Params.dayStart("from", from, zone), Params.dayStart("to", to, zone))
                .commandPost(Params.bool("commandPost", commandPost))
                .scope(Access.scope(caller)).build();
        Integer window = Params.optionalInteger("dueWithin", dueWithin);
        return SummaryJson.of(cases.summary(tenant, query,
                window == null ? CaseSummary.DEFAULT_DUE_WITHIN_HOURS : window));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                        @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        CaseView v = visible(tenant, id, caller);
        TakeOverAudit.record(caller, Access.actor(security), tenant, v.id(), "view");
        return Response.ok(CaseJson.of(v, duplicate(caller, tenant, v))).tag(etag(v)).build();
    }

    /** The duplicate flag for the staff who run the loop (it names other cases), else null. */
    private DuplicateFlag duplicate(Caller caller, String tenant, CaseView v) {
        return CasePermissions.runsTheLoop(Access.roles(caller)) ? duplicates.of(tenant, v.id()) : null;
    }

    /** One step of the loop; {@code If-Match: "<version>"} or {@code expectedVersion} guards concurrent edits. */
    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transition(@PathParam("tenant") String tenant, @PathParam("id") String id,
                               @HeaderParam("If-Match") String ifMatch, TransitionRequest body,
                               @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        TransitionCommand command = body.toCommand(Access.actor(security), version(ifMatch));
        TenantDefinition district = tenants.require(tenant);
        // the case is read once: visibility and role are checked on it inside the step's transaction
        CaseView v = cases.transition(tenant, Params.caseId(id), command, admit(caller, district, command, id));
        TakeOverAudit.record(caller, command.actor(), tenant, v.id(), command.action().wireName());
        return Response.ok(CaseJson.of(v)).tag(etag(v)).build();
    }

    /**
     * What a step checks on the case before it is taken: a case outside the caller's scope is a 404 as if it
     * did not exist, a step the caller's roles may not take a 403 (one step and bulk steps alike).
     */
    static Consumer<CaseView> admit(Caller caller, TenantDefinition district, TransitionCommand command, String id) {
        return c -> {
            if (!Access.scope(caller).permits(c, district)) {
                throw new NotFoundException("案件不存在 (no such case): " + id);
            }
            if (!CasePermissions.steps(Access.roles(caller)).contains(command.action())) {
                throw new Access.AccessDeniedException("您的角色不能执行该操作 (your role may not take this step): "
                        + command.action().wireName());
            }
        };
    }

    @GET
    @Path("{id}/journal")
    public List<CaseJson.Entry> journal(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                        @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        CaseView v = visible(tenant, id, caller);
        TakeOverAudit.record(caller, Access.actor(security), tenant, v.id(), "journal");
        return cases.journal(tenant, Params.caseId(id)).stream().map(CaseJson.Entry::of).toList();
    }

    /** The evidence attached to the case, in the order it was attached, as far as the caller may see it. */
    @GET
    @Path("{id}/evidence")
    public List<EvidenceUploads.EvidenceJson> evidence(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                                       @Context SecurityContext security) {
        Caller caller = Access.district(security, tenants, tenant, CasePermissions.READERS);
        CaseView v = visible(tenant, id, caller);
        String base = "/api/v1/tenants/" + tenant + "/evidence";
        return evidence.ofCase(tenant, v.id()).stream().filter(e -> evidenceAccess.maySee(tenant, e, caller))
                .map(e -> EvidenceUploads.EvidenceJson.of(e, base)).toList();
    }

    private static EntityTag etag(CaseView v) {
        return new EntityTag(Long.toString(v.version()));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new ValidationException("If-Match", "If-Match 须为案件版本号 (must be the case version): " + ifMatch);
        }
    }
}
