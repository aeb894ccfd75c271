package org.gongzhi.core.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.dispatch.ResponsibilityLists;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Responsibility;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A district's responsibility list (责任清单 / 派单目录, ADR 0033): the district's administrator, its
 * dispatchers and the city read it; the administrator and the city replace it as a whole. A replacement
 * holds from the next registration on, without a restart.
 */
@Component(service = ResponsibilityListResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/responsibility-list")
@Produces(MediaType.APPLICATION_JSON)
public final class ResponsibilityListResource {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.CITY_ADMIN};
    static final Role[] EDITORS = {Role.DISTRICT_ADMIN, Role.CITY_ADMIN};

    private final ResponsibilityLists lists;
    private final TenantDirectory tenants;

    @Activate
    public ResponsibilityListResource(@Reference ResponsibilityLists lists, @Reference TenantDirectory tenants) {
        this.lists = lists;
        this.tenants = tenants;
    }

    /** The list as the wire carries it; {@code tier} is a wire name or null. */
    record ListJson(Boolean autoDispatch, List<EntryJson> entries) {
        static ListJson of(ResponsibilityList l) {
            return new ListJson(l.autoDispatch(), l.entries().stream().map(EntryJson::of).toList());
        }

        /** The list this body asks for; 400 naming the field when a value is malformed. */
        ResponsibilityList parsed() {
            if (entries == null) {
                throw new ValidationException("entries", "必填项 (required): entries");
            }
            if (entries.size() > ResponsibilityList.MAX_ENTRIES) {
                throw new ValidationException("entries", "责任清单最多 " + ResponsibilityList.MAX_ENTRIES
                        + " 条 (at most " + ResponsibilityList.MAX_ENTRIES + " entries)");
            }
            List<Responsibility> out = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                EntryJson e = entries.get(i);
                String at = "entries[" + i + "]";
                if (e == null) {
                    throw new ValidationException(at, "必填项 (required)");
                }
                SlaTier tier = e.tier() == null ? null : SlaTier.fromWireName(e.tier())
                        .orElseThrow(() -> new ValidationException(at + ".tier",
                                "须为 simple、coordination 或 difficult (tier must be simple, coordination or difficult)"));
                out.add(new Responsibility(e.categoryCode(), blankToNull(e.gridCode()), e.leadDepartment(),
                        e.coDepartments(), tier));
            }
            return new ResponsibilityList(Boolean.TRUE.equals(autoDispatch), out);
        }
    }

    record EntryJson(String categoryCode, String gridCode, String leadDepartment, List<String> coDepartments,
                     String tier) {
        static EntryJson of(Responsibility r) {
            return new EntryJson(r.categoryCode(), r.gridCode(), r.leadDepartment(), r.coDepartments(),
                    r.tier() == null ? null : r.tier().wireName());
        }
    }

    @GET
    public ListJson get(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, READERS);
        return ListJson.of(lists.current(tenant));
    }

    /** Replaces the whole list; 400 naming the field (e.g. {@code entries[2].leadDepartment}). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ListJson replace(@PathParam("tenant") String tenant, ListJson body, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, EDITORS);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        return ListJson.of(lists.replace(tenant, body.parsed(), Access.actor(security)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
