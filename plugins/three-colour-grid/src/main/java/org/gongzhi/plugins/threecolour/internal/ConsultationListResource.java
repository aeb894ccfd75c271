package org.gongzhi.plugins.threecolour.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 会商记录 of the whole district, section {@code consultations}: {@code GET consultations[?grid=…]}, a
 * page oldest first — what the console's consultations page lists. Recording one stays with the case
 * ({@link ConsultationResource}, {@code cases/{caseId}/consultations}).
 */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
@Path("consultations")
@Produces(MediaType.APPLICATION_JSON)
public final class ConsultationListResource implements PluginEndpoint {

    /** A page of consultations, each {@code {id, caseId, gridCode, date, …}} as recorded. */
    public record ConsultationPage(List<Map<String, Object>> items, long total, int offset, int limit) {
    }

    private final PluginStorage storage;

    @Activate
    public ConsultationListResource(@Reference PluginStorage storage) {
        this.storage = storage;
    }

    @GET
    public ConsultationPage list(@PathParam("tenant") String tenant, @QueryParam("grid") String grid,
                                 @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        String gridCode = grid == null ? null : Check.grid("grid", grid);
        int from = Check.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = Check.integer("limit", limit, 50, 1, RecordCollection.MAX_LIMIT);
        ConsultationLog log = new ConsultationLog(
                storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.CONSULTATIONS));
        return new ConsultationPage(log.page(gridCode, from, size).stream().map(ConsultationResource::view).toList(),
                log.count(gridCode), from, size);
    }
}
