package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 三联 figures of a quarter, half-year or year, per community and for the district. */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
public final class FigureResource implements PluginEndpoint {

    private final PluginStorage storage;

    @Activate
    public FigureResource(@Reference PluginStorage storage) {
        this.storage = storage;
    }

    /** {@code period}: {@code 2026}, {@code 2026-H2} or {@code 2026-Q4}. */
    @GET
    public Figures figures(@PathParam("tenant") String tenant, @QueryParam("period") String period) {
        Period p = Period.parse("period", period);
        return new Books(storage, tenant, Clock.systemUTC()).figures(p);
    }
}
