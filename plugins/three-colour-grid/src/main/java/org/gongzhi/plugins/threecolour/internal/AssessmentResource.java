package org.gongzhi.plugins.threecolour.internal;

import java.util.List;

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

/**
 * 一月一调度、一季一督查、半年一通报: assessment figures of a period ({@code period=2026-11},
 * {@code 2026-Q4} or {@code 2026-H2}) per grid and per role, and the top-ten grids (十佳).
 */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
@Path("assessment")
@Produces(MediaType.APPLICATION_JSON)
public final class AssessmentResource implements PluginEndpoint {

    /** Default minimum of cases due for a place in a ranking. */
    static final int MIN_CASES = 5;

    /** Figures of a period with the rhythm they serve. */
    public record Figures<T>(String period, String rhythm, List<T> items) {
    }

    private final PluginStorage storage;

    @Activate
    public AssessmentResource(@Reference PluginStorage storage) {
        this.storage = storage;
    }

    @GET
    @Path("grids")
    public Figures<GridFigures> grids(@PathParam("tenant") String tenant, @QueryParam("period") String period,
                                      @QueryParam("grid") String grid) {
        Period p = Period.parse("period", period);
        return new Figures<>(p.text(), p.rhythm(), assessment(tenant).grids(p, grid == null ? null : Check.grid("grid", grid)));
    }

    @GET
    @Path("roles")
    public Figures<Assessment.RoleFigures> roles(@PathParam("tenant") String tenant, @QueryParam("period") String period,
                                                 @QueryParam("grid") String grid) {
        Period p = Period.parse("period", period);
        return new Figures<>(p.text(), p.rhythm(), assessment(tenant).roles(p, grid == null ? null : Check.grid("grid", grid)));
    }

    /** 十佳: top ten grids by closure rate among those with at least {@code minCases} (default 5) cases due. */
    @GET
    @Path("ranking")
    public Assessment.Ranking ranking(@PathParam("tenant") String tenant, @QueryParam("period") String period,
                                      @QueryParam("minCases") String minCases) {
        Period p = Period.parse("period", period);
        return assessment(tenant).ranking(p, Check.integer("minCases", minCases, MIN_CASES, 1, 100_000));
    }

    private Assessment assessment(String tenant) {
        return new Assessment(
                new TallyBook(storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.TALLIES)),
                storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.WHISTLES));
    }
}
