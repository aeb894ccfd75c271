package org.gongzhi.plugins.template.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Section {@code grids} of the template model: {@code /api/v1/tenants/{tenant}/plugins/template/grids…},
 * what {@link GridEventCounter} counted. One endpoint class per section; see {@link NotesResource}.
 */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
@Path("grids")
@Produces(MediaType.APPLICATION_JSON)
public final class GridsResource implements PluginEndpoint {

    /** Answer of {@code GET …/grids/{grid}/events}. */
    public record GridEvents(String grid, long events) {
    }

    private final PluginStorage storage;

    @Activate
    public GridsResource(@Reference PluginStorage storage) {
        this.storage = storage;
    }

    /** {@code GET …/grids/{grid}/events}: how many closed-loop steps cases of that grid took. */
    @GET
    @Path("{grid}/events")
    public GridEvents events(@PathParam("tenant") String tenant, @PathParam("grid") String grid) {
        return new GridEvents(grid, GridEventCounter.count(storage, tenant, grid));
    }
}
