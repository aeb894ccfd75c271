package org.gongzhi.plugins.threecolour.internal;

import java.util.Arrays;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 一格八员: the roster of the eight roles of one grid, section {@code grids}: {@code grids/{grid}/roster/…}. */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
@Path("grids")
@Produces(MediaType.APPLICATION_JSON)
public final class RosterResource implements PluginEndpoint {

    /** Body of PUT: the person and the role they serve in; department fields for the four departmental roles. */
    public record MemberBody(String name, String role, String phone, String departmentKind, String departmentCode) {
    }

    /** A roster entry as answered. */
    public record MemberView(String memberId, String gridCode, String name, String role, String roleZh, String roleEn,
                             String phone, String departmentKind, String departmentCode) {
        static MemberView of(RosterBook.Member m) {
            return new MemberView(m.memberId(), m.gridCode(), m.name(), m.role().name(), m.role().nameZh(),
                    m.role().nameEn(), m.phone(), m.departmentKind(), m.departmentCode());
        }
    }

    /** The roster of a grid, with the roles not yet filled (缺员). */
    public record RosterView(String gridCode, List<MemberView> members, List<String> missingRoles) {
    }

    private final PluginStorage storage;
    private final PluginTenants tenants;

    @Activate
    public RosterResource(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.storage = storage;
        this.tenants = tenants;
    }

    /** Puts a person on the roster: 201 when new, 200 when replaced. */
    @PUT
    @Path("{grid}/roster/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("tenant") String tenant, @PathParam("grid") String grid,
                        @PathParam("memberId") String memberId, MemberBody body) {
        String gridCode = Check.grid("grid", grid);
        String id = Check.matching("memberId", memberId, Check.MEMBER);
        if (body == null) {
            throw new InvalidInputException("body", "请求体不能为空 (a JSON body is required)");
        }
        Role role = Role.parse("role", body.role());
        String kind = null;
        String department = null;
        if (role.departmental()) {
            kind = body.departmentKind() == null ? role.departmentKind()
                    : Check.matching("departmentKind", body.departmentKind(), Check.KIND);
            String chosenKind = kind;
            department = body.departmentCode() != null
                    ? Check.matching("departmentCode", body.departmentCode(), Check.DEPARTMENT)
                    : tenants.departmentOfKind(tenant, kind).orElseThrow(() -> new InvalidInputException("departmentKind",
                    "本区没有该类职能部门 (the district has no department of kind " + chosenKind + ")"));
        } else if (body.departmentKind() != null || body.departmentCode() != null) {
            throw new InvalidInputException(body.departmentKind() != null ? "departmentKind" : "departmentCode",
                    "该角色不来自职能部门 (role " + role.name() + " belongs to no department)");
        }
        RosterBook.Member member = new RosterBook.Member(gridCode, id, Check.required("name", body.name(), 40), role,
                Check.phone("phone", body.phone()), kind, department);
        boolean created = book(tenant).put(member).version() == 1;
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(MemberView.of(member)).build();
    }

    /** The grid's roster, optionally of one role. */
    @GET
    @Path("{grid}/roster")
    public RosterView list(@PathParam("tenant") String tenant, @PathParam("grid") String grid,
                           @QueryParam("role") String role) {
        String gridCode = Check.grid("grid", grid);
        Role only = role == null || role.isBlank() ? null : Role.parse("role", role);
        List<RosterBook.Member> members = book(tenant).members(gridCode);
        List<String> missing = Arrays.stream(Role.values())
                .filter(r -> members.stream().noneMatch(m -> m.role() == r)).map(Role::name).toList();
        return new RosterView(gridCode, members.stream().filter(m -> only == null || m.role() == only)
                .map(MemberView::of).toList(), missing);
    }

    @GET
    @Path("{grid}/roster/{memberId}")
    public MemberView get(@PathParam("tenant") String tenant, @PathParam("grid") String grid,
                          @PathParam("memberId") String memberId) {
        return book(tenant).member(Check.grid("grid", grid), Check.matching("memberId", memberId, Check.MEMBER))
                .map(MemberView::of).orElseThrow(() -> new NotFoundException("花名册中没有此人 (no such roster entry)"));
    }

    /** Takes a person off the roster: 204, or 404 when not on it. */
    @DELETE
    @Path("{grid}/roster/{memberId}")
    public Response remove(@PathParam("tenant") String tenant, @PathParam("grid") String grid,
                           @PathParam("memberId") String memberId) {
        if (!book(tenant).remove(Check.grid("grid", grid), Check.matching("memberId", memberId, Check.MEMBER))) {
            throw new NotFoundException("花名册中没有此人 (no such roster entry)");
        }
        return Response.noContent().build();
    }

    private RosterBook book(String tenant) {
        return new RosterBook(storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.ROSTER));
    }
}
