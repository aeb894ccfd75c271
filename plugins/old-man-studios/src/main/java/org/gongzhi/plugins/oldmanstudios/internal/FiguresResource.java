package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.Clock;
import java.time.LocalDate;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 调解成效: success rate and time to agreement per studio, per organisation and for the district. */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
public final class FiguresResource implements PluginEndpoint {

    private final FiguresService figures;
    private final Clock clock = Clock.system(OldManStudiosModel.ZONE);

    @Activate
    public FiguresResource(@Reference PluginStorage storage) {
        this.figures = new FiguresService(storage);
    }

    /** Outcomes from {@code from} to {@code to} (days included); default: this year up to today. */
    @GET
    public Map<String, Object> figures(@PathParam("tenant") String tenant, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null || to.isBlank() ? today : Inputs.date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.withDayOfYear(1) : Inputs.date("from", from);
        if (start.isAfter(end)) {
            throw Problems.invalid("to", "结束日期不能早于开始日期", "the period ends before it starts");
        }
        return figures.figures(tenant, start, end);
    }
}
