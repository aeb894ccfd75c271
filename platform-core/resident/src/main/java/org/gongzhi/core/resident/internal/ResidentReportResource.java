package org.gongzhi.core.resident.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseDuplicates;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.IntakeResult;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.residents.ResidentSession;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A resident's own reports (随手拍 / 码上办 上报、我的上报、评价、重新办理), {@code /api/v1/resident/{tenant}/reports}:
 * every call needs the resident's session token. Cases go through {@link CaseService} with the resident
 * subject as actor, reporter subject and idempotency scope, and the verified phone as the reporter's phone.
 * Another resident's report, or another district's, is not found.
 */
@Component(service = ResidentReportResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/resident/{tenant}/reports")
@Produces(MediaType.APPLICATION_JSON)
public final class ResidentReportResource {

    private final ResidentRuntime runtime;
    private final CaseService cases;
    private final CaseDuplicates duplicates;

    @Activate
    public ResidentReportResource(@Reference ResidentRuntime runtime, @Reference CaseService cases,
                                  @Reference CaseDuplicates duplicates) {
        this.duplicates = duplicates;
        this.runtime = runtime;
        this.cases = cases;
    }

    /** 201 with the new case; 200 with the earlier one for a repeated {@code Idempotency-Key}. Limits: 429. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("tenant") String tenant, @HeaderParam("Idempotency-Key") String key,
                           ResidentJson.NewReport body, @Context HttpHeaders headers) {
        TenantDefinition t = runtime.district(tenant);
        ResidentSession resident = runtime.resident(t.id(), headers.getRequestHeader(HttpHeaders.AUTHORIZATION));
        NewCase newCase = newCase(t, Input.body(body), resident, Input.idempotencyKey(key));
        RateLimits.Permit permit = runtime.limits().report(t.id(), resident.subject(), grid(t, newCase));
        IntakeResult result;
        try {
            result = cases.report(t.id(), newCase, resident.subject(), resident.subject(), resident.subject());
        } catch (ValidationException e) {
            permit.refund();
            // the evidence goes to the case as attachments: name the field the resident sent
            throw "attachments".equals(e.field()) ? new ValidationException("evidence", e.getMessage()) : e;
        } catch (RuntimeException e) {
            permit.refund();
            throw e;
        }
        CaseView c = result.kase();
        ResidentJson.Created created = new ResidentJson.Created(c.id(), c.number(), WireNames.of(c.status()), c.reportedAt());
        if (!result.created()) {
            permit.refund(); // a replay: nothing new was reported
            return Response.ok(created).build();
        }
        return Response.created(URI.create("/api/v1/resident/" + t.id() + "/reports/" + c.id())).entity(created).build();
    }

    private static NewCase newCase(TenantDefinition t, ResidentJson.NewReport b, ResidentSession resident, String key) {
        String code = Input.text("categoryCode", b.categoryCode(), 10);
        CategoryDefinition category = t.category(code).filter(CategoryDefinition::leaf)
                .orElseThrow(() -> new ValidationException("categoryCode", "请选择本区的事件小类 (categoryCode: a sub-category "
                        + "of the district)"));
        String description = Input.text("description", b.description(), Input.MAX_DESCRIPTION);
        Channel channel = Input.channel(b.channel());
        boolean publicConsent = Input.required("publicConsent", b.publicConsent());
        String address = Input.optionalText("address", b.address(), Input.MAX_ADDRESS);
        String gridCode = Input.optionalText("gridCode", b.gridCode(), 40);
        if (channel == Channel.QR_CODE && gridCode == null) {
            throw new ValidationException("gridCode", "扫码上报须带网格编码 (gridCode: required with channel qr-code)");
        }
        if (gridCode == null && address == null && b.longitude() == null && b.latitude() == null) {
            throw new ValidationException("location", "请提供位置：坐标、地址或网格 (a location is required: longitude and "
                    + "latitude, address or gridCode)");
        }
        return new NewCase(Reports.title(category, description), description, category.code(), channel,
                b.longitude(), b.latitude(), address, gridCode, null, resident.phone(), Input.evidence(b.evidence()), key,
                null, null, publicConsent);
    }

    /** The grid the report counts against: the one named, else the one holding the point; null for neither. */
    private static String grid(TenantDefinition t, NewCase c) {
        if (c.gridCode() != null) {
            return t.grids().find(c.gridCode()).map(GridNode::code)
                    .orElseThrow(() -> new ValidationException("gridCode", "本区没有该网格 (unknown grid)"));
        }
        if (c.longitude() != null && c.latitude() != null) {
            return t.grids().locate(new GeoPoint(c.longitude(), c.latitude())).map(GridNode::code).orElse(null);
        }
        return null;
    }

    /** The resident's own reports, newest first. */
    @GET
    public ResidentJson.ReportPage list(@PathParam("tenant") String tenant, @QueryParam("offset") String offset,
                                        @QueryParam("limit") String limit, @Context HttpHeaders headers) {
        TenantDefinition t = runtime.district(tenant);
        ResidentSession resident = runtime.resident(t.id(), headers.getRequestHeader(HttpHeaders.AUTHORIZATION));
        int from = Input.offset(offset);
        int size = Input.limit(limit);
        Page<CaseView> page = cases.list(t.id(), CaseQuery.builder().page(from, size)
                .scope(CaseScope.nothing().withReporter(resident.subject())).build());
        Instant now = runtime.clock().instant();
        return new ResidentJson.ReportPage(page.items().stream()
                .map(c -> Reports.item(t, c, runtime.settings().reopenWindow(), now)).toList(), page.total());
    }

    @GET
    @Path("{id}")
    public ResidentJson.Report get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                   @Context HttpHeaders headers) {
        TenantDefinition t = runtime.district(tenant);
        ResidentSession resident = runtime.resident(t.id(), headers.getRequestHeader(HttpHeaders.AUTHORIZATION));
        return view(t, own(t, resident, id));
    }

    /** Rates a closed report (1–5) once; the case becomes evaluated. 409 when it is not closed or already rated. */
    @POST
    @Path("{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResidentJson.Report rate(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                    ResidentJson.Rating body, @Context HttpHeaders headers) {
        TenantDefinition t = runtime.district(tenant);
        ResidentSession resident = runtime.resident(t.id(), headers.getRequestHeader(HttpHeaders.AUTHORIZATION));
        Input.body(body);
        if (body.score() == null || body.score() < 1 || body.score() > 5) {
            throw new ValidationException("score", "评分须为 1–5 (score: 1 to 5)");
        }
        String comment = Input.optionalText("comment", body.comment(), Input.MAX_COMMENT);
        return view(t, ownStep(t, resident, id, new TransitionCommand(CaseAction.EVALUATE, resident.subject(),
                comment, List.of(), null, null, null, null, body.score(), null), c -> {
                    if (!Reports.canRate(c)) {
                        throw new ConflictException("status", "只能评价已办结且未评价的上报 (only a closed report that has "
                                + "not been rated can be rated)");
                    }
                }));
    }

    /**
     * Reopens a closed report the resident is not satisfied with, within {@code reopenDays} of closing
     * (重新办理): the reason goes to the journal. 409 otherwise.
     */
    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResidentJson.Report reopen(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                      ResidentJson.Reopen body, @Context HttpHeaders headers) {
        TenantDefinition t = runtime.district(tenant);
        ResidentSession resident = runtime.resident(t.id(), headers.getRequestHeader(HttpHeaders.AUTHORIZATION));
        String reason = Input.text("reason", Input.body(body).reason(), Input.MAX_COMMENT);
        return view(t, ownStep(t, resident, id, new TransitionCommand(CaseAction.REOPEN, resident.subject(),
                "居民申请重新办理 (reopened by the reporter): " + reason, List.of(), null, null, null, null, null, null),
                c -> {
                    String why = Reports.whyNotReopen(c, runtime.settings().reopenWindow(), runtime.clock().instant());
                    if (why != null) {
                        throw new ConflictException("status", why);
                    }
                }));
    }

    /**
     * A step on the resident's own report: the case is read once, under the step's lock, checked to be
     * theirs (else not found exactly like a missing one) and by {@code rule}, then changed.
     */
    private CaseView ownStep(TenantDefinition t, ResidentSession resident, String id, TransitionCommand command,
                             Consumer<CaseView> rule) {
        UUID caseId = Input.reportId(id);
        try {
            return cases.transition(t.id(), caseId, command, c -> {
                if (!resident.subject().equals(c.reporterSubject())) {
                    throw Input.notFound(id);
                }
                rule.accept(c);
            });
        } catch (NotFoundException e) {
            throw Input.notFound(id);
        }
    }

    /** The resident's own report, else not found exactly like a missing one. */
    private CaseView own(TenantDefinition t, ResidentSession resident, String id) {
        UUID caseId = Input.reportId(id);
        CaseView c;
        try {
            c = cases.get(t.id(), caseId);
        } catch (NotFoundException e) {
            throw Input.notFound(id);
        }
        if (!resident.subject().equals(c.reporterSubject())) {
            throw Input.notFound(id);
        }
        return c;
    }

    /** The report; a report merged into another case shows the master's progress (ADR 0034). */
    private ResidentJson.Report view(TenantDefinition t, CaseView c) {
        UUID followed = duplicates.followed(t.id(), c.id());
        if (!followed.equals(c.id())) {
            CaseView master = cases.get(t.id(), followed);
            return Reports.following(t, c, cases.journal(t.id(), c.id()), master, cases.journal(t.id(), master.id()));
        }
        return Reports.report(t, c, cases.journal(t.id(), c.id()), runtime.settings().reopenWindow(),
                runtime.clock().instant());
    }
}
