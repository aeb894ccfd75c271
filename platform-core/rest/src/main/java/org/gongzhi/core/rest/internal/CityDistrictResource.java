package org.gongzhi.core.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.service.tenants.TenantAdministration;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantInfo;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The district lifecycle for city administrators (租户管理): list, create (from a definition
 * directory or a posted definition), show, suspend, resume, delete, and re-run the identity
 * provisioning. City administrators only.
 */
@Component(service = CityDistrictResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/city/districts")
@Produces(MediaType.APPLICATION_JSON)
public final class CityDistrictResource {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final TenantAdministration admin;
    private final TenantDirectory tenants;

    @Activate
    public CityDistrictResource(@Reference TenantAdministration admin, @Reference TenantDirectory tenants) {
        this.admin = admin;
        this.tenants = tenants;
    }

    /**
     * Body of a create: either {@code definition} (the id of a directory under {@code tenants/}),
     * or {@code id} with the definition itself: {@code tenant} (the fields of {@code tenant.yaml}
     * without file references), {@code departments}, {@code grid} (the root grid node),
     * {@code people} and {@code defaultPassword} (demo only).
     */
    record CreateDistrict(String definition, String id, Map<String, Object> tenant, List<Object> departments,
                          Map<String, Object> grid, List<Object> people, String defaultPassword) {
    }

    record SuspendRequest(String reason) {
    }

    record IdentityJson(String state, String detail, Instant at) {
    }

    record DistrictJson(String id, String name, String nameEn, String city, String adminCode, String status,
                        Instant createdAt, Instant statusChangedAt, String statusReason, long cases,
                        List<String> enabledModels, int departments, int gridNodes, int people, IdentityJson identity) {
    }

    private DistrictJson json(TenantInfo i) {
        TenantDefinition t = i.definition();
        return new DistrictJson(t.id(), t.name(), t.nameEn(), t.city(), t.adminCode(), i.status().name().toLowerCase(java.util.Locale.ROOT),
                i.createdAt(), i.statusChangedAt(), i.statusReason(), i.cases(),
                tenants.enabledModels(t.id()).stream().sorted().toList(), t.departments().size(), t.grids().size(),
                t.people().size(), new IdentityJson(i.identity().state(), i.identity().detail(), i.identity().at()));
    }

    @GET
    public List<DistrictJson> list(@Context SecurityContext security) {
        Access.city(security);
        return admin.list().stream().map(this::json).toList();
    }

    /** Definition directories that are not districts yet. */
    @GET
    @Path("definitions")
    public List<String> definitions(@Context SecurityContext security) {
        Access.city(security);
        return admin.availableDefinitions();
    }

    /** 201 with the district; its identity realm is provisioned in the same call when configured. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateDistrict body, @Context SecurityContext security) {
        Access.city(security);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        TenantInfo created;
        if (body.definition() != null) {
            if (body.id() != null || body.tenant() != null || body.departments() != null || body.grid() != null
                    || body.people() != null || body.defaultPassword() != null) {
                throw new ValidationException("definition", "definition 与提交的定义只能二选一 "
                        + "(give either definition or a posted definition, not both)");
            }
            created = admin.create(body.definition());
        } else {
            created = admin.create(required("id", body.id()), files(body));
        }
        return Response.created(URI.create("/api/v1/city/districts/" + created.definition().id()))
                .entity(json(created)).build();
    }

    /** The posted parts as the files of a definition directory (JSON is YAML). */
    private static Map<String, String> files(CreateDistrict body) {
        Map<String, Object> tenant = new LinkedHashMap<>(required("tenant", body.tenant()));
        for (String reference : List.of("id", "calendar", "categories", "departments", "grids", "people")) {
            if (tenant.containsKey(reference)) {
                throw new ValidationException("tenant." + reference, "此字段由平台填写 (set by the platform): " + reference);
            }
        }
        tenant.put("id", body.id());
        tenant.put("calendar", "../common/calendar-cn.yaml");
        tenant.put("categories", "../common/categories.yaml");
        tenant.put("departments", "departments.yaml");
        tenant.put("grids", "grids.yaml");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("departments.yaml", write(Map.of("departments", required("departments", body.departments()))));
        files.put("grids.yaml", write(Map.of("grid", required("grid", body.grid()))));
        if (body.people() != null) {
            tenant.put("people", "people.yaml");
            Map<String, Object> people = new LinkedHashMap<>();
            if (body.defaultPassword() != null) {
                people.put("defaultPassword", body.defaultPassword());
            }
            people.put("people", body.people());
            files.put("people.yaml", write(people));
        }
        files.put("tenant.yaml", write(tenant));
        return files;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "必填项 (required): " + field);
        }
        return value;
    }

    @GET
    @Path("{id}")
    public DistrictJson show(@PathParam("id") String id, @Context SecurityContext security) {
        Access.city(security);
        return json(admin.show(id));
    }

    /** Refuses every API call of the district from now on; its data is kept. */
    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    public DistrictJson suspend(@PathParam("id") String id, SuspendRequest body, @Context SecurityContext security) {
        Access.city(security);
        return json(admin.suspend(id, body == null ? null : body.reason()));
    }

    @POST
    @Path("{id}/resume")
    public DistrictJson resume(@PathParam("id") String id, @Context SecurityContext security) {
        Access.city(security);
        return json(admin.resume(id));
    }

    /** 204; refused with 409 while the district holds cases unless {@code force=true}. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @QueryParam("force") String force,
                           @Context SecurityContext security) {
        Access.city(security);
        Boolean forced = Params.bool("force", force);
        admin.delete(id, Boolean.TRUE.equals(forced));
        return Response.noContent().build();
    }

    /** Provisions (repairs) the district's identity realm now; idempotent. */
    @POST
    @Path("{id}/identity")
    public ProvisioningReport provision(@PathParam("id") String id, @Context SecurityContext security) {
        Access.city(security);
        return admin.provisionIdentity(id);
    }
}
