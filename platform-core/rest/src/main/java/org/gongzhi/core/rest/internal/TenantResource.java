package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.grid.GeoJson;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Districts and their reference data: grids, departments, categories, point → grid lookup. */
@Component(service = TenantResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantResource {

    private final TenantDirectory tenants;

    @Activate
    public TenantResource(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    record TenantJson(String id, String name, String nameEn, String city, String cityEn, String adminCode,
                      String timeZone, List<String> plugins) {
        static TenantJson of(TenantDefinition t) {
            return new TenantJson(t.id(), t.name(), t.nameEn(), t.city(), t.cityEn(), t.adminCode(),
                    t.timeZone().getId(), t.plugins());
        }
    }

    record GridJson(String code, String name, String nameEn, String level, List<GridJson> children) {
        static GridJson of(GridNode n, int depth) {
            List<GridJson> kids = depth <= 0 ? null : n.children().stream().map(c -> of(c, depth - 1)).toList();
            return new GridJson(n.code(), n.name(), n.nameEn(), CaseJson.wire(n.level()), kids);
        }
    }

    /** A department as callers see it (never its system's client secret). */
    record DepartmentJson(String code, String name, String nameEn, String kind) {
        static DepartmentJson of(DepartmentDefinition d) {
            return new DepartmentJson(d.code(), d.name(), d.nameEn(), d.kind());
        }
    }

    /** Every district for a city administrator or the city dispatcher; a district's own people see only their district. */
    @GET
    public List<TenantJson> list(@Context SecurityContext security) {
        Caller caller = Access.anyone(security);
        return tenants.tenants().stream()
                .filter(t -> Access.isCityAdmin(caller) || Access.isCityDispatcher(caller) || t.id().equals(caller.tenantId()))
                .map(TenantJson::of).toList();
    }

    /** The district for any of its people, and for the city. */
    private TenantDefinition readable(SecurityContext security, String tenant) {
        Access.district(security, tenants, tenant, Role.values());
        return tenants.require(tenant);
    }

    @GET
    @Path("{tenant}")
    public TenantJson get(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        return TenantJson.of(readable(security, tenant));
    }

    /** The grid tree from {@code root} (default: the district) down {@code depth} levels (default all). */
    @GET
    @Path("{tenant}/grids")
    public GridJson grids(@PathParam("tenant") String tenant, @QueryParam("root") String root,
                          @QueryParam("depth") String depth, @Context SecurityContext security) {
        TenantDefinition t = readable(security, tenant);
        GridNode node = root == null ? t.grids().root() : t.grids().find(root)
                .orElseThrow(() -> new NotFoundException("本区没有该网格 (no such grid): " + root));
        return GridJson.of(node, Params.integer("depth", depth, 10));
    }

    /** Point → grid: the deepest grid whose boundary holds the point, with its path from the district. */
    @GET
    @Path("{tenant}/grids/locate")
    public Map<String, Object> locate(@PathParam("tenant") String tenant, @QueryParam("longitude") String lon,
                                      @QueryParam("latitude") String lat, @Context SecurityContext security) {
        TenantDefinition t = readable(security, tenant);
        GeoPoint point = new GeoPoint(Params.decimal("longitude", lon), Params.decimal("latitude", lat));
        GridNode grid = t.grids().locate(point)
                .orElseThrow(() -> new NotFoundException("该位置不在本区任何网格内 (the point lies in no grid of this district)"));
        return Map.of("grid", GridJson.of(grid, 0),
                "path", t.grids().pathTo(grid.code()).stream().map(n -> GridJson.of(n, 0)).toList());
    }

    /**
     * The district's grid boundaries as a GeoJSON FeatureCollection for a map: every node with a
     * boundary at {@code level} (default: all levels), each feature's properties naming its code,
     * names, level and parent. No map tiles are involved: the shapes are the map.
     */
    @GET
    @Path("{tenant}/grids/map")
    public ObjectNode map(@PathParam("tenant") String tenant, @QueryParam("level") String level,
                          @Context SecurityContext security) {
        TenantDefinition t = readable(security, tenant);
        return GeoJson.gridMap(t.grids(), gridLevel(level));
    }

    /** The {@code level} query parameter: a grid level's wire name, or null for all levels. */
    static GridLevel gridLevel(String level) {
        return level == null ? null : WireNames.lookup(GridLevel.values(), WireNames::of, level)
                .orElseThrow(() -> new ValidationException("level", "未知的网格层级 (unknown grid level): " + level));
    }

    @GET
    @Path("{tenant}/departments")
    public List<DepartmentJson> departments(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        return readable(security, tenant).departments().stream().map(DepartmentJson::of).toList();
    }

    @GET
    @Path("{tenant}/categories")
    public List<CategoryDefinition> categories(@PathParam("tenant") String tenant,
                                               @Context SecurityContext security) {
        return readable(security, tenant).categories();
    }
}
